/**
 * Deterministic round-robin best-response dynamics: platforms 0..N−1 take
 * turns, and each one that has a strictly better model switches to its
 * best response with the lowest index. A platform whose current model is
 * a best response (within the Nash tolerance ε) stays.
 */
import { DEFAULT_NASH_TOLERANCE, DeviationEvaluator } from '../game/bestResponse.js';
import type { Market } from '../market/market.js';

export interface DynamicsResult {
  /** Last profile visited: a pure Nash equilibrium when `converged`. */
  profile: Int32Array;
  converged: boolean;
  /** Number of platform switches made. */
  switches: number;
  /** Number of full rounds over the platforms. */
  rounds: number;
}

/**
 * Runs best-response dynamics from `start` until a round without a switch
 * (a pure Nash equilibrium), until the profile at the end of a round repeats
 * (a cycle), or until `maxRounds` rounds have passed.
 */
export function runBestResponseDynamics(
  market: Market,
  start: ArrayLike<number>,
  maxRounds = 1000,
  tolerance = DEFAULT_NASH_TOLERANCE,
): DynamicsResult {
  const profile = Int32Array.from(start);
  const evaluator = new DeviationEvaluator({ ...market, numPlatforms: profile.length }, tolerance);
  const seen = new Set<string>([profile.join(',')]);
  let switches = 0;

  for (let round = 1; round <= maxRounds; round++) {
    let switchedThisRound = false;
    for (let i = 0; i < profile.length; i++) {
      const best = evaluator.bestResponses(profile, i);
      if (best.includes(profile[i])) continue;
      profile[i] = best[0];
      switches += 1;
      switchedThisRound = true;
    }
    if (!switchedThisRound) return { profile, converged: true, switches, rounds: round };

    const key = profile.join(',');
    if (seen.has(key)) return { profile, converged: false, switches, rounds: round };
    seen.add(key);
  }
  return { profile, converged: false, switches, rounds: maxRounds };
}
