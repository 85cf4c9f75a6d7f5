/**
 * Child process of the logging benchmark: plays the hardmax run of the
 * dynamics benchmark `repeats` times after one warm-up run, either with
 * `--no-log` or with a run log at the default stride written into
 * `directory`. It prints one JSON line with the best rounds per second,
 * the size of the last log in bytes and the fastest close of the log in
 * seconds. Each configuration runs in its own process, as `simulate`
 * does, so the JIT compiles the recorder for one kind of sink only.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordSink } from '../../src/runlog/recordSink.js';
import { RunLogWriter } from '../../src/runlog/writer.js';
import { dynamicsRun, timeSimulation } from './dynamics.js';
import { HARDMAX } from './randomMarket.js';

const [mode, roundsText, repeatsText, directory] = process.argv.slice(2);
const rounds = Number(roundsText);
const repeats = Number(repeatsText);
if ((mode !== 'log' && mode !== 'no-log') || !Number.isInteger(rounds) || !Number.isInteger(repeats) || directory === undefined) {
  process.stderr.write('usage: loggingRun.js log|no-log <rounds> <repeats> <directory>\n');
  process.exit(2);
}

const run = dynamicsRun(HARDMAX);
let best = 0;
let logBytes = 0;
let closeSeconds = Infinity;
for (let r = 0; r <= repeats; r++) {
  const path = join(directory, `run-${process.pid}-${r}.ndjson`);
  const writer = mode === 'log' ? RunLogWriter.create(path) : null;
  const sink: RecordSink = writer ?? { write() {} };
  try {
    const timing = await timeSimulation(run, rounds, sink);
    if (writer !== null) {
      const start = process.hrtime.bigint();
      await writer.close();
      closeSeconds = Math.min(closeSeconds, Number(process.hrtime.bigint() - start) / 1e9);
      logBytes = statSync(path).size;
    }
    // Run 0 warms up the JIT and is not counted.
    if (r > 0) best = Math.max(best, timing.roundsPerSecond);
  } finally {
    rmSync(path, { force: true });
  }
}
process.stdout.write(`${JSON.stringify({ roundsPerSecond: best, logBytes, closeSeconds })}\n`);
