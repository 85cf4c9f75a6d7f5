/**
 * Social optimum max_a W(a) over profiles, and the prices of anarchy and
 * stability. Welfare is symmetric in platforms, so the search visits each
 * permutation class once. Cost: O(C(M + N − 1, N) · N · T).
 */
import type { Market } from '../market/market.js';
import { forEachMultiset } from './multisets.js';
import { checkEnumerationSize } from './enumerateEquilibria.js';
import { createPayoffScratch, writeShares } from './profilePayoffs.js';

export interface SocialOptimum {
  /** A welfare-maximising class, sorted; the first found in lexicographic order. */
  profile: Int32Array;
  welfare: number;
}

export function socialOptimum(market: Market, maxClasses?: number): SocialOptimum {
  const N = market.numPlatforms;
  checkEnumerationSize(market.numModels, N, maxClasses);
  const shares = new Float64Array(N);
  const scratch = createPayoffScratch(N);
  let best: SocialOptimum = { profile: new Int32Array(N), welfare: -Infinity };

  forEachMultiset(market.numModels, N, (models) => {
    const welfare = writeShares(market, models, shares, scratch);
    if (welfare > best.welfare) best = { profile: models.slice(), welfare };
  });
  return best;
}

/**
 * Returns W(opt) / W(worst NE) and W(opt) / W(best NE), or nulls when
 * there is no equilibrium or a welfare is not positive (the ratios are
 * defined for positive rewards only).
 */
export function pricesOfAnarchy(
  optimum: number,
  equilibriumWelfares: readonly number[],
): { priceOfAnarchy: number | null; priceOfStability: number | null } {
  if (equilibriumWelfares.length === 0) return { priceOfAnarchy: null, priceOfStability: null };
  const worst = Math.min(...equilibriumWelfares);
  const best = Math.max(...equilibriumWelfares);
  if (!(worst > 0) || !(optimum > 0)) return { priceOfAnarchy: null, priceOfStability: null };
  return { priceOfAnarchy: optimum / worst, priceOfStability: optimum / best };
}
