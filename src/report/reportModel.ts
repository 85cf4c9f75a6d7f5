/**
 * The content of a report before rendering: one section per input, each
 * with facts, figures (Vega-Lite specs), tables and notes. Everything here
 * is plain data, so tests can check the series and spec data directly.
 */
import type { TopLevelSpec } from 'vega-lite';

export type InputKind = 'run-log' | 'sweep' | 'entry' | 'scenario';

export interface Figure {
  /** File-name part, unique within its section (`shares`, `welfare`). */
  name: string;
  title: string;
  spec: TopLevelSpec;
}

export interface Table {
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ReportSection {
  source: string;
  kind: InputKind;
  heading: string;
  facts: [label: string, value: string][];
  figures: Figure[];
  tables: Table[];
  notes: string[];
}

export interface ReportOptions {
  /** Permutation-class limit of the exact analysis. */
  maxClasses?: number;
}

/** Formats a number for facts and tables: up to 6 significant digits. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(6)).toString();
}
