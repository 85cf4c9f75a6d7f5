/**
 * Cycle detection for deterministic dynamics. The dynamic state is the
 * profile plus the schedule position, and the next state is a function of
 * it, so the first repeated state proves a cycle. Brent's algorithm finds
 * the repetition online in O(1) state memory. It keeps one saved state and
 * moves it to the current state whenever the rounds since the save reach a
 * power of two. A cycle of period λ is proven when the current state
 * equals the saved one λ rounds after the save.
 *
 * A repeated state with a single profile is a rest point, not a cycle,
 * and is left to the convergence observer. Under stochastic dynamics a
 * repeated state proves nothing, so this observer stays idle there and the
 * profile-time observer reports recurrent profiles instead.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import { sameProfile, type RoundObserver } from './observer.js';

/** Profiles kept per Brent window; a longer cycle is reported without its full list. */
export const CYCLE_PROFILE_LIMIT = 10_000;

export interface CycleSettings {
  /** Whether the dynamics are deterministic, so a repeated state proves a cycle. */
  deterministic: boolean;
  /** Profile at round 0, before any revision. */
  initialProfile: ArrayLike<number>;
  onCycle?: (round: number) => void;
}

export interface CycleResult {
  /** Round in which the cycle was proven. */
  round: number;
  /** Rounds per turn of the cycle. */
  period: number;
  /** Profiles in the order the cycle visits them, each listed once per visit. */
  profiles: number[][];
  /** Whether `profiles` was cut at CYCLE_PROFILE_LIMIT. */
  truncated: boolean;
}

export interface CycleSnapshot {
  savedProfile: number[];
  savedPosition: number;
  power: number;
  roundsSinceSave: number;
  path: number[][];
  truncated: boolean;
  found: CycleResult | null;
}

export class CycleObserver implements RoundObserver<CycleResult | null, CycleSnapshot> {
  private savedProfile: Int32Array;
  private savedPosition = 0;
  private power = 1;
  private roundsSinceSave = 0;
  /** Profiles visited since the save, starting with the saved one. */
  private path: number[][];
  private truncated = false;
  private found: CycleResult | null = null;

  constructor(private readonly settings: CycleSettings) {
    this.savedProfile = Int32Array.from(settings.initialProfile);
    this.path = [Array.from(settings.initialProfile)];
  }

  /** Round in which a cycle was proven, or null. */
  get foundAt(): number | null {
    return this.found?.round ?? null;
  }

  observe(event: RoundEvent): void {
    if (!this.settings.deterministic || this.found !== null) return;

    this.roundsSinceSave++;
    if (event.changed) {
      if (this.path.length < CYCLE_PROFILE_LIMIT) this.path.push(Array.from(event.profile));
      else this.truncated = true;
    }

    const repeated =
      event.schedulePosition === this.savedPosition && sameProfile(event.profile, this.savedProfile);
    if (repeated) {
      // The path ends with the saved profile again; drop that copy.
      const profiles = this.path.length > 1 ? this.path.slice(0, -1) : this.path.slice();
      if (profiles.length > 1 || this.truncated) {
        this.found = { round: event.round, period: this.roundsSinceSave, profiles, truncated: this.truncated };
        this.settings.onCycle?.(event.round);
        return;
      }
      // A single profile repeating is a rest point: keep watching from here.
    }

    if (repeated || this.roundsSinceSave === this.power) {
      this.savedProfile.set(event.profile);
      this.savedPosition = event.schedulePosition;
      if (!repeated) this.power *= 2;
      this.roundsSinceSave = 0;
      this.path = [Array.from(event.profile)];
      this.truncated = false;
    }
  }

  result(): CycleResult | null {
    return this.found;
  }

  snapshot(): CycleSnapshot {
    return {
      savedProfile: Array.from(this.savedProfile),
      savedPosition: this.savedPosition,
      power: this.power,
      roundsSinceSave: this.roundsSinceSave,
      path: this.path.map((p) => p.slice()),
      truncated: this.truncated,
      found: this.found,
    };
  }

  restore(snapshot: CycleSnapshot): void {
    this.savedProfile = Int32Array.from(snapshot.savedProfile);
    this.savedPosition = snapshot.savedPosition;
    this.power = snapshot.power;
    this.roundsSinceSave = snapshot.roundsSinceSave;
    this.path = snapshot.path.map((p) => p.slice());
    this.truncated = snapshot.truncated;
    this.found = snapshot.found;
  }
}
