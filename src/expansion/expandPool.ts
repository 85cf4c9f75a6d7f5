/**
 * Pool expansion: how the pure equilibria change when a model joins a base
 * pool. Each step compares the pool before and after one model is added,
 * either to the base pool alone or on top of the models added before it.
 *
 * A step flags a welfare drop when every equilibrium after is worse than
 * the worst equilibrium before, and a diversity drop when the maximum
 * number of distinct models deployed in an equilibrium falls.
 */
import type { EnumerationOptions } from '../game/enumerateEquilibria.js';
import type { Market } from '../market/market.js';
import { poolOutcome, type PoolOutcome } from './poolOutcome.js';

/** Whether both pools have an equilibrium, so the flags are defined. */
export type StepComparison = 'compared' | 'no-equilibrium-before' | 'no-equilibrium-after' | 'no-equilibrium';

export interface ExpansionStep {
  /** Name of the model added in this step. */
  added: string;
  before: PoolOutcome;
  after: PoolOutcome;
  comparison: StepComparison;
  /** Whether every equilibrium after is worse than the worst before, or null unless compared. */
  welfareDrop: boolean | null;
  /** Whether the best equilibrium welfare falls, or null unless compared. */
  bestWelfareFalls: boolean | null;
  /** Whether the maximum number of distinct models in an equilibrium falls, or null unless compared. */
  diversityDrop: boolean | null;
}

export interface ExpansionRequest {
  /** Model indices of the base pool. */
  base: readonly number[];
  /** Model indices to add, in order. None may be in `base`. */
  additions: readonly number[];
  /** Add each model on top of the previous ones instead of to the base alone. */
  cumulative: boolean;
}

/**
 * Relative slack of welfare comparisons, so that two equilibria whose
 * welfare differs only by rounding count as equal.
 */
export const WELFARE_TOLERANCE = 1e-9;

/** Returns whether welfare `a` is below `b` by more than rounding. */
export function isLowerWelfare(a: number, b: number): boolean {
  return a < b - WELFARE_TOLERANCE * Math.max(1, Math.abs(b));
}

/** Compares the outcomes before and after one model joins the pool. */
export function compareOutcomes(added: string, before: PoolOutcome, after: PoolOutcome): ExpansionStep {
  const hasBefore = before.equilibria.length > 0;
  const hasAfter = after.equilibria.length > 0;
  let comparison: StepComparison = 'compared';
  if (!hasBefore && !hasAfter) comparison = 'no-equilibrium';
  else if (!hasBefore) comparison = 'no-equilibrium-before';
  else if (!hasAfter) comparison = 'no-equilibrium-after';

  if (comparison !== 'compared') {
    return { added, before, after, comparison, welfareDrop: null, bestWelfareFalls: null, diversityDrop: null };
  }
  return {
    added,
    before,
    after,
    comparison,
    welfareDrop: isLowerWelfare(after.bestWelfare!, before.worstWelfare!),
    bestWelfareFalls: isLowerWelfare(after.bestWelfare!, before.bestWelfare!),
    diversityDrop: after.maxDistinctModels! < before.maxDistinctModels!,
  };
}

/**
 * Runs the expansion steps of `request` on `market` with the exact
 * equilibrium engine. Each pool is enumerated once, even when several
 * steps share it.
 */
export function expandPool(
  market: Market,
  request: ExpansionRequest,
  options: EnumerationOptions = {},
): ExpansionStep[] {
  const baseSet = new Set(request.base);
  for (const j of request.additions) {
    if (baseSet.has(j)) throw new RangeError(`model ${market.modelNames[j]} is already in the base pool`);
  }

  const steps: ExpansionStep[] = [];
  let pool = [...request.base];
  let before = poolOutcome(market, pool, options);
  for (const j of request.additions) {
    const after = poolOutcome(market, [...pool, j], options);
    steps.push(compareOutcomes(market.modelNames[j], before, after));
    if (request.cumulative) {
      pool = [...pool, j];
      before = after;
    }
  }
  return steps;
}
