/**
 * Child process of the memory benchmark: plays the hardmax run of the
 * dynamics benchmark for the requested number of rounds, with every
 * observer and a run log at the default stride. The log goes to the null
 * device, so the figure covers the writer but not the disk. Every
 * 1,000,000 rounds it collects garbage and prints one JSON line with the
 * round, the resident set size and the heap in use, in bytes.
 *
 * Run it with `node --expose-gc`.
 */
import { devNull } from 'node:os';
import { playLogged } from '../../src/runlog/playLogged.js';
import { RunLogWriter } from '../../src/runlog/writer.js';
import { Simulation } from '../../src/simulation/simulation.js';
import { DEFAULT_LOG_SETTINGS, dynamicsRun, playEveryRound } from './dynamics.js';
import { HARDMAX } from './randomMarket.js';

const SAMPLE_EVERY = 1_000_000;

const rounds = Number(process.argv[2]);
const collectGarbage = globalThis.gc;
if (!Number.isInteger(rounds) || rounds < SAMPLE_EVERY) {
  process.stderr.write(`invalid round count ${process.argv[2]}: give an integer of at least ${SAMPLE_EVERY}\n`);
  process.exit(2);
}
if (collectGarbage === undefined) {
  process.stderr.write('global.gc is missing: run this file with node --expose-gc\n');
  process.exit(2);
}

const { market, options } = dynamicsRun(HARDMAX);
const simulation = new Simulation(market, options, playEveryRound(rounds));
const writer = RunLogWriter.create(devNull);
const start = process.hrtime.bigint();
await playLogged(simulation, writer, DEFAULT_LOG_SETTINGS, {
  subscribers: [
    (event) => {
      if (event.round % SAMPLE_EVERY !== 0) return;
      collectGarbage();
      const { rss, heapUsed } = process.memoryUsage();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      process.stdout.write(`${JSON.stringify({ round: event.round, rss, heapUsed, seconds })}\n`);
    },
  ],
});
await writer.close();
