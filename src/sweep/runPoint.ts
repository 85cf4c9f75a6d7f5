/**
 * Running one sweep point: build its market from the scenario and run its
 * task. The same code runs in the main thread and in sweep workers, so a
 * point gives the same record wherever it runs (apart from `elapsedMs`).
 */
import { InputError, LimitError } from '../errors.js';
import { withChoice, withModels, withPlatformCount, type Market } from '../market/market.js';
import { analyzeTask, type AnalyzeResult, type AnalyzeSettings } from './analyzeTask.js';
import type { PointParams, SweepPoint } from './sweepPoints.js';
import type { SweepTask } from './sweepSchema.js';

/** One line of a sweep's NDJSON results. */
export interface PointRecord {
  index: number;
  key: string;
  task: SweepTask;
  /** Scenario name. */
  scenario: string;
  params: PointParams;
  status: 'ok' | 'error';
  result: AnalyzeResult | null;
  /** Error message when `status` is `error`. */
  error: string | null;
  elapsedMs: number;
}

/** Returns the scenario's market with the point's pool, platform count and choice rule. */
export function pointMarket(market: Market, params: PointParams): Market {
  const index = new Map(market.modelNames.map((name, j) => [name, j]));
  const pool = params.pool.map((name) => {
    const j = index.get(name);
    if (j === undefined) throw new InputError(`pool model "${name}" is not in scenario ${market.name}`);
    return j;
  });
  return withChoice(withPlatformCount(withModels(market, pool), params.platforms), params.choice);
}

/** Describes an error for a result record; unexpected errors keep their class name. */
export function describeError(err: unknown): string {
  if (err instanceof InputError || err instanceof LimitError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

function emptyRecord(scenario: string, point: SweepPoint): PointRecord {
  return {
    index: point.index,
    key: point.key,
    task: point.task,
    scenario,
    params: point.params,
    status: 'ok',
    result: null,
    error: null,
    elapsedMs: 0,
  };
}

/** Returns the record of a point that failed outside `runPoint`, such as in a worker that died. */
export function failedRecord(scenario: string, point: SweepPoint, message: string): PointRecord {
  return { ...emptyRecord(scenario, point), status: 'error', error: message };
}

/** Runs one point and returns its record; a failing task gives a record with status `error`. */
export function runPoint(market: Market, point: SweepPoint, settings: AnalyzeSettings): PointRecord {
  const started = performance.now();
  const record = emptyRecord(market.name, point);
  try {
    if (point.task !== 'analyze') throw new InputError(`task "${point.task}" is not available in this build`);
    record.result = analyzeTask(pointMarket(market, point.params), settings);
  } catch (err) {
    record.status = 'error';
    record.error = describeError(err);
  }
  record.elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
  return record;
}
