/**
 * `genmarket overview [scenario...]`: the equilibria of several scenarios
 * side by side, and where the default best-response dynamics go in each.
 * Without arguments it reads the bundled LMArena top-12 market with
 * hardmax and Bradley–Terry choice for 2, 3 and 5 platforms.
 */
import type { Command } from 'commander';
import Table from 'cli-table3';
import { fileURLToPath } from 'node:url';
import { formatProfile, plural } from '../../analysis/formatAnalysis.js';
import { overviewRows, type OverviewRow } from '../../analysis/marketOverview.js';
import { loadMarket } from '../../market/loadScenario.js';
import { parsePositiveInteger } from '../parseOptions.js';

const ARENA_SCENARIOS = ['hardmax-2', 'hardmax-3', 'hardmax-5', 'softmax-2', 'softmax-3', 'softmax-5'].map((s) =>
  fileURLToPath(new URL(`../../../scenarios/arena-top12-${s}.json`, import.meta.url)),
);

interface OverviewFlags {
  json?: boolean;
  rounds: number;
  users: number;
  seed: string;
}

export function registerOverview(program: Command): void {
  program
    .command('overview')
    .description('compare equilibria and dynamics of several scenarios (default: the bundled LMArena market)')
    .argument('[scenarios...]', 'scenario JSON files')
    .option('--rounds <n>', 'rounds each simulation may play', parsePositiveInteger('--rounds'), 100_000)
    .option('--users <K>', 'users sampled per simulated round', parsePositiveInteger('--users'), 10_000)
    .option('--seed <seed>', 'seed of the simulations', '1')
    .option('--json', 'print the rows as JSON')
    .action(async (paths: string[], flags: OverviewFlags) => {
      const markets = (paths.length > 0 ? paths : ARENA_SCENARIOS).map(loadMarket);
      const rows = await overviewRows(markets, { rounds: flags.rounds, users: flags.users, seed: flags.seed });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows.map(summarizeRow), null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatOverview(rows)}\n`);
    });
}

function summarizeRow(row: OverviewRow) {
  const a = row.analysis;
  const s = row.simulation;
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
    simulation: {
      outcome: s.outcome,
      rounds: s.rounds,
      finalProfile: s.finalProfile,
      expectedShares: s.expectedShares,
      welfareMean: s.welfare?.mean ?? null,
      cyclePeriod: s.cycle?.period ?? null,
    },
  };
}

function describeRun(row: OverviewRow): string {
  const s = row.simulation;
  const key = (profile: readonly string[]) => [...profile].sort().join('\n');
  if (s.outcome === 'converged') {
    const reached = row.analysis.equilibria.findIndex((e) => key(e.profile) === key(s.finalProfile));
    const target = reached >= 0 ? `equilibrium ${reached + 1}` : `(${formatProfile(s.finalProfile)})`;
    return `reaches ${target} in ${s.rounds} rounds`;
  }
  if (s.outcome === 'cycle') return `cycle of period ${s.cycle?.period} after ${s.rounds} rounds`;
  return `undecided after ${s.rounds} rounds`;
}

/** Prints welfare with six significant digits, enough to tell 0.9717 from 1 and 1497.23 from 1487.16. */
function welfare(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function formatOverview(rows: readonly OverviewRow[]): string {
  const table = new Table({
    head: ['scenario, choice', 'N', 'equilibrium deployment', 'platform shares', 'welfare', 'market', 'best-response dynamics'],
    style: { head: [], border: [] },
    colWidths: [24, 3, 40, 31, 10, 16, 22],
    wordWrap: true,
  });
  for (const row of rows) {
    const a = row.analysis;
    const run = describeRun(row);
    if (a.equilibria.length === 0) {
      table.push([`${row.scenario}\n${row.rule}`, String(row.platforms), 'no pure equilibrium', '-', '-', '-', run]);
      continue;
    }
    a.equilibria.slice(0, 3).forEach((e, index) => {
      table.push([
        index === 0 ? `${row.scenario}\n${row.rule}` : '',
        String(row.platforms),
        `${index + 1}. ${formatProfile(e.profile)}`,
        e.shares.map((s) => s.toFixed(3)).join(' '),
        welfare(e.welfare),
        e.homogeneous ? 'homogeneous' : 'differentiated',
        index === 0 ? run : '',
      ]);
    });
  }
  const sizes = new Set(rows.map((r) => `${plural(r.analysis.models, 'model')}, ${plural(r.analysis.userTypes, 'user type')}`));
  const names = new Set(rows.map((r) => r.scenario.replace(/-(hardmax|softmax)-\d+$/, '')));
  const title = `${[...names].join(', ')}: ${[...sizes].join(' / ')}`;
  const optimum = rows.map((r) => `${r.scenario}: ${welfare(r.analysis.optimum.welfare)}`).join('; ');
  return [
    `Pure Nash equilibria by choice rule and platform count (${title})`,
    table.toString(),
    `Social optimum welfare: ${optimum}`,
    `Dynamics: round-robin best response on exact payoffs with ${rows[0]?.simulation.welfare ? 'sampled users' : 'exact shares'}, ` +
      'starting with every platform on the model of lowest average reward.',
  ].join('\n');
}
