/**
 * Entry point of a sweep worker thread: runs each point it receives on the
 * market it started with and posts back the record. Started by
 * `WorkerPoolRunner` from the compiled file in dist/.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPoint } from './runPoint.js';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './workerPool.js';

if (!parentPort) throw new Error('sweepWorker.js runs only as a worker thread started by genmarket sweep');
const port = parentPort;
const init = workerData as WorkerInit;
const market = init.market;

// The pool sends a worker its next point only after this one's record, so
// points never overlap within a worker.
port.on('message', async (request: WorkerRequest) => {
  const response: WorkerResponse = { record: await runPoint(market, request.point, init.settings) };
  port.postMessage(response);
});
