/**
 * `genmarket expand <scenario>`: the pure equilibria before and after each
 * model joins a base pool, flagging additions that lower welfare or
 * diversity.
 */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { expandPool } from '../../expansion/expandPool.js';
import { formatExpansion } from '../../expansion/formatExpansion.js';
import { loadMarket } from '../../market/loadScenario.js';
import { withPlatformCount } from '../../market/market.js';
import { resolveModelNames, splitNameList } from '../../market/modelSelection.js';
import { parseNonNegative, parsePositiveInteger, parsePlatformCount } from '../parseOptions.js';

interface ExpandOptions {
  base: string;
  order?: string;
  cumulative?: boolean;
  json?: boolean;
  platforms?: number;
  tolerance: number;
  maxClasses: number;
}

export function registerExpand(program: Command): void {
  program
    .command('expand')
    .description('compare the pure equilibria before and after each model joins a base pool')
    .argument('<scenario>', 'scenario JSON file')
    .requiredOption('--base <models>', 'comma-separated model names of the base pool')
    .option('--order <models>', 'comma-separated models to add, in this order (default: every other model, in scenario order)')
    .option('--cumulative', 'add each model on top of the ones before it instead of to the base pool alone')
    .option('--json', 'print the steps as a JSON list')
    .option('--platforms <n>', 'override the number of platforms', parsePlatformCount)
    .option('--tolerance <eps>', 'ε of the Nash condition u_i(k, a_-i) ≤ u_i(a) + ε', parseNonNegative('--tolerance'), 1e-12)
    .option('--max-classes <n>', 'reject pools with more permutation classes than this', parsePositiveInteger('--max-classes'), 50_000_000)
    .action((path: string, options: ExpandOptions) => {
      let market = loadMarket(path);
      if (options.platforms !== undefined) market = withPlatformCount(market, options.platforms);

      const base = resolveModelNames(market, splitNameList(options.base), '--base');
      const baseSet = new Set(base);
      let additions: number[];
      if (options.order !== undefined) {
        additions = resolveModelNames(market, splitNameList(options.order), '--order');
        const overlap = additions.filter((j) => baseSet.has(j)).map((j) => market.modelNames[j]);
        if (overlap.length > 0) {
          throw new InputError(`--order lists ${overlap.join(', ')}, already in --base: list only models to add`);
        }
      } else {
        additions = market.modelNames.map((_, j) => j).filter((j) => !baseSet.has(j));
      }

      const cumulative = options.cumulative === true;
      const steps = expandPool(market, { base, additions, cumulative }, {
        tolerance: options.tolerance,
        maxClasses: options.maxClasses,
      });
      const text = options.json ? JSON.stringify(steps, null, 2) : formatExpansion(market, steps, cumulative);
      process.stdout.write(`${text}\n`);
    });
}
