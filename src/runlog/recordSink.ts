/**
 * Destination of run-log records: the log file during a run, or a
 * comparison against an existing log during replay and resume.
 */
import type { RunRecord } from './format.js';

export interface RecordSink {
  write(record: RunRecord): void;
}

/** Sink that keeps records in memory, for tests and tools. */
export class MemorySink implements RecordSink {
  readonly records: RunRecord[] = [];

  write(record: RunRecord): void {
    this.records.push(record);
  }
}
