/**
 * The parts of a section that come from the exact analysis of a scenario:
 * the best-response graph figure and the table of pure equilibria.
 */
import { formatProfile } from '../analysis/formatAnalysis.js';
import type { MarketAnalysis } from '../analysis/analyzeMarket.js';
import { layoutBestResponseGraph } from './bestResponseLayout.js';
import { bestResponseSpec } from './bestResponseSpec.js';
import { formatNumber, type Figure, type Table } from './reportModel.js';

/** Returns the best-response graph figure, or null when the analysis left the graph out. */
export function bestResponseFigure(analysis: MarketAnalysis): Figure | null {
  if (!analysis.bestResponse) return null;
  const layout = layoutBestResponseGraph(analysis.bestResponse);
  const title = `Best-response graph: ${analysis.scenario}, ${analysis.platforms} platforms`;
  return { name: 'best-response', title, spec: bestResponseSpec(title, layout) };
}

/** Lists the pure equilibria and the social optimum with welfare and diversity. */
export function equilibriumTable(analysis: MarketAnalysis): Table {
  const rows = analysis.equilibria.map((e) => [
    'equilibrium',
    formatProfile(e.profile),
    formatNumber(e.welfare),
    e.distinctModels,
    e.shares.map(formatNumber).join(', '),
  ]);
  const o = analysis.optimum;
  rows.push(['social optimum', formatProfile(o.profile), formatNumber(o.welfare), o.distinctModels, o.shares.map(formatNumber).join(', ')]);
  return {
    caption: `Pure equilibria (${analysis.equilibria.length}) and social optimum, computed exactly`,
    columns: ['class', 'profile', 'welfare', 'distinct models', 'shares'],
    rows,
  };
}

/** Facts of an analysis: counts, prices of anarchy and stability. */
export function analysisFacts(analysis: MarketAnalysis): [string, string][] {
  return [
    ['choice rule', analysis.choice.rule],
    ['platforms × models', `${analysis.platforms} × ${analysis.models}`],
    ['pure equilibria', String(analysis.equilibria.length)],
    ['optimum welfare', formatNumber(analysis.optimum.welfare)],
    ['price of anarchy', formatNumber(analysis.priceOfAnarchy)],
    ['price of stability', formatNumber(analysis.priceOfStability)],
  ];
}
