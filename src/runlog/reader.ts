/**
 * Reads a run log: checks the header's format and version, parses every
 * complete line, and records each record's byte range so a resume can cut
 * the file after a given record.
 *
 * A last line without its newline is a record cut mid-write (a killed
 * process, a full disk). It is dropped with a note, and the log is read up
 * to the last complete record. An unparsable line anywhere else means the
 * log is corrupted and raises an InputError.
 */
import { readFileSync } from 'node:fs';
import { fileError, InputError } from '../errors.js';
import { RUN_LOG_FORMAT, RUN_LOG_FORMAT_VERSION, type HeaderRecord, type RunRecord } from './format.js';
import { validateHeader } from './headerSchema.js';

const RECORD_TYPES = new Set<RunRecord['type']>([
  'header',
  'revision',
  'round',
  'convergence',
  'cycle',
  'checkpoint',
  'interruption',
  'resume',
  'summary',
]);

export interface LogEntry {
  record: RunRecord;
  /** Line number in the file, from 1. */
  line: number;
  /** Byte offset just past the record's newline. */
  end: number;
}

export interface RunLog {
  path: string;
  header: HeaderRecord;
  /** Records after the header, in file order. */
  entries: LogEntry[];
  /** Byte offset just past the header's newline. */
  headerEnd: number;
  /** Messages about incomplete data that was skipped. */
  notes: string[];
}

/**
 * Reads and checks the run log at `path`.
 * NOTE: the whole file is read into memory, so a log of several GB (noisy runs
 * that switch models every round, over millions of rounds) needs as much RAM.
 */
export function readRunLog(path: string): RunLog {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw fileError('run log', path, err);
  }

  const notes: string[] = [];
  const parsed: LogEntry[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line++;
    const newline = bytes.indexOf(0x0a, start);
    if (newline === -1) {
      notes.push(
        `${path} ends with an incomplete record on line ${line} (${bytes.length - start} bytes without a newline); ` +
          `reading the ${parsed.length} complete records before it`,
      );
      break;
    }
    const text = bytes.toString('utf8', start, newline);
    parsed.push({ record: parseLine(path, line, text), line, end: newline + 1 });
    start = newline + 1;
  }

  if (parsed.length === 0) throw new InputError(`${path} is empty or has no complete record: it is not a genmarket run log`);
  const first = parsed[0].record as unknown as Record<string, unknown>;
  if (first.type !== 'header' || first.format !== RUN_LOG_FORMAT) {
    throw new InputError(`${path} is not a genmarket run log: its first record is not a ${RUN_LOG_FORMAT} header`);
  }
  if (first.formatVersion !== RUN_LOG_FORMAT_VERSION) {
    throw new InputError(
      `${path} has run-log format version ${String(first.formatVersion)}, but this genmarket reads version ` +
        `${RUN_LOG_FORMAT_VERSION}: it was written by genmarket ${String(first.genmarketVersion)} or edited by hand; ` +
        'read it with a genmarket release that writes that format version',
    );
  }
  const header = validateHeader(path, first);
  return { path, header, entries: parsed.slice(1), headerEnd: parsed[0].end, notes };
}

function parseLine(path: string, line: number, text: string): RunRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${path} line ${line} is not valid JSON (${(err as Error).message}): the log is corrupted, so it cannot be replayed or resumed`,
    );
  }
  const record = value as Record<string, unknown> | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(`${path} line ${line} is not a JSON object: the log is corrupted`);
  }
  if (!RECORD_TYPES.has(record.type as RunRecord['type'])) {
    throw new InputError(`${path} line ${line} has unknown record type ${JSON.stringify(record.type)}: the log is corrupted`);
  }
  if (!Number.isInteger(record.round) || (record.round as number) < 0) {
    throw new InputError(`${path} line ${line} has an invalid round ${JSON.stringify(record.round)}: the log is corrupted`);
  }
  delete record.level;
  return record as unknown as RunRecord;
}
