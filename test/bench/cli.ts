/**
 * Start-up of the installed command: the wall time of `node
 * dist/cli/main.js --version` and of `analyze` on a tiny scenario, beside
 * `node -e 0`, the start-up of Node itself. Each figure is the best of
 * several runs. `npm run bench` builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './timing.js';

const REPEATS = 10;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = join(repoRoot, 'dist/cli/main.js');

/** Returns the fastest wall time of `node ...args` in seconds; throws when a run fails. */
function bestRunSeconds(args: string[]): number {
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed with exit status ${run.status}: ${run.stderr}`);
    best = Math.min(best, seconds);
  }
  return best;
}

const milliseconds = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;

export function benchCli(): void {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const directory = mkdtempSync(join(tmpdir(), 'genmarket-bench-'));
  try {
    report('node -e 0 (Node start-up)', '', milliseconds(bestRunSeconds(['-e', '0'])));
    report('genmarket --version', '', milliseconds(bestRunSeconds([entry, '--version'])));
    report('genmarket analyze', 'two-niches.json: M=2 N=4 T=2', milliseconds(bestRunSeconds([entry, 'analyze', 'scenarios/two-niches.json'])));
    const nfgPath = join(directory, 'arena.nfg');
    const exportArgs = [entry, 'export-nfg', 'scenarios/arena-top12-hardmax-3.json', '--platforms', '4', '-o', nfgPath];
    report('genmarket export-nfg', 'Arena market: M=12 N=4 T=9', milliseconds(bestRunSeconds(exportArgs)));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
