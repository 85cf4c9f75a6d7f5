/**
 * Layout of a run log: the last complete round, the records up to it,
 * the last checkpoint, and whether a summary ends the log. Replay and
 * resume both start from this.
 *
 * A round is complete in the log when its round record or a checkpoint
 * for it is present, because those come last among a round's records.
 * Records of later rounds are the remains of a round cut short and are
 * left out.
 */
import { InputError } from '../errors.js';
import { parseScenario, buildMarket } from '../market/loadScenario.js';
import type { Market } from '../market/market.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { Simulation } from '../simulation/simulation.js';
import type { CheckpointRecord, SummaryRecord } from './format.js';
import type { LogEntry, RunLog } from './reader.js';

export interface LogLayout {
  /** Last complete round, 0 when no round is complete. */
  lastRound: number;
  /** Records up to and including the last complete round. */
  kept: LogEntry[];
  /** Byte length of the log up to the end of `kept`. */
  keptBytes: number;
  /** Records of an incomplete round after `lastRound`, which resume discards. */
  partialRecords: number;
  checkpoint: { entry: LogEntry; record: CheckpointRecord } | null;
  /** The summary when it is the last kept record. */
  finalSummary: SummaryRecord | null;
  /** Maximum rounds in force at the end of the log (a resume may raise it). */
  maxRounds: number;
}

export function analyzeLog(log: RunLog): LogLayout {
  let lastRound = 0;
  let previousRound = 0;
  for (const entry of log.entries) {
    const { record } = entry;
    if (record.round < previousRound) {
      throw new InputError(
        `${log.path} line ${entry.line} is for round ${record.round} after a record for round ${previousRound}: the log is corrupted`,
      );
    }
    previousRound = record.round;
    if (record.type === 'round' || record.type === 'checkpoint') lastRound = record.round;
  }

  const kept = log.entries.filter((e) => e.record.round <= lastRound);
  let checkpoint: LogLayout['checkpoint'] = null;
  let maxRounds = log.header.options.run.maxRounds;
  for (const entry of kept) {
    if (entry.record.type === 'checkpoint') checkpoint = { entry, record: entry.record };
    if (entry.record.type === 'resume') maxRounds = entry.record.maxRounds;
  }
  const last = kept.at(-1)?.record;
  return {
    lastRound,
    kept,
    keptBytes: kept.at(-1)?.end ?? log.headerEnd,
    partialRecords: log.entries.length - kept.length,
    checkpoint,
    finalSummary: last?.type === 'summary' ? last : null,
    maxRounds,
  };
}

/**
 * Builds the scenario and market of a log's header and checks that the
 * header's start profile and rating noise fit them. Raises an InputError
 * naming the log when they do not.
 */
export function headerMarket(log: RunLog): { scenario: ScenarioFile; market: Market } {
  const scenario = parseScenario(log.header.scenario, `the scenario in ${log.path}`);
  const market = buildMarket(scenario);
  const { dynamics } = log.header.options;
  if (dynamics.start.length !== market.numPlatforms || dynamics.start.some((j) => j >= market.numModels)) {
    throw new InputError(
      `${log.path}: the header's start profile [${dynamics.start.join(', ')}] does not fit its scenario ` +
        `(${market.numPlatforms} platforms, ${market.numModels} models): the log is corrupted`,
    );
  }
  if (dynamics.ratingNoise && !market.rewardStdDevs) {
    throw new InputError(`${log.path}: the header asks for rating noise but its scenario has no rewardStdDevs: the log is corrupted`);
  }
  return { scenario, market };
}

/** Builds the simulation a log's header describes, before any round, with `maxRounds` in force. */
export function simulationFromHeader(log: RunLog, maxRounds: number): Simulation {
  const { market } = headerMarket(log);
  const { dynamics, run } = log.header.options;
  return new Simulation(market, dynamics, { ...run, maxRounds });
}

/** Restores a checkpoint into `simulation`, raising an InputError that names the line if it does not fit. */
export function restoreCheckpoint(log: RunLog, simulation: Simulation, checkpoint: LogLayout['checkpoint']): void {
  if (checkpoint === null) return;
  try {
    simulation.restore(checkpoint.record);
  } catch (err) {
    throw new InputError(
      `${log.path} line ${checkpoint.entry.line}: the checkpoint for round ${checkpoint.record.round} cannot be restored ` +
        `(${(err as Error).message}): the log is corrupted`,
    );
  }
}
