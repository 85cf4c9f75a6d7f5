/**
 * `genmarket export-nfg <scenario>`: writes the scenario's game in Gambit's
 * `.nfg` format.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { toNfg } from '../../io/nfg.js';
import { loadMarket } from '../../market/loadScenario.js';
import { withPlatformCount } from '../../market/market.js';
import { parsePositiveInteger } from '../parseOptions.js';

export function registerExportNfg(program: Command): void {
  program
    .command('export-nfg')
    .description("write the scenario's normal-form game in Gambit's .nfg format")
    .argument('<scenario>', 'scenario JSON file')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--platforms <n>', 'override the number of platforms', parsePositiveInteger('--platforms'))
    .action((path: string, options: { out?: string; platforms?: number }) => {
      let market = loadMarket(path);
      if (options.platforms !== undefined) market = withPlatformCount(market, options.platforms);
      const text = toNfg(market);
      if (!options.out) {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(options.out, text);
      } catch (err) {
        throw new InputError(`cannot write ${options.out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      process.stderr.write(`wrote ${options.out}\n`);
    });
}
