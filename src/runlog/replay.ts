/**
 * Replay: re-runs a logged run from its header and checks the re-run
 * against the log record by record, then compares the final summary when
 * the log has one.
 *
 * A log that ends without a natural stop (interrupted, or cut off) is
 * re-run to its last complete round and stopped there as if interrupted.
 */
import { firstDifference, formatValue } from './compare.js';
import { isControlType } from './format.js';
import { analyzeLog, simulationFromHeader } from './logLayout.js';
import { playLogged } from './playLogged.js';
import type { RunLog } from './reader.js';
import { VerifyingSink, type Mismatch } from './verifyingSink.js';

export interface ReplayResult {
  /** Whether every record and the final summary matched. */
  identical: boolean;
  mismatch: Mismatch | null;
  /** Records other than control records that were compared. */
  recordsCompared: number;
  /** Rounds the re-run played. */
  rounds: number;
  /** Whether the log ends with a summary, which was then compared. */
  summaryCompared: boolean;
  /** Notes on incomplete data in the log. */
  notes: string[];
}

export async function replayRunLog(log: RunLog): Promise<ReplayResult> {
  const layout = analyzeLog(log);
  const notes = log.notes.slice();
  if (layout.partialRecords > 0) {
    notes.push(`${log.path} ends in the middle of round ${layout.lastRound + 1}; ${layout.partialRecords} records of it were not compared`);
  }
  const expected = layout.kept.filter((e) => !isControlType(e.record.type));
  const simulation = simulationFromHeader(log, layout.maxRounds);
  const sink = new VerifyingSink(log.path, expected, null, () => simulation.control.request('error'));

  const natural = layout.finalSummary !== null && ['converged', 'cycle', 'max-rounds'].includes(layout.finalSummary.stopReason);
  if (!natural) {
    if (layout.finalSummary === null) notes.push(`${log.path} has no final summary: the run was cut off after round ${layout.lastRound}`);
    if (layout.lastRound === 0) simulation.control.request('interrupted');
  }
  const stopAtLastRound = (event: { round: number }) => {
    if (!natural && event.round >= layout.lastRound) simulation.control.request('interrupted');
  };

  let stopReason;
  let summary;
  try {
    ({ stopReason, summary } = await playLogged(simulation, sink, log.header.options.log, { subscribers: [stopAtLastRound] }));
  } catch (err) {
    if (sink.mismatch === null) throw err;
  }
  const result: ReplayResult = {
    identical: false,
    mismatch: sink.mismatch,
    recordsCompared: expected.length,
    rounds: simulation.engine.round,
    summaryCompared: false,
    notes,
  };
  if (sink.mismatch !== null) return result;

  const pending = sink.pending;
  if (pending !== null) {
    result.mismatch = {
      line: pending.line,
      field: 'round',
      message:
        `the re-run stopped after round ${simulation.engine.round} (${stopReason}), but ${log.path} continues with a ` +
        `${pending.record.type} record for round ${pending.record.round} on line ${pending.line}`,
    };
    return result;
  }

  const finalEntry = layout.kept.at(-1);
  if (layout.finalSummary !== null && finalEntry !== undefined && summary !== undefined) {
    result.summaryCompared = true;
    const difference = firstDifference(layout.finalSummary, { type: 'summary', round: simulation.engine.round, ...summary });
    if (difference !== null) {
      result.mismatch = {
        line: finalEntry.line,
        field: difference.field,
        message:
          `${log.path} line ${finalEntry.line} (summary record) differs from the re-run in field ${difference.field}: ` +
          `the log has ${formatValue(difference.logged)}, the re-run has ${formatValue(difference.rerun)}`,
      };
      return result;
    }
  }
  result.identical = true;
  return result;
}
