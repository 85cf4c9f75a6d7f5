/**
 * Series of sweep results: which columns are swept parameters and which
 * are the welfare and distinct-model metrics the report plots against
 * them. Nested NDJSON fields become dotted columns (`params.temperature`).
 */
import { InputError } from '../errors.js';
import type { CsvTable } from './readCsv.js';
import { PINO_FIELDS } from './logRecords.js';
import { choiceLabel, isSweepTable, poolLabel, SWEEP_PARAMETER_COLUMNS } from './sweepRecords.js';

export type Cell = string | number | null;

export interface SweepSeries {
  source: string;
  parameters: string[];
  /** Metric columns, welfare ones first. */
  metrics: string[];
  rows: Record<string, Cell>[];
  notes: string[];
}

/** Returns whether a column is one the report plots: welfare or the number of distinct models. */
export function isMetricColumn(name: string): boolean {
  return /welfare|distinct/i.test(name);
}

/** Columns that repeat a configuration rather than change it. The report averages over them. */
const REPLICATE_COLUMN = /^(seed|replicate|rep|run|repetition)$/i;

/**
 * Columns that are results of a configuration, not settings of it.
 * NOTE: without a declared list of parameters, any other column whose value
 * varies counts as a swept parameter.
 */
const RESULT_COLUMN = /equilibri|profile|priceof|anarchy|stability|herfindahl|entropy|share|converged|cycle|elapsed|duration|seconds|runtime/i;

const PARAMETER_PREFIX = /^(params|parameters)\./;

/** Flattens nested objects into dotted keys. Arrays become JSON text, and pino's fields are dropped. */
export function flattenRecord(record: Record<string, unknown>, prefix = ''): Record<string, Cell> {
  const flat: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(record)) {
    if (prefix === '' && PINO_FIELDS.has(key)) continue;
    const name = prefix + key;
    if (typeof value === 'number' || typeof value === 'string' || value === null) flat[name] = value;
    else if (typeof value === 'boolean') flat[name] = String(value);
    else if (Array.isArray(value)) flat[name] = JSON.stringify(value);
    else if (typeof value === 'object') Object.assign(flat, flattenRecord(value as Record<string, unknown>, `${name}.`));
  }
  return flat;
}

function varies(rows: readonly Record<string, Cell>[], column: string): boolean {
  const values = new Set(rows.map((r) => r[column] ?? null));
  return values.size > 1;
}

/** Columns that identify or describe a row, never a swept setting. */
const BOOKKEEPING_COLUMN = /^(index|key|status|error|task|scenario|type)$/i;

function genericParameterCandidates(columns: readonly string[]): string[] {
  const declared = columns.filter((c) => PARAMETER_PREFIX.test(c));
  if (declared.length > 0) return declared.filter((c) => !REPLICATE_COLUMN.test(c.replace(PARAMETER_PREFIX, '')));
  return columns.filter(
    (c) => !isMetricColumn(c) && !REPLICATE_COLUMN.test(c) && !RESULT_COLUMN.test(c) && !BOOKKEEPING_COLUMN.test(c),
  );
}

/** Drops the points that failed, with a note that counts them and quotes the first error. */
function okRows(rows: readonly Record<string, Cell>[], source: string, notes: string[]): Record<string, Cell>[] {
  const ok = rows.filter((r) => r.status === undefined || r.status === null || r.status === 'ok');
  const failed = rows.filter((r) => !ok.includes(r));
  if (failed.length > 0) {
    const first = failed[0].error ?? failed[0].status;
    notes.push(`${source}: ${failed.length} of ${rows.length} points failed and are left out; the first error: ${String(first)}`);
  }
  return ok;
}

/** Picks parameters and metrics from a table. Raises an InputError naming the file when it has no metric. */
export function extractSweep(table: CsvTable, source: string): SweepSeries {
  const { columns } = table;
  const notes = [...table.notes];
  if (table.rows.length === 0) throw new InputError(`${source} has a header but no result rows`);

  const metrics = columns.filter((c) => isMetricColumn(c) && table.rows.some((r) => typeof r[c] === 'number'));
  metrics.sort((a, b) => Number(/distinct/i.test(a)) - Number(/distinct/i.test(b)));
  if (metrics.length === 0) {
    throw new InputError(`${source} has no welfare or distinct-model column: expected sweep results with columns such as "best_welfare" and "max_distinct_models"`);
  }

  let rows = okRows(table.rows, source, notes);
  if (rows.length === 0) throw new InputError(`${source}: every point failed, so there is nothing to plot`);
  let candidates: string[];
  if (isSweepTable(columns)) {
    // Points come in finishing order, so sort by index to keep axis values in the order of the sweep file.
    rows = [...rows].sort((a, b) => Number(a.index) - Number(b.index)).map((r) => ({ ...r, choice: choiceLabel(r), pool: poolLabel(r) }));
    candidates = [...SWEEP_PARAMETER_COLUMNS];
  } else {
    candidates = genericParameterCandidates(columns);
  }

  const parameters = candidates.filter((c) => varies(rows, c));
  const fixed = candidates.filter((c) => columns.includes(c) && !varies(rows, c));
  if (fixed.length > 0) notes.push(`${source}: fixed in every row: ${fixed.map((c) => `${c} = ${String(rows[0][c])}`).join(', ')}`);
  if (parameters.length === 0) notes.push(`${source}: no parameter varies, so the charts show one point per metric`);
  return { source, parameters, metrics, rows, notes };
}
