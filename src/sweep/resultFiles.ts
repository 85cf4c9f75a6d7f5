/**
 * The two result files of a sweep: NDJSON (one full record per line, the
 * source of truth for `--resume`) and CSV (the same records flattened).
 *
 * Each record is appended with one synchronous write per file, so a line
 * is in the operating system's cache before the next point is handled and
 * a crash of genmarket loses no finished point. A crash during a write can
 * leave a partial last line, which `readFinishedRecords` drops.
 * NOTE: nothing calls fsync, so a power loss can still lose recent lines.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { fileError, InputError } from '../errors.js';
import { csvHeader, csvRow } from './csvFormat.js';
import type { PointRecord } from './runPoint.js';

export interface ResultPaths {
  csv: string;
  ndjson: string;
}

export function resultPaths(prefix: string): ResultPaths {
  return { csv: `${prefix}.csv`, ndjson: `${prefix}.ndjson` };
}

export interface FinishedRecords {
  records: PointRecord[];
  /** Length in bytes of the complete lines; anything after them is a partial line. */
  completeBytes: number;
  /** Length in bytes of the partial last line, 0 when the file ends with a newline. */
  partialBytes: number;
}

/**
 * Reads the complete lines of an NDJSON result file; a missing file has
 * none. Raises InputError naming the line when a complete line is not a
 * sweep record.
 */
export function readFinishedRecords(path: string): FinishedRecords {
  if (!existsSync(path)) return { records: [], completeBytes: 0, partialBytes: 0 };
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, end).toString('utf8').split('\n');
  lines.pop();

  const records = lines.map((line, i): PointRecord => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      throw new InputError(
        `${path} line ${i + 1} is not valid JSON (${(err as Error).message}): ` +
          'remove that line to run its point again, or start over with --overwrite',
      );
    }
    const candidate = record as Partial<PointRecord> | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.key !== 'string' || !candidate.params) {
      throw new InputError(`${path} line ${i + 1} is not a sweep result record: is this the right --out prefix?`);
    }
    return record as PointRecord;
  });
  return { records, completeBytes: end, partialBytes: bytes.length - end };
}

/** Writes all of `text`, looping because writeSync may write fewer bytes than given. */
function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
}

function isNonEmptyFile(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

/** Appends records to both result files. */
export class ResultWriter {
  private readonly csvFd: number;
  private readonly ndjsonFd: number;

  private constructor(readonly paths: ResultPaths) {
    this.csvFd = openSync(paths.csv, 'a');
    this.ndjsonFd = openSync(paths.ndjson, 'a');
  }

  /**
   * Starts fresh result files. Raises InputError when either file already
   * contains results, unless `overwrite` is set.
   */
  static create(paths: ResultPaths, overwrite: boolean): ResultWriter {
    return withFileErrors(paths, () => ResultWriter.createFiles(paths, overwrite));
  }

  private static createFiles(paths: ResultPaths, overwrite: boolean): ResultWriter {
    if (!overwrite) {
      for (const path of [paths.ndjson, paths.csv]) {
        if (isNonEmptyFile(path)) {
          throw new InputError(
            `${path} already exists: pass --resume to continue that sweep, --overwrite to start over, or choose another --out prefix`,
          );
        }
      }
    }
    mkdirSync(dirname(paths.ndjson), { recursive: true });
    mkdirSync(dirname(paths.csv), { recursive: true });
    writeFileSync(paths.ndjson, '');
    writeFileSync(paths.csv, csvHeader());
    return new ResultWriter(paths);
  }

  /**
   * Continues result files after `finished` was read from the NDJSON file:
   * cuts the partial last line off the NDJSON file and rewrites the CSV
   * file from the finished records, so both contain each record exactly once.
   */
  static resume(paths: ResultPaths, finished: FinishedRecords): ResultWriter {
    return withFileErrors(paths, () => ResultWriter.resumeFiles(paths, finished));
  }

  private static resumeFiles(paths: ResultPaths, finished: FinishedRecords): ResultWriter {
    mkdirSync(dirname(paths.ndjson), { recursive: true });
    mkdirSync(dirname(paths.csv), { recursive: true });
    if (existsSync(paths.ndjson)) truncateSync(paths.ndjson, finished.completeBytes);
    writeFileSync(paths.csv, csvHeader() + finished.records.map(csvRow).join(''));
    return new ResultWriter(paths);
  }

  append(record: PointRecord): void {
    writeAll(this.ndjsonFd, `${JSON.stringify(record)}\n`);
    writeAll(this.csvFd, csvRow(record));
  }

  close(): void {
    closeSync(this.csvFd);
    closeSync(this.ndjsonFd);
  }
}

/** Runs `open`, turning a failure to create or open the result files into an InputError. */
function withFileErrors(paths: ResultPaths, open: () => ResultWriter): ResultWriter {
  try {
    return open();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileError('sweep result file', `${paths.ndjson} or ${paths.csv}`, err);
  }
}
