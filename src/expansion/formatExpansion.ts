/**
 * Terminal rendering of pool-expansion steps: one table row per added
 * model, with the equilibria, welfare range and diversity before and after
 * and the drop flags.
 */
import Table from 'cli-table3';
import { formatProfile } from '../analysis/formatAnalysis.js';
import type { Market } from '../market/market.js';
import type { ExpansionStep } from './expandPool.js';
import type { PoolOutcome } from './poolOutcome.js';

/** Equilibrium classes listed per table cell before the rest are counted. */
const SHOWN_CLASSES = 3;

const welfare = (x: number | null) => (x === null ? '-' : x.toFixed(4));

function listEquilibria(outcome: PoolOutcome): string {
  if (outcome.equilibria.length === 0) return 'none';
  const shown = outcome.equilibria.slice(0, SHOWN_CLASSES).map((e) => `(${formatProfile(e.profile)})`);
  const rest = outcome.equilibria.length - shown.length;
  if (rest > 0) shown.push(`+${rest} more`);
  return shown.join('\n');
}

/** Describes a step's flags in words, or `-` when nothing drops. */
export function describeFlags(step: ExpansionStep): string {
  switch (step.comparison) {
    case 'no-equilibrium':
      return 'no equilibrium before or after';
    case 'no-equilibrium-before':
      return 'no equilibrium before';
    case 'no-equilibrium-after':
      return 'no equilibrium after';
    case 'compared':
      break;
  }
  const flags: string[] = [];
  if (step.welfareDrop) flags.push('WELFARE DROP (every equilibrium worse)');
  else if (step.bestWelfareFalls) flags.push('best welfare falls');
  if (step.diversityDrop) flags.push('DIVERSITY DROP');
  return flags.length > 0 ? flags.join('\n') : '-';
}

const countClasses = (n: number) => (n === 1 ? '1 equilibrium class' : `${n} equilibrium classes`);

const change = (before: string, after: string) => `${before} → ${after}`;

export function formatExpansion(market: Market, steps: readonly ExpansionStep[], cumulative: boolean): string {
  const rule = market.choice.rule === 'softmax' ? `softmax τ=${market.choice.temperature}` : 'hardmax';
  const out: string[] = [`${market.name}: ${market.numPlatforms} platforms, ${rule}`];
  if (steps.length === 0) {
    out.push('No model to add: every model of the scenario is already in the base pool.');
    return out.join('\n');
  }

  const base = steps[0].before;
  out.push(
    `Base pool: ${base.pool.join(', ')}; ${countClasses(base.equilibria.length)}: ` +
      `${listEquilibria(base).replace(/\n/g, ' ')}`,
  );
  out.push(cumulative ? 'Each model joins the pool of the row above.' : 'Each model joins the base pool alone.');

  const head = ['added', 'equilibria after', 'best welfare', 'worst welfare', 'max models', 'flags'];
  if (cumulative) head.splice(1, 0, 'equilibria before');
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const step of steps) {
    const { before, after } = step;
    const row = [
      step.added,
      listEquilibria(after),
      change(welfare(before.bestWelfare), welfare(after.bestWelfare)),
      change(welfare(before.worstWelfare), welfare(after.worstWelfare)),
      change(String(before.maxDistinctModels ?? '-'), String(after.maxDistinctModels ?? '-')),
      describeFlags(step),
    ];
    if (cumulative) row.splice(1, 0, listEquilibria(before));
    table.push(row);
  }
  out.push(table.toString());

  const welfareDrops = steps.filter((s) => s.welfareDrop).map((s) => s.added);
  const diversityDrops = steps.filter((s) => s.diversityDrop).map((s) => s.added);
  if (welfareDrops.length > 0) out.push(`Adding ${welfareDrops.join(', ')} lowers the welfare of every equilibrium.`);
  if (diversityDrops.length > 0) out.push(`Adding ${diversityDrops.join(', ')} lowers the number of distinct models deployed.`);
  return out.join('\n');
}
