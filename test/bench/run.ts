/**
 * `npm run bench`: prints every benchmark figure with its problem size.
 * Inputs come from fixed seeds, so runs on different machines measure the
 * same problems. Pass section names to run only some of them.
 */
import { arch, cpus, totalmem } from 'node:os';
import { benchDynamics } from './dynamics.js';
import { benchEnumeration, benchGambitSize } from './enumeration.js';

const sections: Record<string, () => void | Promise<void>> = {
  enumeration: benchEnumeration,
  gambit: benchGambitSize,
  dynamics: benchDynamics,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')}\n`);
  process.exit(2);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`genmarket benchmarks on ${cpu} (${arch()}), ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  await run();
}
