/**
 * The table behind fast equilibrium enumeration. For every multiset of
 * N − 1 "other" models it stores the payoff of each model k played against
 * them, and the best such payoff. A profile class is an equilibrium exactly
 * when, for each distinct model j in it, j's entry against the class minus
 * one j is within ε of that row's best.
 *
 * Building the table is one depth-first pass over the C(M + N − 2, N − 1)
 * multisets of others, extending an opponent summary by one model per
 * level, then O(M · T) per multiset for the deviation payoffs.
 */
import type { Market } from '../market/market.js';
import { LimitError } from '../errors.js';
import {
  addOpponent,
  copySummary,
  emptySummary,
  prepareKernel,
  writeDeviationPayoffs,
  type OpponentSummary,
} from './opponentSummary.js';
import { BinomialTable, multisetCount, rankMultiset } from './multisets.js';

export interface DeviationTable {
  market: Market;
  numPlatforms: number;
  binomials: BinomialTable;
  /** payoffs[rank * M + k]: share of model k against the others with this rank. */
  payoffs: Float64Array;
  /** best[rank]: max over k of payoffs[rank * M + k]. */
  best: Float64Array;
}

/** Table entries (rows × models) allowed before a request is rejected, about 2 GiB. */
export const MAX_TABLE_ENTRIES = 2 ** 28;

/** Rejects a table that would not fit in memory, naming its size. */
export function checkTableSize(numModels: number, numPlatforms: number): void {
  const rows = multisetCount(numModels, numPlatforms - 1);
  if (rows * numModels > MAX_TABLE_ENTRIES) {
    throw new LimitError(
      `the deviation table for ${numModels} models and ${numPlatforms} platforms needs ` +
        `${rows.toExponential(2)} rows of ${numModels} payoffs, more than the ${MAX_TABLE_ENTRIES} entries ` +
        'genmarket holds in memory: use fewer models or fewer platforms',
    );
  }
}

export function buildDeviationTable(market: Market, numPlatforms = market.numPlatforms): DeviationTable {
  const M = market.numModels;
  const others = numPlatforms - 1;
  checkTableSize(M, numPlatforms);

  const rows = multisetCount(M, others);
  const binomials = new BinomialTable(M + numPlatforms + 1, Math.max(1, numPlatforms));
  const payoffs = new Float64Array(rows * M);
  const best = new Float64Array(rows);
  const kernel = prepareKernel(market);
  const row = new Float64Array(M);

  const levels: OpponentSummary[] = [];
  for (let d = 0; d <= others; d++) levels.push(emptySummary(kernel, Math.max(1, others)));
  const chosen = new Int32Array(Math.max(1, others));

  const finish = () => {
    const rank = rankMultiset(binomials, chosen, others);
    writeDeviationPayoffs(kernel, levels[others], row);
    payoffs.set(row, rank * M);
    let max = -Infinity;
    for (let k = 0; k < M; k++) if (row[k] > max) max = row[k];
    best[rank] = max;
  };

  const extend = (depth: number, from: number) => {
    if (depth === others) {
      finish();
      return;
    }
    for (let j = from; j < M; j++) {
      copySummary(levels[depth], levels[depth + 1]);
      addOpponent(kernel, levels[depth + 1], j);
      chosen[depth] = j;
      extend(depth + 1, j);
    }
  };
  extend(0, 0);

  return { market, numPlatforms, binomials, payoffs, best };
}

/**
 * Returns the payoff of the platform at `position` of the sorted class
 * `models`, looked up in the table.
 */
export function classPayoff(table: DeviationTable, models: ArrayLike<number>, position: number): number {
  const rank = rankMultiset(table.binomials, models, table.numPlatforms, position);
  return table.payoffs[rank * table.market.numModels + models[position]];
}
