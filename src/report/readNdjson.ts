/**
 * Reading of newline-delimited JSON files such as entry training logs and
 * sweep results (simulate run logs have their own reader in src/runlog). A
 * run that was killed mid-write leaves a last line without its newline. The reader keeps
 * every complete record before it and returns a note instead of failing.
 */
import { readFileSync } from 'node:fs';
import { fileError, InputError } from '../errors.js';

export interface NdjsonContent {
  records: Record<string, unknown>[];
  /** Line number (1-based) of each record, for messages. */
  lineNumbers: number[];
  /** Remarks for the reader of the report, such as a dropped partial line. */
  notes: string[];
}

/** Reads a whole input file as UTF-8, with a clear message when it is missing. */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError('input file', path, err);
  }
}

/**
 * Parses NDJSON text into its records. Blank lines are skipped. A last line
 * that does not end in a newline and does not parse is a partial write: it
 * is dropped with a note. Any other invalid line, or a line that is not a
 * JSON object, raises an InputError naming the file and line number.
 */
export function parseNdjson(text: string, source: string): NdjsonContent {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  const records: Record<string, unknown>[] = [];
  const lineNumbers: number[] = [];
  const notes: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const isLast = i === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      if (isLast && !endsWithNewline) {
        notes.push(`${source}: line ${i + 1} is incomplete (the run was probably interrupted); read the ${records.length} complete records before it`);
        break;
      }
      throw new InputError(`${source} line ${i + 1} is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`${source} line ${i + 1} is not a JSON object: each line of a log must be one record`);
    }
    records.push(value as Record<string, unknown>);
    lineNumbers.push(i + 1);
  }
  return { records, lineNumbers, notes };
}
