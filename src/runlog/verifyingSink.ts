/**
 * Sink that checks a re-run against the records of an existing log. It
 * compares each record the re-run writes with the next expected record,
 * skipping control records (checkpoints, interruptions, resumes and
 * summaries), which depend on how the run was carried out. Once every
 * expected record has matched, further records go to `next`: the log file
 * when resuming, nowhere when replaying.
 */
import { firstDifference, formatValue } from './compare.js';
import { isControlType, type RunRecord } from './format.js';
import type { LogEntry } from './reader.js';
import type { RecordSink } from './recordSink.js';

export interface Mismatch {
  /** Line of the differing record in the log, or null when the log has no record there. */
  line: number | null;
  field: string;
  message: string;
}

export class VerifyingSink implements RecordSink {
  mismatch: Mismatch | null = null;
  private index = 0;

  constructor(
    private readonly path: string,
    private readonly expected: LogEntry[],
    private readonly next: RecordSink | null,
    private readonly onMismatch: (mismatch: Mismatch) => void,
  ) {}

  /** Whether every expected record has been matched. */
  get verified(): boolean {
    return this.index >= this.expected.length;
  }

  /** The first expected record not yet matched, if any. */
  get pending(): LogEntry | null {
    return this.expected[this.index] ?? null;
  }

  write(record: RunRecord): void {
    if (this.mismatch !== null) return;
    if (this.verified) {
      if (this.next) this.next.write(record);
      else if (!isControlType(record.type)) {
        this.fail(null, 'type', `the re-run wrote a ${record.type} record for round ${record.round} after the last record of ${this.path}`);
      }
      return;
    }
    if (isControlType(record.type)) return;

    const entry = this.expected[this.index++];
    const difference = firstDifference(entry.record, record);
    if (difference === null) return;
    const logged = entry.record;
    this.fail(
      entry.line,
      difference.field,
      `${this.path} line ${entry.line} (${logged.type} record, round ${logged.round}) differs from the re-run in field ` +
        `${difference.field}: the log has ${formatValue(difference.logged)}, the re-run has ${formatValue(difference.rerun)}`,
    );
  }

  private fail(line: number | null, field: string, message: string): void {
    this.mismatch = { line, field, message };
    this.onMismatch(this.mismatch);
  }
}
