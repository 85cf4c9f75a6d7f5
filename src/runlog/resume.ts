/**
 * Resume: continues a logged run from its last complete round, appending
 * to the same log, so that an interrupted run resumed to the end has the
 * same records and summary as the run played in one go.
 *
 * The simulation is restored from the last checkpoint (or built afresh
 * from the header when there is none) and re-plays the rounds between the
 * checkpoint and the last complete round, checking them against the log.
 * Records of a round cut short are discarded, and new records are
 * appended after a resume record.
 */
import { InputError } from '../errors.js';
import type { Simulation } from '../simulation/simulation.js';
import { isControlType, type RunRecord } from './format.js';
import { analyzeLog, restoreCheckpoint, simulationFromHeader, type LogLayout } from './logLayout.js';
import type { LogEntry, RunLog } from './reader.js';
import type { RecordSink } from './recordSink.js';

export interface ResumePlan {
  simulation: Simulation;
  layout: LogLayout;
  /** Records to check the re-played rounds against. */
  expected: LogEntry[];
  maxRounds: number;
}

/**
 * Prepares the resumption of `log`. Raises an InputError when the run
 * already ended with an outcome or when `maxRounds` leaves no round to play.
 */
export function planResume(log: RunLog, requestedMaxRounds: number | undefined): ResumePlan {
  const layout = analyzeLog(log);
  const finished = layout.finalSummary;
  if (finished !== null && (finished.stopReason === 'converged' || finished.stopReason === 'cycle')) {
    throw new InputError(
      `the run in ${log.path} already ended with outcome ${finished.outcome} at round ${finished.rounds}: there is nothing to resume`,
    );
  }
  const maxRounds = requestedMaxRounds ?? layout.maxRounds;
  if (layout.lastRound >= maxRounds) {
    throw new InputError(
      `the run in ${log.path} already played ${layout.lastRound} rounds of --rounds ${maxRounds}: pass a larger --rounds to continue it`,
    );
  }

  const simulation = simulationFromHeader(log, maxRounds);
  restoreCheckpoint(log, simulation, layout.checkpoint);
  const from = layout.checkpoint === null ? 0 : layout.kept.indexOf(layout.checkpoint.entry) + 1;
  const expected = layout.kept.slice(from).filter((e) => !isControlType(e.record.type));
  return { simulation, layout, expected, maxRounds };
}

/**
 * Sink for the records after the checked ones: writes a resume record
 * before the first of them, so a resume that fails its check leaves no
 * resume record behind.
 */
export class ResumeSink implements RecordSink {
  private started = false;

  constructor(
    private readonly next: RecordSink,
    private readonly resumeRecord: RunRecord,
  ) {}

  write(record: RunRecord): void {
    if (!this.started) {
      this.started = true;
      this.next.write(this.resumeRecord);
    }
    this.next.write(record);
  }
}
