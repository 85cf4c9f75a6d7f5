/**
 * Exact enumeration of pure Nash equilibria over permutation classes.
 *
 * Platforms are symmetric, so a profile's payoffs depend only on its
 * multiset of models. The enumeration builds the deviation table (one pass
 * over the C(M + N − 2, N − 1) multisets of others) and then visits each of
 * the table's rows once, checking only the classes a row's best responses
 * propose. Cost: O(C(M+N−2, N−1) · M · T) for the table plus
 * O(C(M+N−2, N−1) · M) for the proposals and O(N²) per proposed class.
 */
import type { Market } from '../market/market.js';
import { LimitError } from '../errors.js';
import { DEFAULT_NASH_TOLERANCE } from './bestResponse.js';
import { buildDeviationTable, type DeviationTable } from './deviationTable.js';
import { forEachMultiset, multisetCount, permutationCount, rankMultiset } from './multisets.js';

export interface EquilibriumClass {
  /** Model indices in ascending order, one per platform. */
  profile: Int32Array;
  /** Number of distinct profiles (orderings over platforms) in the class. */
  permutations: number;
  /** Share of the platform at each position of `profile`. */
  shares: Float64Array;
  /** Largest gain any platform could get by deviating (≤ ε). */
  maxGain: number;
}

export interface EnumerationOptions {
  /** ε of the Nash condition. */
  tolerance?: number;
  /** Classes allowed before the request is rejected. */
  maxClasses?: number;
}

/** Default limit on permutation classes, C(M + N − 1, N). */
export const DEFAULT_MAX_CLASSES = 50_000_000;

/** Rejects an enumeration larger than `maxClasses`, stating its size. */
export function checkEnumerationSize(numModels: number, numPlatforms: number, maxClasses = DEFAULT_MAX_CLASSES): number {
  const classes = multisetCount(numModels, numPlatforms);
  if (classes > maxClasses) {
    throw new LimitError(
      `enumerating ${numPlatforms} platforms over ${numModels} models visits ` +
        `${classes.toLocaleString('en-US')} permutation classes, more than the limit of ` +
        `${maxClasses.toLocaleString('en-US')}: use fewer models or fewer platforms, or raise the limit (--max-classes, or analysis.maxClasses in a sweep file)`,
    );
  }
  return classes;
}

/** Returns the largest deviation gain in class `models`, from the table. */
export function classMaxGain(table: DeviationTable, models: ArrayLike<number>): number {
  const M = table.market.numModels;
  const N = table.numPlatforms;
  let maxGain = -Infinity;
  for (let p = 0; p < N; p++) {
    if (p > 0 && models[p] === models[p - 1]) continue;
    const rank = rankMultiset(table.binomials, models, N, p);
    const gain = table.best[rank] - table.payoffs[rank * M + models[p]];
    if (gain > maxGain) maxGain = gain;
  }
  return maxGain;
}

/**
 * Returns every pure-equilibrium class of the table's game, in
 * lexicographic order.
 *
 * Rather than visiting all C(M + N − 1, N) classes, it walks the table's
 * rows. A class C is an equilibrium only if its smallest model k is a best
 * response against the rest R = C − k, so each row R proposes the classes
 * {k} ∪ R for the best responses k ≤ min R, and only those are checked for
 * their other distinct models. Each class is proposed once, by its
 * smallest model.
 */
export function equilibriumClasses(table: DeviationTable, tolerance = DEFAULT_NASH_TOLERANCE): EquilibriumClass[] {
  const M = table.market.numModels;
  const N = table.numPlatforms;
  const { payoffs, best, binomials } = table;
  const candidate = new Int32Array(N);
  const classes: EquilibriumClass[] = [];

  forEachMultiset(M, N - 1, (rest) => {
    const row = rankMultiset(binomials, rest, N - 1);
    const threshold = best[row] - tolerance;
    const smallest = N > 1 ? rest[0] : M - 1;
    for (let k = 0; k <= smallest; k++) {
      if (payoffs[row * M + k] < threshold) continue;
      candidate[0] = k;
      candidate.set(rest, 1);
      const maxGain = classMaxGain(table, candidate);
      if (maxGain <= tolerance) {
        const profile = candidate.slice();
        classes.push({ profile, permutations: permutationCount(profile), shares: classShares(table, profile), maxGain });
      }
    }
  });
  return classes.sort(compareProfiles);
}

function classShares(table: DeviationTable, profile: Int32Array): Float64Array {
  const M = table.market.numModels;
  const N = table.numPlatforms;
  const shares = new Float64Array(N);
  for (let p = 0; p < N; p++) {
    const rank = rankMultiset(table.binomials, profile, N, p);
    shares[p] = table.payoffs[rank * M + profile[p]];
  }
  return shares;
}

function compareProfiles(a: EquilibriumClass, b: EquilibriumClass): number {
  for (let p = 0; p < a.profile.length; p++) {
    if (a.profile[p] !== b.profile[p]) return a.profile[p] - b.profile[p];
  }
  return 0;
}

/** Returns every pure-equilibrium class of `market`, rejecting oversized requests up front. */
export function enumerateEquilibria(market: Market, options: EnumerationOptions = {}): EquilibriumClass[] {
  const N = market.numPlatforms;
  if (N < 1) throw new LimitError('the market has no platforms: set platforms to at least 1');
  checkEnumerationSize(market.numModels, N, options.maxClasses);
  const table = buildDeviationTable(market, N);
  return equilibriumClasses(table, options.tolerance ?? DEFAULT_NASH_TOLERANCE);
}
