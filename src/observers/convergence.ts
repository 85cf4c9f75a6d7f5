/**
 * Convergence to a pure Nash equilibrium, tested exactly with the
 * DeviationEvaluator under π.
 *
 * - Deterministic dynamics: the profile is an equilibrium and a whole
 *   revision pass (N rounds of round-robin, one simultaneous round) left
 *   it unchanged.
 * - Stochastic dynamics: the profile is an equilibrium and stayed
 *   unchanged for `window` rounds.
 *
 * The observer also counts the rounds in which each equilibrium profile
 * served the users, which is the meaningful figure when noisy dynamics
 * keep leaving equilibria.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import { DeviationEvaluator } from '../game/bestResponse.js';
import type { Market } from '../market/market.js';
import { ProfileCodec, type ProfileKey, type RoundObserver } from './observer.js';

/** Distinct profiles whose equilibrium test result is cached, at most. */
const NASH_CACHE_LIMIT = 100_000;

export interface ConvergenceSettings {
  /** Rounds the profile must stay unchanged before the equilibrium test counts. */
  stayRounds: number;
  /** Called in the round where convergence is first detected. */
  onConverged?: (round: number) => void;
}

export interface ConvergenceResult {
  /** Whether the profile is converged at the last round observed. */
  converged: boolean;
  /** Round in which the current convergence was detected. */
  round: number | null;
  profile: number[] | null;
  /** Rounds each equilibrium profile served users, most first. */
  equilibriumTime: { profile: number[]; rounds: number }[];
}

export interface ConvergenceSnapshot {
  unchangedRounds: number;
  convergedRound: number | null;
  convergedProfile: number[] | null;
  equilibriumTime: [ProfileKey, number][];
  stintKey: ProfileKey | null;
  stintRounds: number;
}

export class ConvergenceObserver implements RoundObserver<ConvergenceResult, ConvergenceSnapshot> {
  private readonly evaluator: DeviationEvaluator;
  private readonly codec: ProfileCodec;
  private readonly numPlatforms: number;
  private readonly nashCache = new Map<ProfileKey, boolean>();
  private unchangedRounds = 0;
  private convergedRound: number | null = null;
  private convergedProfile: number[] | null = null;
  /** Whether the current unchanged profile already failed the equilibrium test. */
  private testedNotNash = false;
  private readonly equilibriumTime = new Map<ProfileKey, number>();
  /** The profile serving users since the last switch, and for how many rounds. */
  private stintKey: ProfileKey | null = null;
  private stintRounds = 0;

  constructor(
    market: Market,
    private readonly settings: ConvergenceSettings,
  ) {
    this.evaluator = new DeviationEvaluator(market);
    this.codec = new ProfileCodec(market.numModels, market.numPlatforms);
    this.numPlatforms = market.numPlatforms;
  }

  /** Round in which the current convergence was detected, or null. */
  get convergedAt(): number | null {
    return this.convergedRound;
  }

  observe(event: RoundEvent): void {
    if (this.stintKey === null) this.stintKey = this.codec.encode(event.servedProfile);
    this.stintRounds++;

    if (event.changed) {
      this.closeStint();
      this.stintKey = this.codec.encode(event.profile);
      this.unchangedRounds = 0;
      this.convergedRound = null;
      this.convergedProfile = null;
      this.testedNotNash = false;
      return;
    }

    this.unchangedRounds++;
    if (this.convergedRound !== null || this.testedNotNash) return;
    if (this.unchangedRounds < this.settings.stayRounds) return;

    if (this.isNash(this.stintKey!, event.profile)) {
      this.convergedRound = event.round;
      this.convergedProfile = Array.from(event.profile);
      this.settings.onConverged?.(event.round);
    } else {
      this.testedNotNash = true;
    }
  }

  private closeStint(): void {
    if (this.stintKey === null || this.stintRounds === 0) return;
    if (this.isNash(this.stintKey)) {
      this.equilibriumTime.set(this.stintKey, (this.equilibriumTime.get(this.stintKey) ?? 0) + this.stintRounds);
    }
    this.stintRounds = 0;
  }

  private isNash(key: ProfileKey, profile?: ArrayLike<number>): boolean {
    const cached = this.nashCache.get(key);
    if (cached !== undefined) return cached;
    const nash = this.evaluator.isNash(profile ?? this.codec.decode(key, this.numPlatforms));
    if (this.nashCache.size < NASH_CACHE_LIMIT) this.nashCache.set(key, nash);
    return nash;
  }

  result(): ConvergenceResult {
    const time = new Map(this.equilibriumTime);
    if (this.stintKey !== null && this.stintRounds > 0) {
      if (this.isNash(this.stintKey)) time.set(this.stintKey, (time.get(this.stintKey) ?? 0) + this.stintRounds);
    }
    const equilibriumTime = [...time.entries()]
      .map(([key, rounds]) => ({ profile: this.codec.decode(key, this.numPlatforms), rounds }))
      .sort((a, b) => b.rounds - a.rounds);
    return {
      converged: this.convergedRound !== null,
      round: this.convergedRound,
      profile: this.convergedProfile,
      equilibriumTime,
    };
  }

  snapshot(): ConvergenceSnapshot {
    return {
      unchangedRounds: this.unchangedRounds,
      convergedRound: this.convergedRound,
      convergedProfile: this.convergedProfile,
      equilibriumTime: [...this.equilibriumTime.entries()],
      stintKey: this.stintKey,
      stintRounds: this.stintRounds,
    };
  }

  restore(snapshot: ConvergenceSnapshot): void {
    this.unchangedRounds = snapshot.unchangedRounds;
    this.convergedRound = snapshot.convergedRound;
    this.convergedProfile = snapshot.convergedProfile;
    this.equilibriumTime.clear();
    for (const [key, rounds] of snapshot.equilibriumTime) this.equilibriumTime.set(key, rounds);
    this.stintKey = snapshot.stintKey;
    this.stintRounds = snapshot.stintRounds;
    // The "already tested" flag is a cache, because repeating the test gives the same result.
    this.testedNotNash = false;
  }
}
