/**
 * The report section of a strategic-entry run: training curves, the
 * before/after comparison and the outcome of each scheme.
 */
import { comparisonSpec, trainingCurveSpec } from './entrySpecs.js';
import type { EntrySeries } from './entrySeries.js';
import { formatNumber, type Figure, type ReportSection } from './reportModel.js';

function yesNo(value: boolean | null): string {
  if (value === null) return '-';
  return value ? 'yes' : 'no';
}

export function entrySection(series: EntrySeries): ReportSection {
  const figures: Figure[] = [];
  if (series.curve.length > 0) figures.push({ name: 'training', title: 'Training curve', spec: trainingCurveSpec(series) });
  if (series.comparison.length > 0) figures.push({ name: 'before-after', title: 'Before and after entry', spec: comparisonSpec(series) });

  const facts: [string, string][] = [
    ['scenario', series.scenarioName ?? '-'],
    ['entrant', series.entrant ?? '-'],
    ['incumbent profile', series.incumbentProfile?.join(', ') ?? '-'],
    ...series.logFacts,
  ];
  return {
    source: series.source,
    kind: 'entry',
    heading: `Entry: ${series.entrant ?? series.source}`,
    facts,
    figures,
    tables:
      series.outcomes.length === 0
        ? []
        : [
            {
              caption: 'Outcome of each training scheme',
              columns: ['scheme', 'platform', 'share on entry', 'deployed at an equilibrium', 'profile after dynamics'],
              rows: series.outcomes.map((o) => [
                o.scheme,
                o.platform ?? '-',
                formatNumber(o.captureShare),
                yesNo(o.adoptedAtEquilibrium),
                o.finalProfile?.join(', ') ?? '-',
              ]),
            },
          ],
    notes: series.notes,
  };
}
