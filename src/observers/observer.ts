/**
 * The contract of a round observer. Observers subscribe to the round
 * stream and never to each other or to the engine, so adding one changes
 * no other. Each can save and restore its state, which run-log checkpoints
 * store so that a resumed run reports what an uninterrupted one would.
 */
import type { RoundEvent } from '../dynamics/engine.js';

export interface RoundObserver<Result, Snapshot> {
  /** Updates the observer with one round; `event` is reused, so copy what you keep. */
  observe(event: RoundEvent): void;
  /** Returns the observer's findings so far without changing its state. */
  result(): Result;
  /** Returns the observer's state as JSON-serialisable data. */
  snapshot(): Snapshot;
  /** Restores a state returned by `snapshot` of an observer built the same way. */
  restore(snapshot: Snapshot): void;
}

/** Map key of a profile: a number when every profile has one, else text. */
export type ProfileKey = number | string;

/**
 * Encodes profiles as map keys. When M^N ≤ 2^53 the key is the profile read
 * as a base-M number, which costs no allocation; otherwise it is the
 * comma-joined model indices.
 */
export class ProfileCodec {
  private readonly numeric: boolean;

  constructor(
    private readonly numModels: number,
    numPlatforms: number,
  ) {
    this.numeric = numPlatforms * Math.log2(Math.max(2, numModels)) <= 53;
  }

  encode(profile: ArrayLike<number>): ProfileKey {
    if (!this.numeric) return Array.prototype.join.call(profile, ',');
    let code = 0;
    for (let i = profile.length - 1; i >= 0; i--) code = code * this.numModels + profile[i];
    return code;
  }

  decode(key: ProfileKey, numPlatforms: number): number[] {
    if (typeof key === 'string') return key.split(',').map(Number);
    const profile = new Array<number>(numPlatforms);
    let code = key;
    for (let i = 0; i < numPlatforms; i++) {
      profile[i] = code % this.numModels;
      code = Math.floor(code / this.numModels);
    }
    return profile;
  }
}

/** Returns whether two profiles are equal. */
export function sameProfile(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
