/**
 * CSV layout of sweep results: one row per point, parameters first, then
 * the result fields of the analyze task and of the simulate task (empty
 * for the other task), then the error message. Cells follow RFC 4180: a
 * cell with a comma, quote or line break is quoted, with quotes doubled.
 */
import type { AnalyzeResult } from './analyzeTask.js';
import type { PointRecord } from './runPoint.js';
import type { SimulateResult } from './simulateTask.js';

type Cell = string | number | boolean | null | undefined;

interface Column {
  header: string;
  value: (record: PointRecord) => Cell;
}

type ResultField = keyof AnalyzeResult | keyof SimulateResult;

/** Reads one result field; lists become their items separated by spaces, like the pool. */
const result = (field: ResultField) => (record: PointRecord): Cell => {
  const fields = record.result as Partial<Record<ResultField, Cell | Cell[]>> | null;
  const value = fields?.[field] ?? null;
  return Array.isArray(value) ? value.join(' ') : value;
};

export const CSV_COLUMNS: readonly Column[] = [
  { header: 'index', value: (r) => r.index },
  { header: 'status', value: (r) => r.status },
  { header: 'platforms', value: (r) => r.params.platforms },
  { header: 'choice', value: (r) => r.params.choice.rule },
  { header: 'temperature', value: (r) => (r.params.choice.rule === 'softmax' ? r.params.choice.temperature : null) },
  { header: 'tie_tolerance', value: (r) => (r.params.choice.rule === 'hardmax' ? r.params.choice.tieTolerance : null) },
  { header: 'pool', value: (r) => r.params.pool.join(' ') },
  { header: 'pool_spec', value: (r) => (typeof r.params.poolSpec === 'string' ? r.params.poolSpec : null) },
  { header: 'seed', value: (r) => r.params.seed },
  { header: 'simulation', value: (r) => (r.params.simulation ? JSON.stringify(r.params.simulation) : null) },
  { header: 'equilibria', value: result('equilibria') },
  { header: 'homogeneous', value: result('homogeneous') },
  { header: 'differentiated', value: result('differentiated') },
  { header: 'best_welfare', value: result('bestWelfare') },
  { header: 'worst_welfare', value: result('worstWelfare') },
  { header: 'max_distinct_models', value: result('maxDistinctModels') },
  { header: 'min_distinct_models', value: result('minDistinctModels') },
  { header: 'optimum_welfare', value: result('optimumWelfare') },
  { header: 'price_of_anarchy', value: result('priceOfAnarchy') },
  { header: 'price_of_stability', value: result('priceOfStability') },
  { header: 'outcome', value: result('outcome') },
  { header: 'rounds', value: result('rounds') },
  { header: 'final_profile', value: result('finalProfile') },
  { header: 'final_shares', value: result('finalShares') },
  { header: 'final_welfare', value: result('finalWelfare') },
  { header: 'welfare_mean', value: result('welfareMean') },
  { header: 'distinct_models', value: result('distinctModels') },
  { header: 'elapsed_ms', value: (r) => r.elapsedMs },
  { header: 'error', value: (r) => r.error },
];

/** Formats one cell: empty for null, quoted when it contains a comma, quote or line break. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Returns the header line, ending in a newline. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.map((c) => csvCell(c.header)).join(',')}\n`;
}

/** Returns the CSV line of one record, ending in a newline. */
export function csvRow(record: PointRecord): string {
  return `${CSV_COLUMNS.map((c) => csvCell(c.value(record))).join(',')}\n`;
}
