/**
 * Cost of the run log: the hardmax run of the dynamics benchmark played
 * with `--no-log` and with a run log at the default stride written to a
 * temporary file. Each configuration runs in child processes of its own,
 * as `simulate` would. The two kinds of child alternate, so load on the
 * machine that comes and goes affects both alike, and each figure is the
 * best of its runs. Closing the log, which SonicBoom ends with an fsync,
 * is a fixed cost per run and is reported apart from the rounds per
 * second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DYNAMICS_SIZE } from './dynamics.js';
import { note, report } from './timing.js';

const ROUNDS = 200_000;
/** Children per configuration, and timed runs per child after its warm-up run. */
const CHILDREN = 3;
const REPEATS = 3;
const TARGET_OVERHEAD = 0.1;

interface ChildResult {
  roundsPerSecond: number;
  logBytes: number;
  closeSeconds: number;
}

function runChild(mode: 'log' | 'no-log', directory: string): ChildResult {
  const script = fileURLToPath(new URL('./loggingRun.js', import.meta.url));
  const output = execFileSync(process.execPath, [script, mode, String(ROUNDS), String(REPEATS), directory], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as ChildResult;
}

export function benchLogging(): void {
  const directory = mkdtempSync(join(tmpdir(), 'genmarket-bench-'));
  try {
    let unlogged = 0;
    let logged: ChildResult | null = null;
    for (let c = 0; c < CHILDREN; c++) {
      unlogged = Math.max(unlogged, runChild('no-log', directory).roundsPerSecond);
      const result = runChild('log', directory);
      if (logged === null || result.roundsPerSecond > logged.roundsPerSecond) logged = result;
    }
    const overhead = 1 - logged!.roundsPerSecond / unlogged;
    const size = `${DYNAMICS_SIZE} hardmax`;
    report('simulate --no-log', size, `${Math.round(unlogged).toLocaleString('en-US')} rounds/s`);
    report('simulate, log stride 1000', size, `${Math.round(logged!.roundsPerSecond).toLocaleString('en-US')} rounds/s`);
    const mebibytes = (logged!.logBytes / 2 ** 20).toFixed(1);
    note(`${mebibytes} MiB of log per ${ROUNDS.toLocaleString('en-US')} rounds; closing it took ${(logged!.closeSeconds * 1000).toFixed(0)} ms`);
    report('run-log overhead', size, `${(overhead * 100).toFixed(1)} %`, `< ${TARGET_OVERHEAD * 100} %`, overhead < TARGET_OVERHEAD);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
