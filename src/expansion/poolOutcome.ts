/**
 * The pure equilibria of a market restricted to one pool of models, with
 * the welfare range and the maximum number of distinct models deployed.
 */
import { distinctModels } from '../game/diversity.js';
import { enumerateEquilibria, type EnumerationOptions } from '../game/enumerateEquilibria.js';
import { profilePayoffs } from '../game/profilePayoffs.js';
import { withModels, type Market } from '../market/market.js';

/** One pure-equilibrium class of a pool. */
export interface PoolEquilibrium {
  /** Model names, one per platform, in scenario order. */
  profile: string[];
  /** Number of distinct profiles (orderings over platforms) in the class. */
  permutations: number;
  /** Market share of the platform at each position of `profile`. */
  shares: number[];
  welfare: number;
  distinctModels: number;
}

/** Equilibria of one pool; the three summaries are null when there is none. */
export interface PoolOutcome {
  /** Model names in scenario order. */
  pool: string[];
  equilibria: PoolEquilibrium[];
  bestWelfare: number | null;
  worstWelfare: number | null;
  maxDistinctModels: number | null;
}

/**
 * Enumerates the pure equilibria of `market` restricted to `pool` (model
 * indices of `market`) with the exact engine. Raises LimitError when the
 * enumeration exceeds `options.maxClasses`.
 */
export function poolOutcome(market: Market, pool: readonly number[], options: EnumerationOptions = {}): PoolOutcome {
  const sorted = [...pool].sort((a, b) => a - b);
  const restricted = withModels(market, sorted);
  const equilibria = enumerateEquilibria(restricted, options).map((c): PoolEquilibrium => {
    const payoffs = profilePayoffs(restricted, c.profile);
    return {
      profile: Array.from(c.profile, (j) => restricted.modelNames[j]),
      permutations: c.permutations,
      shares: Array.from(c.shares),
      welfare: payoffs.welfare,
      distinctModels: distinctModels(c.profile),
    };
  });

  // Loops rather than Math.max(...list): a game with many ties can have
  // more equilibrium classes than a call accepts arguments.
  let bestWelfare: number | null = null;
  let worstWelfare: number | null = null;
  let maxDistinct: number | null = null;
  for (const e of equilibria) {
    if (bestWelfare === null || e.welfare > bestWelfare) bestWelfare = e.welfare;
    if (worstWelfare === null || e.welfare < worstWelfare) worstWelfare = e.welfare;
    if (maxDistinct === null || e.distinctModels > maxDistinct) maxDistinct = e.distinctModels;
  }
  return { pool: restricted.modelNames, equilibria, bestWelfare, worstWelfare, maxDistinctModels: maxDistinct };
}
