/**
 * Entry point of a sweep worker thread: builds the scenario's market once,
 * then runs each point it receives and posts back the record. Started by
 * `WorkerPoolRunner` from the compiled file in dist/.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildMarket } from '../market/loadScenario.js';
import { runPoint } from './runPoint.js';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './workerPool.js';

if (!parentPort) throw new Error('sweepWorker.js runs only as a worker thread started by genmarket sweep');
const port = parentPort;
const init = workerData as WorkerInit;
const market = buildMarket(init.scenario);

port.on('message', (request: WorkerRequest) => {
  const response: WorkerResponse = { record: runPoint(market, request.point, init.settings) };
  port.postMessage(response);
});
