/**
 * Terminal rendering of a market analysis: a summary line, the equilibria
 * table, the homogeneous condition, the optimum and the best-response
 * structure of small games.
 */
import Table from 'cli-table3';
import type { ClassReport, MarketAnalysis } from './analyzeMarket.js';

const number = (x: number | null, digits = 4) => (x === null ? '-' : x.toFixed(digits));

/** Returns `1 class` or `3 classes`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** Lists a class compactly, e.g. `gpt-5 ×2, claude` for three platforms. */
export function formatProfile(profile: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of profile) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

interface TableOptions {
  softmax: boolean;
  permutations: boolean;
  outsideOption: boolean;
}

function classTable(rows: readonly ClassReport[], options: TableOptions): string {
  const head = ['profile', 'perms', 'shares', 'welfare', 'models', 'market'];
  if (options.softmax) head.splice(4, 0, 'surplus');
  if (!options.permutations) head.splice(1, 1);
  if (options.outsideOption) head.splice(head.indexOf('shares') + 1, 0, 'outside');
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) {
    const cells = [
      formatProfile(row.profile),
      String(row.permutations),
      row.shares.map((s) => s.toFixed(3)).join(' '),
      number(row.welfare),
      String(row.distinctModels),
      row.homogeneous ? 'homogeneous' : 'differentiated',
    ];
    if (options.softmax) cells.splice(4, 0, number(row.consumerSurplus));
    if (!options.permutations) cells.splice(1, 1);
    if (options.outsideOption) cells.splice(head.indexOf('outside'), 0, row.outsideShare.toFixed(3));
    table.push(cells);
  }
  return table.toString();
}

export function formatAnalysis(a: MarketAnalysis): string {
  const out: string[] = [];
  const rule = a.choice.rule === 'softmax' ? `softmax τ=${a.choice.temperature}` : 'hardmax';
  out.push(
    `${a.scenario}: ${plural(a.platforms, 'platform')}, ${plural(a.models, 'model')}, ${plural(a.userTypes, 'user type')}, ${rule}` +
      `${a.outsideOption ? ', outside option' : ''}; ${plural(a.permutationClasses, 'permutation class', 'permutation classes')}`,
  );

  const softmax = a.choice.rule === 'softmax';
  if (a.equilibria.length === 0) {
    out.push('\nNo pure Nash equilibrium: best-response dynamics cycle (see the best-response structure below).');
  } else {
    out.push(
      `\nPure Nash equilibria: ${plural(a.equilibria.length, 'class', 'classes')} ` +
        `(${a.homogeneousEquilibria} homogeneous, ${a.differentiatedEquilibria} differentiated)`,
    );
    out.push(classTable(a.equilibria.slice(0, 50), { softmax, permutations: true, outsideOption: a.outsideOption }));
    if (a.equilibria.length > 50) out.push(`... ${a.equilibria.length - 50} more (use --json for all)`);
  }

  out.push(`\nSocial optimum:`);
  out.push(classTable([a.optimum], { softmax, permutations: false, outsideOption: a.outsideOption }));
  if (a.priceOfAnarchy === null) {
    const why = a.equilibria.length === 0 ? 'there is no pure equilibrium' : 'they need positive welfare';
    out.push(`Price of anarchy and of stability: undefined, because ${why}`);
  } else {
    out.push(`Price of anarchy ${number(a.priceOfAnarchy)}, price of stability ${number(a.priceOfStability)}`);
  }

  const top = a.bestAverageModel;
  out.push(
    `Best average reward: ${top.model} (${number(top.averageReward)}), ` +
      `${top.deployedInSomeEquilibrium ? 'deployed in some equilibrium' : 'deployed in no equilibrium'}`,
  );

  if (a.homogeneousCondition) out.push(formatHomogeneous(a));
  if (a.bestResponse) out.push(formatBestResponse(a));
  else if (a.bestResponseOmitted) out.push(`\nBest-response structure omitted: ${a.bestResponseOmitted}.`);
  return out.join('\n');
}

function formatHomogeneous(a: MarketAnalysis): string {
  const rows = a.homogeneousCondition!;
  const shown = rows.length > 20 ? rows.filter((r) => r.holds).slice(0, 20) : rows;
  const table = new Table({
    head: ['all platforms on', `(N−1)·m(rival, j)`, 'm(j, rival)', 'strongest rival', 'equilibrium'],
    style: { head: [], border: [] },
  });
  for (const r of shown) {
    table.push([
      r.model,
      number((a.platforms - 1) * r.rivalNiche),
      number(r.ownNiche),
      r.strongestRival ?? '-',
      r.holds ? 'yes' : 'no',
    ]);
  }
  const note = rows.length > 20 ? ` (showing the ${shown.length} models where it holds)` : '';
  return `\nHomogeneous condition (N−1)·m(k, j) ≤ m(j, k) for every rival k${note}:\n${table.toString()}`;
}

function formatBestResponse(a: MarketAnalysis): string {
  const br = a.bestResponse!;
  const out: string[] = ['\nBest-response structure:'];
  for (const sink of br.sinks) {
    const label = sink.kind === 'equilibrium' ? 'equilibrium' : `closed cycle through ${sink.profiles.length} classes`;
    out.push(`  ${label}: ${sink.profiles.map((p) => `(${formatProfile(p)})`).join(', ')}`);
  }
  const open = br.cycles.filter((c) => !c.closed);
  for (const c of open) out.push(`  transient cycle: ${c.profiles.map((p) => `(${formatProfile(p)})`).join(', ')}`);

  if (br.classes.length <= 30) {
    out.push('  moves:');
    for (const c of br.classes) {
      const target = c.equilibrium ? 'stays (equilibrium)' : c.movesTo.map((p) => `(${formatProfile(p)})`).join(' or ');
      out.push(`    (${formatProfile(c.profile)}) → ${target}`);
    }
  }
  return out.join('\n');
}
