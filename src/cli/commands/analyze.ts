/**
 * `genmarket analyze <scenario>`: exact pure equilibria, welfare, diversity
 * and best-response structure of a scenario.
 */
import type { Command } from 'commander';
import { analyzeMarket } from '../../analysis/analyzeMarket.js';
import { formatAnalysis } from '../../analysis/formatAnalysis.js';
import { loadMarket } from '../../market/loadScenario.js';
import { withPlatformCount } from '../../market/market.js';
import { parseNonNegative, parsePositiveInteger, parsePlatformCount } from '../parseOptions.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('find every pure Nash equilibrium of a scenario and report welfare and diversity')
    .argument('<scenario>', 'scenario JSON file')
    .option('--json', 'print the analysis as one JSON object')
    .option('--platforms <n>', 'override the number of platforms', parsePlatformCount)
    .option('--tolerance <eps>', 'ε of the Nash condition u_i(k, a_-i) ≤ u_i(a) + ε', parseNonNegative('--tolerance'), 1e-12)
    .option('--max-classes <n>', 'reject games with more permutation classes than this', parsePositiveInteger('--max-classes'), 50_000_000)
    .action((path: string, options: { json?: boolean; platforms?: number; tolerance: number; maxClasses: number }) => {
      let market = loadMarket(path);
      if (options.platforms !== undefined) market = withPlatformCount(market, options.platforms);
      const analysis = analyzeMarket(market, { tolerance: options.tolerance, maxClasses: options.maxClasses });
      process.stdout.write(options.json ? `${JSON.stringify(analysis, null, 2)}\n` : `${formatAnalysis(analysis)}\n`);
    });
}
