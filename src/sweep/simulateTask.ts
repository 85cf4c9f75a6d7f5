/**
 * The `simulate` task of a sweep point: one run of best-response dynamics
 * on the point's market, without a run log, reduced to its outcome, the
 * final profile and welfare.
 */
import { distinctModels } from '../game/diversity.js';
import type { Market } from '../market/market.js';
import type { RunOptions } from '../runlog/format.js';
import { Simulation } from '../simulation/simulation.js';
import { buildSummary, type Outcome, type RunSummary } from '../simulation/summary.js';

export interface SimulateResult {
  outcome: Outcome;
  /** Rounds played. */
  rounds: number;
  /** Model of each platform after the last round, by name. */
  finalProfile: string[];
  /** Exact shares of the final profile under π, one per platform. */
  finalShares: number[];
  /** Exact welfare of the final profile under π. */
  finalWelfare: number;
  /** Realised welfare averaged over all rounds played. */
  welfareMean: number | null;
  /** Distinct models in the final profile. */
  distinctModels: number;
}

/** Reduces a run summary to the fields a sweep records. */
export function simulateResult(summary: RunSummary): SimulateResult {
  return {
    outcome: summary.outcome,
    rounds: summary.rounds,
    finalProfile: summary.finalProfile,
    finalShares: summary.expectedShares,
    finalWelfare: summary.expectedWelfare,
    welfareMean: summary.welfare?.mean ?? null,
    distinctModels: distinctModels(summary.finalProfileIndices),
  };
}

/** Plays one run on `market` with `options` and returns its result. */
export async function simulateTask(market: Market, options: RunOptions): Promise<SimulateResult> {
  const simulation = new Simulation(market, options.dynamics, options.run);
  const stopReason = await simulation.run();
  return simulateResult(buildSummary(simulation, stopReason));
}
