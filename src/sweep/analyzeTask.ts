/**
 * The `analyze` task of a sweep point: counts and welfare range of the
 * exact pure equilibria, the social optimum and the prices of anarchy and
 * stability.
 */
import { distinctModels } from '../game/diversity.js';
import { enumerateEquilibria } from '../game/enumerateEquilibria.js';
import { profilePayoffs } from '../game/profilePayoffs.js';
import { pricesOfAnarchy, socialOptimum } from '../game/socialOptimum.js';
import type { Market } from '../market/market.js';

export interface AnalyzeResult {
  /** Number of pure-equilibrium permutation classes. */
  equilibria: number;
  homogeneous: number;
  differentiated: number;
  /** Welfare and distinct-model ranges over equilibria, null when there is none. */
  bestWelfare: number | null;
  worstWelfare: number | null;
  maxDistinctModels: number | null;
  minDistinctModels: number | null;
  optimumWelfare: number;
  priceOfAnarchy: number | null;
  priceOfStability: number | null;
}

export interface AnalyzeSettings {
  tolerance: number;
  maxClasses: number;
}

/** Analyzes one market. Raises LimitError when the game exceeds `maxClasses`. */
export function analyzeTask(market: Market, settings: AnalyzeSettings): AnalyzeResult {
  const classes = enumerateEquilibria(market, settings);
  const welfares: number[] = [];
  const distinct: number[] = [];
  for (const c of classes) {
    welfares.push(profilePayoffs(market, c.profile).welfare);
    distinct.push(distinctModels(c.profile));
  }

  const optimum = socialOptimum(market, settings.maxClasses);
  const prices = pricesOfAnarchy(optimum.welfare, welfares);
  const homogeneous = distinct.filter((d) => d === 1).length;
  const range = (values: number[], pick: (a: number, b: number) => number) =>
    values.length === 0 ? null : values.reduce((a, b) => pick(a, b));
  return {
    equilibria: classes.length,
    homogeneous,
    differentiated: classes.length - homogeneous,
    bestWelfare: range(welfares, Math.max),
    worstWelfare: range(welfares, Math.min),
    maxDistinctModels: range(distinct, Math.max),
    minDistinctModels: range(distinct, Math.min),
    optimumWelfare: optimum.welfare,
    ...prices,
  };
}
