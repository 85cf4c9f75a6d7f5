/**
 * Rows of `genmarket sweep` results. Its NDJSON records nest the point's
 * `params` and the task's `result`. Its CSV file contains the same record
 * flattened under snake_case headers. Both become rows with the CSV
 * headers, so the report reads the two files alike.
 */
import type { Cell } from './sweepSeries.js';

/** Swept settings of a sweep point, in the order the sweep varies them (slowest first). */
export const SWEEP_PARAMETER_COLUMNS = ['platforms', 'choice', 'pool', 'simulation'] as const;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns whether a record has the shape of a `genmarket sweep` NDJSON line. */
export function isSweepPointRecord(record: JsonObject): boolean {
  return typeof record.index === 'number' && isObject(record.params) && 'result' in record && 'status' in record;
}

const number = (value: unknown): Cell => (typeof value === 'number' ? value : null);
const text = (value: unknown): Cell => (typeof value === 'string' ? value : null);

/** Maps one NDJSON record of `genmarket sweep` to its CSV row. */
export function sweepPointRow(record: JsonObject): Record<string, Cell> {
  const params = record.params as JsonObject;
  const choice = isObject(params.choice) ? params.choice : {};
  const result = isObject(record.result) ? record.result : {};
  return {
    index: number(record.index),
    status: text(record.status),
    platforms: number(params.platforms),
    choice: text(choice.rule),
    temperature: choice.rule === 'softmax' ? number(choice.temperature) : null,
    tie_tolerance: choice.rule === 'hardmax' ? number(choice.tieTolerance) : null,
    pool: Array.isArray(params.pool) ? params.pool.join(' ') : null,
    pool_spec: text(params.poolSpec),
    seed: number(params.seed),
    simulation: params.simulation === undefined || params.simulation === null ? null : JSON.stringify(params.simulation),
    equilibria: number(result.equilibria),
    homogeneous: number(result.homogeneous),
    differentiated: number(result.differentiated),
    best_welfare: number(result.bestWelfare),
    worst_welfare: number(result.worstWelfare),
    max_distinct_models: number(result.maxDistinctModels),
    min_distinct_models: number(result.minDistinctModels),
    optimum_welfare: number(result.optimumWelfare),
    price_of_anarchy: number(result.priceOfAnarchy),
    price_of_stability: number(result.priceOfStability),
    outcome: text(result.outcome),
    rounds: number(result.rounds),
    final_profile: Array.isArray(result.finalProfile) ? result.finalProfile.join(' ') : null,
    final_shares: Array.isArray(result.finalShares) ? result.finalShares.join(' ') : null,
    final_welfare: number(result.finalWelfare),
    welfare_mean: number(result.welfareMean),
    distinct_models: number(result.distinctModels),
    elapsed_ms: number(record.elapsedMs),
    error: text(record.error),
  };
}

/** Returns whether CSV columns are those that `genmarket sweep` writes. */
export function isSweepTable(columns: readonly string[]): boolean {
  return ['index', 'status', 'platforms', 'choice', 'best_welfare'].every((c) => columns.includes(c));
}

/** Labels a point's pool with its `top:N` spec when it has one, e.g. `top:2 = coder generalist`. */
export function poolLabel(row: Record<string, Cell>): Cell {
  if (typeof row.pool_spec === 'string' && row.pool_spec !== '') return `${row.pool_spec} = ${String(row.pool)}`;
  return row.pool ?? null;
}

/** Labels a point's choice rule with its temperature or tie tolerance, e.g. `softmax τ=0.1`. */
export function choiceLabel(row: Record<string, Cell>): Cell {
  if (row.choice === 'softmax' && typeof row.temperature === 'number') return `softmax τ=${row.temperature}`;
  if (row.choice === 'hardmax' && typeof row.tie_tolerance === 'number' && row.tie_tolerance > 0) {
    return `hardmax ε=${row.tie_tolerance}`;
  }
  return row.choice ?? null;
}
