/**
 * Detection of a report input's kind from its content. A scenario is JSON
 * with `userTypes` and `models`. A simulate run log is NDJSON whose first
 * line is a genmarket run-log header, and it is read by the run-log reader
 * that replay and resume use. An entry run is the JSON report of
 * `genmarket entry` or an NDJSON log of its training steps. Sweep results
 * are CSV, or NDJSON whose records carry welfare or distinct-model columns.
 */
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { parseScenario } from '../market/loadScenario.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { RUN_LOG_FORMAT } from '../runlog/format.js';
import { readRunLog, type RunLog } from '../runlog/reader.js';
import { parseCsv, type CsvTable } from './readCsv.js';
import { findEntryReport, isHeaderRecord, isRoundRecord, isTrainingRecord } from './logRecords.js';
import { parseNdjson, readInputFile, type NdjsonContent } from './readNdjson.js';
import { isSweepPointRecord, sweepPointRow } from './sweepRecords.js';
import { flattenRecord, isMetricColumn } from './sweepSeries.js';

export type ReportInput =
  | { kind: 'scenario'; source: string; scenario: ScenarioFile; notes: string[] }
  | { kind: 'run-log'; source: string; log: RunLog }
  | { kind: 'entry'; source: string; content: NdjsonContent }
  | { kind: 'sweep'; source: string; table: CsvTable };

const EXPECTED =
  'expected a simulate run log (NDJSON), sweep results (CSV or NDJSON), an entry run (JSON or NDJSON) or a scenario (JSON)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the whole text as one JSON object, or null when it is not one (NDJSON with several lines, CSV). */
function parseWholeJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** Returns whether a line is the header of a genmarket run log. */
function isRunLogHeader(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) && value.type === 'header' && value.format === RUN_LOG_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Turns NDJSON records into a sweep table: records of `genmarket sweep` get
 * its CSV columns, others one column per flattened key in first-seen order.
 */
function sweepTable(content: NdjsonContent): CsvTable {
  const records = content.records.filter((r) => !isHeaderRecord(r));
  const rows = records.map((r) => (isSweepPointRecord(r) ? sweepPointRow(r) : flattenRecord(r)));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { columns, rows, notes: content.notes };
}

function classifyRecords(content: NdjsonContent, source: string): ReportInput {
  const { records } = content;
  if (records.some(isRoundRecord)) {
    throw new InputError(
      `${source} has round records but its first line is not a ${RUN_LOG_FORMAT} header: ` +
        'the report reads the run logs that genmarket simulate writes, complete from their first line',
    );
  }
  if (records.some((r) => isTrainingRecord(r) || findEntryReport(r) !== null)) return { kind: 'entry', source, content };
  if (records.some(isSweepPointRecord)) return { kind: 'sweep', source, table: sweepTable(content) };
  const data = records.filter((r) => !isHeaderRecord(r));
  if (data.some((r) => Object.keys(flattenRecord(r)).some(isMetricColumn))) {
    return { kind: 'sweep', source, table: sweepTable(content) };
  }
  throw new InputError(`${source} has an unknown format because its records have no rounds, training steps or sweep results: ${EXPECTED}`);
}

/** Reads `path` and returns its content with its detected kind. Raises an InputError naming the file otherwise. */
export function detectInput(path: string): ReportInput {
  const text = readInputFile(path);
  if (text.trim() === '') throw new InputError(`${path} is empty: ${EXPECTED}`);

  if (extname(path).toLowerCase() === '.csv') return { kind: 'sweep', source: path, table: parseCsv(text, path) };

  const whole = parseWholeJson(text);
  if (whole && Array.isArray(whole.userTypes) && Array.isArray(whole.models)) {
    return { kind: 'scenario', source: path, scenario: parseScenario(whole, path), notes: [] };
  }
  if (whole && findEntryReport(whole)) {
    return { kind: 'entry', source: path, content: { records: [whole], lineNumbers: [1], notes: [] } };
  }

  const headerEnd = text.indexOf('\n');
  if (headerEnd >= 0 && isRunLogHeader(text.slice(0, headerEnd))) return { kind: 'run-log', source: path, log: readRunLog(path) };

  const first = text.trimStart();
  if (first.startsWith('{')) {
    const content = parseNdjson(text, path);
    if (content.records.length === 0) {
      throw new InputError(
        `${path} contains no complete record: its only line is cut off, so the run probably stopped before writing its first record`,
      );
    }
    return classifyRecords(content, path);
  }
  const newline = first.indexOf('\n');
  const firstLine = newline < 0 ? first : first.slice(0, newline);
  if (firstLine.includes(',')) return { kind: 'sweep', source: path, table: parseCsv(text, path) };
  throw new InputError(`${path} has an unknown format: ${EXPECTED}`);
}
