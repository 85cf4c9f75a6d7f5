/**
 * Runners that carry out sweep points: in the main thread, or on a pool of
 * node:worker_threads workers that run the compiled worker in dist/.
 *
 * A worker that dies (an uncaught error, running out of memory) fails only
 * the point it was running: the pool records that point as an error and
 * starts a replacement worker. After MAX_CONSECUTIVE_CRASHES deaths in a
 * row the pool gives up, and the remaining points stay unrun.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Market } from '../market/market.js';
import type { AnalyzeSettings } from './analyzeTask.js';
import { failedRecord, runPoint, type PointRecord } from './runPoint.js';
import type { SweepPoint } from './sweepPoints.js';

/**
 * Data every worker starts with. Workers receive the built market, not the
 * scenario file, so Monte Carlo reward estimates are computed once and
 * every worker uses the same rewards.
 */
export interface WorkerInit {
  market: Market;
  settings: AnalyzeSettings;
}

export interface WorkerRequest {
  point: SweepPoint;
}

export interface WorkerResponse {
  record: PointRecord;
}

export interface PointRunner {
  /**
   * Runs the points, calling `onRecord` as each one finishes, in finishing
   * order. Rejects when `onRecord` throws, after stopping the other work.
   */
  run(points: readonly SweepPoint[], onRecord: (record: PointRecord) => void): Promise<void>;
}

/** Runs points one after another in the calling thread. */
export class InProcessRunner implements PointRunner {
  constructor(
    private readonly market: Market,
    private readonly settings: AnalyzeSettings,
  ) {}

  async run(points: readonly SweepPoint[], onRecord: (record: PointRecord) => void): Promise<void> {
    for (const point of points) {
      onRecord(await runPoint(this.market, point, this.settings));
      // Yield so that signal handlers and the progress bar's timer can run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Returns the URL of the compiled worker. From dist/ it sits next to this
 * module. From the TypeScript sources (under vitest or tsx) it is the copy
 * in dist/, which `npm run build` writes.
 */
export function resolveWorkerUrl(): URL {
  const moduleUrl = import.meta.url;
  const url = moduleUrl.endsWith('.js')
    ? new URL('./sweepWorker.js', moduleUrl)
    : new URL('../../dist/sweep/sweepWorker.js', moduleUrl);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`the compiled sweep worker ${fileURLToPath(url)} is missing: run npm run build, or use --workers 1`);
  }
  return url;
}

/** Consecutive worker deaths, with no point finished in between, after which the pool gives up. */
const MAX_CONSECUTIVE_CRASHES = 3;

/** Runs points on `size` worker threads. */
export class WorkerPoolRunner implements PointRunner {
  constructor(
    private readonly init: WorkerInit,
    private readonly size: number,
    private readonly onNote: (message: string) => void = () => {},
    private readonly workerUrl: URL = resolveWorkerUrl(),
  ) {}

  run(points: readonly SweepPoint[], onRecord: (record: PointRecord) => void): Promise<void> {
    const queue = [...points];
    const running = new Map<Worker, SweepPoint | null>();
    const errors = new Map<Worker, Error>();
    let crashes = 0;
    let settled = false;

    return new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        const workers = [...running.keys()];
        running.clear();
        void Promise.all(workers.map((w) => w.terminate())).then(() => (error === undefined ? resolve() : reject(error)));
      };

      const assign = (worker: Worker) => {
        const point = queue.shift() ?? null;
        running.set(worker, point);
        if (point) worker.postMessage({ point } satisfies WorkerRequest);
        else if ([...running.values()].every((p) => p === null)) finish();
      };

      const deliver = (record: PointRecord) => {
        try {
          onRecord(record);
        } catch (err) {
          finish(err);
          return false;
        }
        return true;
      };

      const spawn = () => {
        const worker = new Worker(this.workerUrl, { workerData: this.init });
        running.set(worker, null);
        worker.on('message', (response: WorkerResponse) => {
          if (settled) return;
          crashes = 0;
          if (deliver(response.record)) assign(worker);
        });
        worker.on('error', (err) => errors.set(worker, err));
        worker.on('exit', (code) => {
          if (settled || !running.has(worker)) return;
          const point = running.get(worker) ?? null;
          running.delete(worker);
          const cause = errors.get(worker)?.message ?? `exit code ${code}`;
          crashes++;
          this.onNote(`a sweep worker stopped (${cause})${point ? ` while running point ${point.index}` : ''}`);
          if (point && !deliver(failedRecord(this.init.market.name, point, `the worker running this point stopped: ${cause}`))) {
            return;
          }
          if (crashes >= MAX_CONSECUTIVE_CRASHES) {
            finish(new Error(`sweep workers stopped ${crashes} times in a row, last with: ${cause}; finished points are saved, so rerun with --resume after fixing the cause`));
            return;
          }
          assign(spawn());
        });
        return worker;
      };

      if (queue.length === 0) {
        finish();
        return;
      }
      const count = Math.max(1, Math.min(this.size, queue.length));
      for (let i = 0; i < count; i++) assign(spawn());
    });
  }
}
