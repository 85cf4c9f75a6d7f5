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

/** Returns the text key of a profile, used in maps. */
export function profileKey(profile: ArrayLike<number>): string {
  return Array.prototype.join.call(profile, ',');
}

/** Returns whether two profiles are equal. */
export function sameProfile(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
