/**
 * The report section of sweep results: welfare and distinct models against
 * the swept parameters.
 */
import type { ReportSection } from './reportModel.js';
import { sweepFigures } from './sweepSpecs.js';
import type { SweepSeries } from './sweepSeries.js';

export function sweepSection(series: SweepSeries): ReportSection {
  const notes = [...series.notes];
  if (series.parameters.length > 2) {
    notes.push(`heatmaps use ${series.parameters[0]} and ${series.parameters[1]} and average over ${series.parameters.slice(2).join(', ')}`);
  }
  return {
    source: series.source,
    kind: 'sweep',
    heading: `Sweep: ${series.source}`,
    facts: [
      ['rows', String(series.rows.length)],
      ['swept parameters', series.parameters.join(', ') || '-'],
      ['metrics', series.metrics.join(', ')],
    ],
    figures: sweepFigures(series),
    tables: [],
    notes,
  };
}
