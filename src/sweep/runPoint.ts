/**
 * Running one sweep point: build its market from the scenario and run its
 * task. The same code runs in the main thread and in sweep workers, so a
 * point gives the same record wherever it runs (apart from `elapsedMs`).
 */
import { InputError, LimitError } from '../errors.js';
import { withChoice, withModels, withPlatformCount, type Market } from '../market/market.js';
import { analyzeTask, type AnalyzeResult, type AnalyzeSettings } from './analyzeTask.js';
import { simulateTask, type SimulateResult } from './simulateTask.js';
import { sweepRunOptions } from './simulationOptions.js';
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
  /** Result of the task: `AnalyzeResult` for `analyze`, `SimulateResult` for `simulate`. */
  result: AnalyzeResult | SimulateResult | null;
  /** Error message when `status` is `error`. */
  error: string | null;
  elapsedMs: number;
}

/**
 * Returns the scenario's market with the point's pool, platform count and
 * choice rule. A point with the scenario's platform count keeps the
 * scenario's platform names, and its initial models when the pool contains
 * all of them. Otherwise the platforms are P1, P2, ... and a simulation
 * starts them all on the pool's first model.
 */
export function pointMarket(market: Market, params: PointParams): Market {
  const index = new Map(market.modelNames.map((name, j) => [name, j]));
  const pool = params.pool.map((name) => {
    const j = index.get(name);
    if (j === undefined) throw new InputError(`pool model "${name}" is not in scenario ${market.name}`);
    return j;
  });
  const point = withChoice(withPlatformCount(withModels(market, pool), params.platforms), params.choice);
  if (params.platforms !== market.numPlatforms) return point;

  const initial = market.initialProfile ? Array.from(market.initialProfile, (j) => pool.indexOf(j)) : null;
  const initialProfile = initial && initial.every((j) => j >= 0) ? Int32Array.from(initial) : null;
  return { ...point, platformNames: market.platformNames, initialProfile };
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

/** Runs the point's task on its market. */
async function runTask(market: Market, point: SweepPoint, settings: AnalyzeSettings): Promise<AnalyzeResult | SimulateResult> {
  const marketOfPoint = pointMarket(market, point.params);
  if (point.task === 'analyze') return analyzeTask(marketOfPoint, settings);
  const options = sweepRunOptions(point.params.simulation, marketOfPoint, point.params.seed);
  return simulateTask(marketOfPoint, options);
}

/** Runs one point and returns its record; a failing task gives a record with status `error`. */
export async function runPoint(market: Market, point: SweepPoint, settings: AnalyzeSettings): Promise<PointRecord> {
  const started = performance.now();
  const record = emptyRecord(market.name, point);
  try {
    record.result = await runTask(market, point, settings);
  } catch (err) {
    record.status = 'error';
    record.error = describeError(err);
  }
  record.elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
  return record;
}
