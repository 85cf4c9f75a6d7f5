/**
 * The summary of a run: outcome, final profile and shares, welfare
 * statistics, equilibria or cycle found, and diversity. It is built from
 * the observers alone, so it can be rebuilt from a checkpoint without
 * playing any round, and it contains nothing that differs between two
 * runs of the same seed (no timing, no paths).
 */
import type { StopReason } from '../dynamics/roundStream.js';
import { writeShares } from '../game/profilePayoffs.js';
import type { Market } from '../market/market.js';
import type { DiversityResult } from '../observers/diversity.js';
import type { StreamingSummary } from '../observers/streamingStats.js';
import type { Trajectory } from '../observers/trajectory.js';
import type { Simulation } from './simulation.js';

export type Outcome = 'converged' | 'cycle' | 'undecided';

export interface RunSummary {
  outcome: Outcome;
  stopReason: StopReason;
  /** Rounds played. */
  rounds: number;
  seed: string;
  /** Whether a repeated profile and schedule position proves a cycle in this run. */
  deterministic: boolean;
  platforms: string[];
  /** Model of each platform after the last round, by name. */
  finalProfile: string[];
  finalProfileIndices: number[];
  /** Realised shares of the last round. */
  shares: number[];
  /** Exact shares of the final profile under π. */
  expectedShares: number[];
  /** Exact welfare of the final profile under π. */
  expectedWelfare: number;
  /** Realised welfare over all rounds, with the last round's value. */
  welfare: (StreamingSummary & { final: number }) | null;
  meanShares: number[];
  convergence?: { round: number; profile: string[] };
  cycle?: { round: number; period: number; profiles: string[][]; truncated: boolean };
  /** Rounds in which each pure Nash equilibrium served users, most first. */
  equilibriumTime: { profile: string[]; rounds: number }[];
  /** Profiles visited more than once, most rounds first (at most 20). */
  recurrentProfiles: { profile: string[]; rounds: number; visits: number }[];
  distinctProfiles: number;
  diversity: DiversityResult;
  trajectory: Trajectory;
}

function names(market: Market, profile: readonly number[]): string[] {
  return profile.map((j) => market.modelNames[j]);
}

/** Builds the summary of `simulation` in its current state, for a run that stopped for `stopReason`. */
export function buildSummary(simulation: Simulation, stopReason: StopReason): RunSummary {
  const { market } = simulation;
  const convergence = simulation.convergence.result();
  const cycle = simulation.cycle.result();
  const trajectory = simulation.trajectory.result();
  const profileTime = simulation.profileTime.result();
  const finalProfile = Array.from(simulation.engine.event.profile);

  const expectedShares = new Float64Array(finalProfile.length);
  const expectedWelfare = writeShares(market, finalProfile, expectedShares);

  let outcome: Outcome = 'undecided';
  if (convergence.converged) outcome = 'converged';
  else if (cycle !== null) outcome = 'cycle';

  const summary: RunSummary = {
    outcome,
    stopReason,
    rounds: simulation.engine.round,
    seed: simulation.options.seed,
    deterministic: simulation.deterministic,
    platforms: market.platformNames.slice(),
    finalProfile: names(market, finalProfile),
    finalProfileIndices: finalProfile,
    shares: trajectory.finalShares,
    expectedShares: Array.from(expectedShares),
    expectedWelfare,
    welfare: trajectory.welfare && { ...trajectory.welfare, final: trajectory.finalWelfare ?? 0 },
    meanShares: trajectory.meanShares,
    equilibriumTime: convergence.equilibriumTime.map((e) => ({ profile: names(market, e.profile), rounds: e.rounds })),
    recurrentProfiles: profileTime.recurrent.map((p) => ({
      profile: names(market, p.profile),
      rounds: p.rounds,
      visits: p.visits,
    })),
    distinctProfiles: profileTime.distinctProfiles,
    diversity: simulation.diversity.result(),
    trajectory: trajectory.trajectory,
  };
  if (convergence.converged && convergence.round !== null && convergence.profile) {
    summary.convergence = { round: convergence.round, profile: names(market, convergence.profile) };
  }
  if (cycle !== null) {
    summary.cycle = {
      round: cycle.round,
      period: cycle.period,
      profiles: cycle.profiles.map((p) => names(market, p)),
      truncated: cycle.truncated,
    };
  }
  return summary;
}
