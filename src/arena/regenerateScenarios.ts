/**
 * Regenerates the bundled LMArena scenarios in scenarios/ from scenarios/data/arena/
 * by running `import-arena` once per choice rule and platform count.
 * Run from the repository root: npm run arena:scenarios
 */
import { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { registerImportArena } from '../cli/commands/importArena.js';
import { InputError } from '../errors.js';

const MODEL_COUNT = 12;
const PLATFORM_COUNTS = [2, 3, 5];
const CHOICE_RULES = ['hardmax', 'softmax'];

mkdirSync('scenarios', { recursive: true });

for (const choice of CHOICE_RULES) {
  for (const platforms of PLATFORM_COUNTS) {
    const name = `arena-top${MODEL_COUNT}-${choice}-${platforms}`;
    const args = [
      'import-arena',
      'scenarios/data/arena/leaderboard-text.json',
      '--leaderboard-date', '2025-12',
      '--topics', 'scenarios/data/arena/prompt-topic-shares.csv',
      '--topics-date', '2025-02',
      '--organizations', 'scenarios/data/arena/model-prices.json',
      '--models', `top:${MODEL_COUNT}`,
      '--choice', choice,
      '--platforms', String(platforms),
      '--name', name,
      '--schema', './scenario.schema.json',
      '--out', `scenarios/${name}.json`,
    ];
    // A fresh program per run, so that no option value carries over.
    const program = new Command('genmarket').exitOverride();
    registerImportArena(program);
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      process.stderr.write(`${name}: ${err.message}\n`);
      process.exit(2);
    }
  }
}
