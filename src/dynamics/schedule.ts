/**
 * Revision schedules: which platforms revise in a round.
 *
 * - round-robin: platform `position` revises, then the position advances
 *   by one modulo N.
 * - random: one platform drawn uniformly.
 * - simultaneous: every platform, each responding to the same profile.
 * - inertia: each platform independently with probability p.
 */
import { randomIndex, type Rng } from '../random/rng.js';
import type { Schedule } from './options.js';

/**
 * Writes the platforms that revise this round into `out`, ascending, and
 * returns how many there are.
 */
export function selectRevisers(
  schedule: Schedule,
  numPlatforms: number,
  position: number,
  inertia: number,
  rng: Rng,
  out: Int32Array,
): number {
  switch (schedule) {
    case 'round-robin':
      out[0] = position;
      return 1;
    case 'random':
      out[0] = randomIndex(rng, numPlatforms);
      return 1;
    case 'simultaneous':
      for (let i = 0; i < numPlatforms; i++) out[i] = i;
      return numPlatforms;
    case 'inertia': {
      let count = 0;
      for (let i = 0; i < numPlatforms; i++) if (rng.next() < inertia) out[count++] = i;
      return count;
    }
  }
}

/** Returns the schedule position of the next round; only round-robin has one. */
export function nextPosition(schedule: Schedule, numPlatforms: number, position: number): number {
  return schedule === 'round-robin' ? (position + 1) % numPlatforms : 0;
}
