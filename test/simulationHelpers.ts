/**
 * Helpers for dynamics tests: build and play a simulation in memory.
 */
import { defaultDynamicsOptions, type DynamicsOptions } from '../src/dynamics/options.js';
import type { Market } from '../src/market/market.js';
import type { LogSettings, RunRecord } from '../src/runlog/format.js';
import { playLogged } from '../src/runlog/playLogged.js';
import { MemorySink } from '../src/runlog/recordSink.js';
import { Simulation, type RunSettings } from '../src/simulation/simulation.js';
import type { RunSummary } from '../src/simulation/summary.js';

export const DEFAULT_SETTINGS: RunSettings = { maxRounds: 10_000, window: 50, stopAtOutcome: true };
export const DEFAULT_LOG: LogSettings = { stride: 7, checkpointEvery: 25 };

export function dynamicsOptions(market: Market, overrides: Partial<DynamicsOptions> = {}): DynamicsOptions {
  const start = market.initialProfile ? Array.from(market.initialProfile) : new Array<number>(market.numPlatforms).fill(0);
  return { ...defaultDynamicsOptions(start), ...overrides };
}

export interface PlayedRun {
  simulation: Simulation;
  summary: RunSummary;
  records: RunRecord[];
}

/** Plays a run to its end and returns the summary and every record it wrote. */
export async function playRun(
  market: Market,
  overrides: Partial<DynamicsOptions> = {},
  settings: Partial<RunSettings> = {},
  log: LogSettings = DEFAULT_LOG,
): Promise<PlayedRun> {
  const simulation = new Simulation(market, dynamicsOptions(market, overrides), { ...DEFAULT_SETTINGS, ...settings });
  const sink = new MemorySink();
  const { summary } = await playLogged(simulation, sink, log);
  return { simulation, summary, records: sink.records };
}

/** Returns the records that describe the run itself, without checkpoints, interruptions, resumes and summaries. */
export function runRecords(records: RunRecord[]): RunRecord[] {
  return records.filter((r) => !['checkpoint', 'interruption', 'resume', 'summary', 'header'].includes(r.type));
}
