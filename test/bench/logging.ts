/**
 * Cost of the run log: the hardmax run of the dynamics benchmark played
 * with `--no-log` and with a run log at the default stride written to a
 * temporary file. The two kinds of run alternate, so load on the machine
 * that comes and goes affects both alike, and each figure is the best of
 * its runs. Closing the log, which SonicBoom ends with an fsync, is a
 * fixed cost per run and is reported apart from the rounds per second.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunLogWriter } from '../../src/runlog/writer.js';
import { DYNAMICS_SIZE, dynamicsRun, timeSimulation, type RunTiming } from './dynamics.js';
import { HARDMAX } from './randomMarket.js';
import { note, report } from './timing.js';

const ROUNDS = 200_000;
const PAIRS = 7;
const TARGET_OVERHEAD = 0.1;

export async function benchLogging(): Promise<void> {
  const run = dynamicsRun(HARDMAX);
  const directory = mkdtempSync(join(tmpdir(), 'genmarket-bench-'));
  let logBytes = 0;
  let closeSeconds = Infinity;
  let runs = 0;

  const unlogged = () => timeSimulation(run, ROUNDS, { write() {} });
  const logged = async (): Promise<RunTiming> => {
    const path = join(directory, `run-${++runs}.ndjson`);
    const writer = RunLogWriter.create(path);
    try {
      const timing = await timeSimulation(run, ROUNDS, writer);
      const start = process.hrtime.bigint();
      await writer.close();
      closeSeconds = Math.min(closeSeconds, Number(process.hrtime.bigint() - start) / 1e9);
      logBytes = statSync(path).size;
      return timing;
    } finally {
      rmSync(path, { force: true });
    }
  };

  try {
    await unlogged();
    await logged();
    let bestUnlogged = 0;
    let bestLogged = 0;
    for (let p = 0; p < PAIRS; p++) {
      bestUnlogged = Math.max(bestUnlogged, (await unlogged()).roundsPerSecond);
      bestLogged = Math.max(bestLogged, (await logged()).roundsPerSecond);
    }
    const overhead = 1 - bestLogged / bestUnlogged;
    const size = `${DYNAMICS_SIZE} hardmax`;
    report('simulate --no-log', size, `${Math.round(bestUnlogged).toLocaleString('en-US')} rounds/s`);
    report('simulate, log stride 1000', size, `${Math.round(bestLogged).toLocaleString('en-US')} rounds/s`);
    note(`${(logBytes / 2 ** 20).toFixed(1)} MiB of log per ${ROUNDS.toLocaleString('en-US')} rounds; closing it took ${(closeSeconds * 1000).toFixed(0)} ms`);
    report('run-log overhead', size, `${(overhead * 100).toFixed(1)} %`, `< ${TARGET_OVERHEAD * 100} %`, overhead < TARGET_OVERHEAD);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
