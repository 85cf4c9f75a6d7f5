/**
 * Terminal rendering of an entry report: the incumbent profile, then one
 * column per training scheme with the entrant's outcome.
 */
import Table from 'cli-table3';
import type { EntryReport, SchemeReport } from './runEntry.js';

/** Formats x with fixed digits, printing values that round to zero as 0 rather than -0. */
const number = (x: number, digits = 4) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
const yesNo = (x: boolean) => (x ? 'yes' : 'no');

function formatParameters(report: SchemeReport): string {
  return report.parameters.components
    .map((c) => {
      const mean = `[${c.mean.map((m) => number(m, 3)).join(', ')}]`;
      const weight = report.parameters.components.length > 1 ? `${c.weight.toFixed(3)}·` : '';
      return `${weight}N(${mean}, ${number(c.sigma, 3)}²)`;
    })
    .join(' + ');
}

function formatRewards(report: SchemeReport): string {
  return Object.entries(report.rewards)
    .map(([name, value]) => {
      const error = report.rewardStdErrors[name];
      return error > 0 ? `${name} ${number(value)} ± ${number(error)}` : `${name} ${number(value)}`;
    })
    .join('\n');
}

const rows: [string, (r: SchemeReport) => string][] = [
  ['trained model', formatParameters],
  ['expected reward by type', formatRewards],
  ['average reward', (r) => number(r.averageReward)],
  ['trained against', (r) => r.trainedAgainst ?? 'whole population'],
  ['share captured on entry', (r) => `${number(r.captureShare)} (${r.platform} switches)`],
  ['in some equilibrium', (r) => `${yesNo(r.adoptedAtEquilibrium)} (${r.equilibriumClassesWithEntrant} of ${r.equilibriumClasses} classes)`],
  ['best-response dynamics reach', (r) => `${r.dynamics.profile.join(', ')}${r.dynamics.converged ? '' : ' (no convergence)'}`],
  ['provider payoff', (r) => `${number(r.providerPayoffBefore)} → ${number(r.providerPayoff)}`],
  ['welfare', (r) => `${number(r.welfareBefore)} → ${number(r.welfareAfter)}`],
  ['distinct models deployed', (r) => `${r.distinctModelsBefore} → ${r.distinctModelsAfter}`],
];

/** Formats the report as a summary line and a side-by-side table. */
export function formatEntry(report: EntryReport): string {
  const columns: [string, SchemeReport][] = [];
  if (report.standard) columns.push(['standard', report.standard]);
  if (report.bestResponse) columns.push(['best response', report.bestResponse]);
  if (report.retrained) columns.push(['best response, retrained', report.retrained]);

  const out: string[] = [];
  const equilibrium = report.incumbentIsEquilibrium ? 'a pure Nash equilibrium' : 'not an equilibrium';
  out.push(
    `${report.scenario}: entrant ${report.entrant.name} of provider ${report.entrant.provider} enters at ` +
      `(${report.incumbentProfile.join(', ')}), ${equilibrium}`,
  );

  const table = new Table({ head: ['', ...columns.map(([name]) => name)], style: { head: [], border: [] } });
  for (const [label, cell] of rows) table.push([label, ...columns.map(([, r]) => cell(r))]);
  out.push(table.toString());

  if (report.retrained) {
    const r = report.retrained;
    const status = r.converged ? 'converged' : 'did not converge';
    out.push(`Retraining against the re-equilibrated market ${status} after ${r.rounds.length} rounds:`);
    for (const round of r.rounds) {
      const trained =
        round.captureShare === null ? 'same equilibrium again, stopped' : `retrained share ${number(round.captureShare)} against ${round.platform}'s rivals`;
      out.push(`  round ${round.round}: dynamics reach (${round.equilibrium.join(', ')}); ${trained}`);
    }
  }
  return out.join('\n');
}
