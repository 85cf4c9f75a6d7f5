/**
 * Vega-Lite specs of a strategic-entry run: the training curves (objective
 * and average reward by step) and grouped bars of welfare, provider payoff
 * and distinct models before and after entry, per training scheme.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EntrySeries } from './entrySeries.js';

function heading(series: EntrySeries): string {
  const entrant = series.entrant ?? 'entrant';
  return series.scenarioName === null ? entrant : `${entrant} entering ${series.scenarioName}`;
}

export function trainingCurveSpec(series: EntrySeries): TopLevelSpec {
  const rows = series.curve.flatMap((p) => {
    const objective = { run: p.run, step: p.step, quantity: 'objective', value: p.objective };
    if (p.averageReward === null) return [objective];
    return [objective, { run: p.run, step: p.step, quantity: 'average reward', value: p.averageReward }];
  });
  return {
    title: {
      text: `Training curve: ${heading(series)}`,
      subtitle: 'objective: average reward (standard) or smoothed share (best response)',
    },
    data: { values: rows },
    facet: { row: { field: 'quantity', type: 'nominal', title: null, sort: ['objective', 'average reward'] } },
    spec: {
      width: 560,
      height: 200,
      mark: { type: 'line' },
      encoding: {
        x: { field: 'step', type: 'quantitative', title: 'training step' },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        color: { field: 'run', type: 'nominal', title: 'run', legend: { labelLimit: 0 } },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

export function comparisonSpec(series: EntrySeries): TopLevelSpec {
  const incumbents = series.incumbentProfile ? `incumbent profile ${series.incumbentProfile.join(', ')}; ` : '';
  return {
    title: {
      text: `Before and after entry: ${heading(series)}`,
      subtitle: `${incumbents}after = where best-response dynamics lead from it`,
    },
    data: { values: series.comparison },
    facet: {
      column: { field: 'measure', type: 'nominal', title: null, sort: ['welfare', 'provider payoff', 'distinct models'] },
    },
    spec: {
      width: { step: 26 },
      height: 220,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'scheme', type: 'nominal', title: null, sort: ['standard', 'best response', 'retrained'] },
        xOffset: { field: 'stage', type: 'nominal', sort: ['before', 'after'] },
        y: { field: 'value', type: 'quantitative', title: null },
        color: {
          field: 'stage',
          type: 'nominal',
          title: 'stage',
          sort: ['before', 'after'],
          scale: { domain: ['before', 'after'], range: ['#9ecae1', '#3182bd'] },
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}
