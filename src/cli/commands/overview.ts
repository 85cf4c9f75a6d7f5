/**
 * `genmarket overview [scenario...]`: the equilibria of several scenarios
 * side by side; by default the bundled LMArena top-12 market with hardmax
 * and Bradley–Terry choice for 2, 3 and 5 platforms.
 */
import type { Command } from 'commander';
import Table from 'cli-table3';
import { fileURLToPath } from 'node:url';
import { formatProfile } from '../../analysis/formatAnalysis.js';
import { overviewRows, type OverviewRow } from '../../analysis/marketOverview.js';
import { loadMarket } from '../../market/loadScenario.js';

const ARENA_SCENARIOS = ['hardmax-2', 'hardmax-3', 'hardmax-5', 'softmax-2', 'softmax-3', 'softmax-5'].map((s) =>
  fileURLToPath(new URL(`../../../scenarios/arena-top12-${s}.json`, import.meta.url)),
);

export function registerOverview(program: Command): void {
  program
    .command('overview')
    .description('compare the equilibria of several scenarios (default: the bundled LMArena market)')
    .argument('[scenarios...]', 'scenario JSON files')
    .option('--json', 'print the rows as JSON')
    .action((paths: string[], options: { json?: boolean }) => {
      const rows = overviewRows((paths.length > 0 ? paths : ARENA_SCENARIOS).map(loadMarket));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows.map(summarizeRow), null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatOverview(rows)}\n`);
    });
}

function summarizeRow(row: OverviewRow) {
  const a = row.analysis;
  return {
    scenario: row.scenario,
    rule: row.rule,
    platforms: row.platforms,
    equilibria: a.equilibria.map((e) => ({
      profile: e.profile,
      permutations: e.permutations,
      shares: e.shares,
      welfare: e.welfare,
      homogeneous: e.homogeneous,
    })),
    optimumWelfare: a.optimum.welfare,
    priceOfAnarchy: a.priceOfAnarchy,
  };
}

function formatOverview(rows: readonly OverviewRow[]): string {
  const table = new Table({
    head: ['choice', 'N', 'equilibrium deployment', 'platform shares', 'welfare', 'market', 'optimum'],
    style: { head: [], border: [] },
  });
  for (const row of rows) {
    const a = row.analysis;
    if (a.equilibria.length === 0) {
      table.push([row.rule, String(row.platforms), 'no pure equilibrium (cycles)', '-', '-', '-', a.optimum.welfare.toFixed(1)]);
      continue;
    }
    for (const e of a.equilibria.slice(0, 3)) {
      table.push([
        row.rule,
        String(row.platforms),
        formatProfile(e.profile),
        e.shares.map((s) => s.toFixed(3)).join(' '),
        e.welfare.toFixed(1),
        e.homogeneous ? 'homogeneous' : 'differentiated',
        a.optimum.welfare.toFixed(1),
      ]);
    }
  }
  const first = rows[0]?.analysis;
  const title = first ? `${rows.length} scenarios, ${first.models} models, ${first.userTypes} user types` : 'no scenarios';
  return `Pure Nash equilibria by choice rule and platform count (${title})\n${table.toString()}`;
}
