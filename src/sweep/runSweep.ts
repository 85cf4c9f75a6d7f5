/**
 * Running a loaded sweep: skip the points already in the NDJSON results
 * when resuming, run the rest on the chosen runner and append each record
 * to the result files as soon as it finishes.
 */
import { InputError } from '../errors.js';
import { SingleBar } from 'cli-progress';
import { availableParallelism } from 'node:os';
import type { LoadedSweep } from './loadSweep.js';
import { readFinishedRecords, resultPaths, ResultWriter, type ResultPaths } from './resultFiles.js';
import type { PointRecord } from './runPoint.js';
import { InProcessRunner, WorkerPoolRunner, type PointRunner } from './workerPool.js';

export interface SweepRunOptions {
  /** Worker threads; 1 runs the points in the calling thread. Defaults to os.availableParallelism(). */
  workers?: number;
  /** Skip points whose key is already in the NDJSON file. */
  resume?: boolean;
  /** Replace existing result files instead of rejecting them. */
  overwrite?: boolean;
  /** Path prefix of the result files, `<prefix>.csv` and `<prefix>.ndjson`. */
  outPrefix: string;
  /** Show a progress bar on stderr. */
  progress?: boolean;
  /** Receives notes about the run, one line each: partial lines dropped, worker crashes. */
  onNote?: (message: string) => void;
}

export interface SweepSummary {
  paths: ResultPaths;
  /** Points in the sweep, after dropping duplicates. */
  total: number;
  /** Points skipped because their results were already in the NDJSON file. */
  skipped: number;
  ran: number;
  failed: number;
  /** Records of this run with status `error`, in finishing order. */
  failures: PointRecord[];
  /** Records in the NDJSON file that match no point of this sweep. */
  unmatched: number;
  workers: number;
}

/** Runs the sweep's pending points and returns counts of what happened. */
export async function runSweep(loaded: LoadedSweep, options: SweepRunOptions): Promise<SweepSummary> {
  const note = options.onNote ?? (() => {});
  const paths = resultPaths(options.outPrefix);
  const keys = new Set(loaded.points.map((p) => p.key));

  let writer: ResultWriter;
  const done = new Set<string>();
  let unmatched = 0;
  if (options.resume) {
    const finished = readFinishedRecords(paths.ndjson);
    if (finished.partialBytes > 0) {
      note(`${paths.ndjson} ends in a partial line of ${finished.partialBytes} bytes, left by an interrupted run: dropped it, so its point runs again`);
    }
    for (const record of finished.records) {
      if (keys.has(record.key)) done.add(record.key);
      else unmatched++;
    }
    if (unmatched > 0) {
      throw new InputError(
        `${unmatched} records in ${paths.ndjson} match no point of this sweep, so the file contains another sweep's results: ` +
          'choose another --out prefix, or drop --resume and pass --overwrite to start over',
      );
    }
    writer = ResultWriter.resume(paths, finished);
  } else {
    writer = ResultWriter.create(paths, options.overwrite === true);
  }

  const pending = loaded.points.filter((p) => !done.has(p.key));
  const settings = { tolerance: loaded.sweep.analysis.tolerance, maxClasses: loaded.sweep.analysis.maxClasses };
  const requested = options.workers ?? availableParallelism();
  const workers = Math.max(1, Math.min(requested, pending.length));
  const runner: PointRunner =
    workers === 1
      ? new InProcessRunner(loaded.market, settings)
      : new WorkerPoolRunner({ market: loaded.market, settings }, workers, note);

  const bar = options.progress
    ? new SingleBar({
        stream: process.stderr,
        format: `${loaded.name} [{bar}] {value}/{total} points, {failed} failed, ETA {eta_formatted}`,
        hideCursor: true,
      })
    : null;
  bar?.start(pending.length, 0, { failed: 0 });

  // Without this handler Ctrl-C would leave the cursor hidden by the bar.
  // Finished points are already on disk, so exiting here loses none.
  const onInterrupt = () => {
    bar?.stop();
    note(`interrupted: run the same command with --resume to continue`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);

  const failures: PointRecord[] = [];
  let ran = 0;
  try {
    await runner.run(pending, (record) => {
      writer.append(record);
      ran++;
      if (record.status === 'error') failures.push(record);
      bar?.update(ran, { failed: failures.length });
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    bar?.stop();
    writer.close();
  }

  return {
    paths,
    total: loaded.points.length,
    skipped: loaded.points.length - pending.length,
    ran,
    failed: failures.length,
    failures,
    unmatched,
    workers,
  };
}
