/**
 * Rounds spent at each profile, counting the profile that served users in
 * each round, and how many separate visits each profile had. A profile
 * visited more than once is recurrent, which is what stochastic dynamics
 * report in place of a proven cycle.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import { ProfileCodec, type ProfileKey, type RoundObserver } from './observer.js';

/** Distinct profiles tracked, at most; rounds at further profiles are counted together. */
export const PROFILE_TIME_LIMIT = 10_000;

export interface ProfileTime {
  profile: number[];
  rounds: number;
  visits: number;
}

export interface ProfileTimeResult {
  /** Distinct profiles tracked (at most PROFILE_TIME_LIMIT). */
  distinctProfiles: number;
  /** Rounds spent at profiles beyond the tracking limit. */
  untrackedRounds: number;
  /** Profiles with the most rounds, most first. */
  top: ProfileTime[];
  /** Profiles visited more than once, most rounds first. */
  recurrent: ProfileTime[];
}

export interface ProfileTimeSnapshot {
  entries: [ProfileKey, number, number][];
  untrackedRounds: number;
  currentKey: ProfileKey | null;
}

interface Entry {
  rounds: number;
  visits: number;
}

export class ProfileTimeObserver implements RoundObserver<ProfileTimeResult, ProfileTimeSnapshot> {
  private readonly codec: ProfileCodec;
  private readonly entries = new Map<ProfileKey, Entry>();
  private untrackedRounds = 0;
  /** Key and entry of the profile serving users now; entry is null when untracked. */
  private currentKey: ProfileKey | null = null;
  private current: Entry | null = null;

  constructor(
    numModels: number,
    private readonly numPlatforms: number,
    private readonly listLimit = 20,
  ) {
    this.codec = new ProfileCodec(numModels, numPlatforms);
  }

  observe(event: RoundEvent): void {
    if (this.currentKey === null) this.enter(this.codec.encode(event.servedProfile));
    if (this.current) this.current.rounds++;
    else this.untrackedRounds++;
    if (event.changed) this.enter(this.codec.encode(event.profile));
  }

  private enter(key: ProfileKey): void {
    this.currentKey = key;
    let entry = this.entries.get(key) ?? null;
    if (entry === null && this.entries.size < PROFILE_TIME_LIMIT) {
      entry = { rounds: 0, visits: 0 };
      this.entries.set(key, entry);
    }
    if (entry) entry.visits++;
    this.current = entry;
  }

  result(): ProfileTimeResult {
    const all = [...this.entries.entries()]
      .filter(([, e]) => e.rounds > 0)
      .map(([key, e]) => ({ profile: this.codec.decode(key, this.numPlatforms), rounds: e.rounds, visits: e.visits }))
      .sort((a, b) => b.rounds - a.rounds);
    return {
      distinctProfiles: all.length,
      untrackedRounds: this.untrackedRounds,
      top: all.slice(0, this.listLimit),
      recurrent: all.filter((p) => p.visits > 1).slice(0, this.listLimit),
    };
  }

  snapshot(): ProfileTimeSnapshot {
    return {
      entries: [...this.entries.entries()].map(([key, e]) => [key, e.rounds, e.visits]),
      untrackedRounds: this.untrackedRounds,
      currentKey: this.currentKey,
    };
  }

  restore(snapshot: ProfileTimeSnapshot): void {
    this.entries.clear();
    for (const [key, rounds, visits] of snapshot.entries) this.entries.set(key, { rounds, visits });
    this.untrackedRounds = snapshot.untrackedRounds;
    this.currentKey = snapshot.currentKey;
    this.current = this.currentKey === null ? null : (this.entries.get(this.currentKey) ?? null);
  }
}
