/**
 * `npm run bench`: prints every benchmark figure with its problem size.
 * Inputs come from fixed seeds, so runs on different machines measure the
 * same problems. Pass section names to run only some of them.
 */
import { arch, cpus, loadavg, totalmem } from 'node:os';
import { benchCli } from './cli.js';
import { benchDynamics } from './dynamics.js';
import { benchEnumeration, benchGambit } from './enumeration.js';
import { benchLogging } from './logging.js';
import { benchMemory } from './memory.js';

const sections: Record<string, () => void | Promise<void>> = {
  enumeration: benchEnumeration,
  gambit: benchGambit,
  dynamics: benchDynamics,
  logging: benchLogging,
  memory: benchMemory,
  cli: benchCli,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')}\n`);
  process.exit(2);
}

/** Load averages over 1, 5 and 15 minutes: other work on the machine slows every figure. */
const formatLoad = () => loadavg().map((load) => load.toFixed(2)).join(', ');

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`genmarket benchmarks on ${cpu} (${arch()}), ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
process.stdout.write(`load average at start: ${formatLoad()}\n`);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  await run();
}
process.stdout.write(`\nload average at end: ${formatLoad()}\n`);
