/**
 * Records of a run log: one JSON object per line (NDJSON), written by
 * pino, so each line also has pino's `"level":30`. docs/run-log.md
 * describes the format for readers outside genmarket.
 *
 * Every record has a `type` and the `round` it belongs to (0 for the
 * header). Within a round the records come in a fixed order: revisions,
 * then convergence or cycle, then the round record, then a checkpoint.
 * A round is complete in the log once its round record or a checkpoint
 * for it is present, because those come last. Resume discards the records
 * after the last complete round and plays those rounds again.
 */
import type { EngineSnapshot } from '../dynamics/engine.js';
import type { DynamicsOptions } from '../dynamics/options.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import type { ObserverSnapshots, RunSettings } from '../simulation/simulation.js';
import type { RunSummary } from '../simulation/summary.js';

/** Value of the header's `format` field. */
export const RUN_LOG_FORMAT = 'genmarket-run-log';

/** Version of the record layout; readers reject logs of any other version. */
export const RUN_LOG_FORMAT_VERSION = 1;

export interface LogSettings {
  /**
   * A round record is written for each of the first `stride` rounds and then
   * every `stride` rounds. Revisions and other events are always written, in
   * the round they happen.
   */
  stride: number;
  /** A checkpoint is written every `checkpointEvery` rounds, and when the run stops. */
  checkpointEvery: number;
}

/** Everything that determines a run, stored in the header. */
export interface RunOptions {
  dynamics: DynamicsOptions;
  run: RunSettings;
  log: LogSettings;
}

export interface HeaderRecord {
  type: 'header';
  round: 0;
  format: typeof RUN_LOG_FORMAT;
  formatVersion: number;
  genmarketVersion: string;
  /** ISO 8601 time the run started; informational, never compared. */
  startedAt: string;
  /** Path of the scenario file as given on the command line; informational. */
  scenarioPath: string;
  /** The validated scenario, from which the market is rebuilt. */
  scenario: ScenarioFile;
  seed: string;
  options: RunOptions;
}

export interface RevisionRecord {
  type: 'revision';
  round: number;
  platform: number;
  from: number;
  to: number;
}

export interface RoundRecord {
  type: 'round';
  round: number;
  /** Profile that served users in this round, as model indices. */
  profile: number[];
  shares: number[];
  outsideShare: number;
  welfare: number;
}

export interface ConvergenceRecord {
  type: 'convergence';
  round: number;
  profile: number[];
}

export interface CycleRecord {
  type: 'cycle';
  round: number;
  period: number;
  profiles: number[][];
  truncated: boolean;
}

export interface CheckpointRecord {
  type: 'checkpoint';
  round: number;
  engine: EngineSnapshot;
  observers: ObserverSnapshots;
}

export interface InterruptionRecord {
  type: 'interruption';
  round: number;
  signal: string;
}

export interface ResumeRecord {
  type: 'resume';
  round: number;
  /** Maximum rounds from here on, which a resume may raise. */
  maxRounds: number;
  genmarketVersion: string;
}

export interface SummaryRecord extends RunSummary {
  type: 'summary';
  round: number;
}

export type RunRecord =
  | HeaderRecord
  | RevisionRecord
  | RoundRecord
  | ConvergenceRecord
  | CycleRecord
  | CheckpointRecord
  | InterruptionRecord
  | ResumeRecord
  | SummaryRecord;

/**
 * Returns whether a record type describes how the run was carried out
 * rather than the run itself. Replay and resume skip these, so a run that
 * was interrupted and resumed compares equal to one run in one go.
 * Summaries are compared only when they end the log.
 */
export function isControlType(type: RunRecord['type']): boolean {
  return type === 'checkpoint' || type === 'interruption' || type === 'resume' || type === 'summary' || type === 'header';
}
