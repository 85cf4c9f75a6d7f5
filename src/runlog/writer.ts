/**
 * Writes run-log records to a file through pino and its SonicBoom
 * destination, so logging costs the simulation little. Pino serialises
 * each record into a batch of lines, and each batch of 64 KiB goes to
 * the file in one synchronous write. Revision records, which a run can
 * write every round, skip pino and are formatted directly into the same
 * line pino writes for them.
 *
 * Opening errors raise an InputError naming the path. A write error
 * after opening (a full disk, a removed device) is kept in `failure` and
 * reported through `onFailure`, so the caller can stop the run cleanly.
 * Records written after a failure are dropped.
 */
import { closeSync, mkdirSync, openSync, statSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
import { InputError } from '../errors.js';
import type { RevisionRecord, RunRecord } from './format.js';
import type { RecordSink } from './recordSink.js';

/**
 * Size of the batches handed to SonicBoom. Each synchronous SonicBoom
 * write is one write(2) call, so batching pays for a call once per 64 KiB
 * instead of once per record.
 */
const BATCH_CHARS = 64 * 1024;

/** Collects pino's output lines and passes them on in batches. */
class LineBatcher {
  private lines: string[] = [];
  private size = 0;

  constructor(
    private readonly destination: Destination,
    /** Runs once, just before the first batch reaches the file. */
    private beforeFirstWrite: (() => void) | null = null,
  ) {}

  write(line: string): void {
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= BATCH_CHARS) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    if (this.beforeFirstWrite) {
      const prepare = this.beforeFirstWrite;
      this.beforeFirstWrite = null;
      prepare();
    }
    this.destination.write(this.lines.join(''));
    this.lines = [];
    this.size = 0;
  }
}

type Destination = ReturnType<typeof pino.destination>;

export class RunLogWriter implements RecordSink {
  failure: Error | null = null;
  private failureListener: ((error: Error) => void) | null = null;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly destination: Destination,
    private readonly batcher: LineBatcher,
    private readonly logger: Logger,
  ) {
    destination.on('error', (error: Error) => {
      if (this.failure !== null) return;
      this.failure = error;
      this.failureListener?.(error);
    });
  }

  /**
   * Creates a new log file, and its parent directories when missing.
   * Rejects an existing regular file so no earlier log is overwritten.
   */
  static create(path: string): RunLogWriter {
    let existing: ReturnType<typeof statSync> | undefined;
    try {
      existing = statSync(path);
    } catch {
      existing = undefined;
    }
    if (existing?.isFile()) {
      throw new InputError(`run log ${path} already exists: choose another --log path or remove the file`);
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new InputError(`cannot create the directory of run log ${path}: ${describeError(err)}: choose another --log path, or pass --no-log`);
    }
    return RunLogWriter.openFile(path, 'w');
  }

  /**
   * Opens an existing log for appending after its first `length` bytes.
   * The bytes past `length` are cut only when the first new record is
   * written, so a resume that fails its check leaves the file as it was.
   */
  static append(path: string, length: number): RunLogWriter {
    const cut = () => {
      try {
        truncateSync(path, length);
      } catch (err) {
        throw new InputError(`cannot truncate run log ${path} to ${length} bytes for resuming: ${describeError(err)}`);
      }
    };
    return RunLogWriter.openFile(path, 'a', cut);
  }

  private static openFile(path: string, flags: 'w' | 'a', beforeFirstWrite: (() => void) | null = null): RunLogWriter {
    let fd: number;
    try {
      fd = openSync(path, flags);
    } catch (err) {
      throw new InputError(`cannot open run log ${path} for writing: ${describeError(err)}: choose another --log path, or pass --no-log`);
    }
    try {
      // Synchronous writes, because in asynchronous mode SonicBoom 4.2.1
      // appends each batch that arrives during a pending write to one string
      // and flattens that string on every append. A write completes only when
      // the round stream yields to the event loop, every 50 ms, so that string
      // grew to 1 MiB and a record cost more than twice as much as it does
      // now. A slow disk now slows the run instead of filling memory.
      const destination = pino.destination({ dest: fd, sync: true });
      const batcher = new LineBatcher(destination, beforeFirstWrite);
      const logger = pino({ base: null, timestamp: false }, batcher);
      return new RunLogWriter(path, destination, batcher, logger);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  /** Registers the function called once on the first write error. */
  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
  }

  write(record: RunRecord): void {
    if (this.failure !== null || this.closed) return;
    if (record.type === 'revision') {
      this.batcher.write(revisionLine(record));
      return;
    }
    this.logger.info(record);
    // Checkpoints go to the file at once, so a killed run loses little.
    if (record.type === 'checkpoint') this.batcher.flush();
  }

  /** Hands the records batched so far to the file stream. */
  flush(): void {
    if (this.failure === null && !this.closed) this.batcher.flush();
  }

  /**
   * Flushes buffered records and closes the file. Resolves once the data
   * is handed to the operating system, or at once after a write failure,
   * in which case the buffered records are dropped.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const destination = this.destination;
    if (this.failure !== null) {
      // NOTE: SonicBoom 4.2.1 retries a failed flushSync forever, and ending it after a failed write
      // to /dev/full never emitted 'close', so after a write error the stream is destroyed instead.
      destination.destroy();
      return;
    }
    this.batcher.flush();
    // A failure of that last write arrives on a later tick. Ending the
    // stream after such a failure would wait forever (see the note above).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.failure !== null) {
      destination.destroy();
      return;
    }
    await new Promise<void>((resolve) => {
      destination.once('close', () => resolve());
      destination.once('error', () => resolve());
      destination.end();
    });
  }
}

/**
 * Formats a revision record as the line pino writes for it: pino's level,
 * then the fields in the order of RevisionRecord. All fields are
 * integers, so no value needs escaping.
 */
export function revisionLine(record: RevisionRecord): string {
  return `{"level":30,"type":"revision","round":${record.round},"platform":${record.platform},"from":${record.from},"to":${record.to}}\n`;
}

function describeError(err: unknown): string {
  const error = err as NodeJS.ErrnoException;
  return error.message ?? String(err);
}
