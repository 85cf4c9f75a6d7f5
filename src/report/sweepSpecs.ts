/**
 * Vega-Lite specs of sweep results: line charts against one swept
 * parameter, heatmaps over two. Rows that share a configuration (several
 * seeds, or parameters beyond the first two) are averaged.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepSeries } from './sweepSeries.js';

export interface SweepFigure {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

/** Escapes a column name for a Vega-Lite field, which otherwise reads dots and brackets as nested access. */
export function fieldRef(column: string): string {
  return column.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}

const WIDTH = 560;
const HEIGHT = 280;

function isNumericColumn(series: SweepSeries, column: string): boolean {
  return series.rows.every((r) => r[column] === null || typeof r[column] === 'number');
}

function fieldType(series: SweepSeries, column: string): 'quantitative' | 'ordinal' {
  return isNumericColumn(series, column) ? 'quantitative' : 'ordinal';
}

/** Orders a heatmap axis: numbers by value, text in the order the rows first give it. */
function axisSort(series: SweepSeries, column: string, numeric: 'ascending' | 'descending'): 'ascending' | 'descending' | string[] {
  if (isNumericColumn(series, column)) return numeric;
  return [...new Set(series.rows.map((r) => String(r[column])))];
}

/** Builds one line chart of all `metrics` against the first swept parameter, averaged over the rest. */
function lineSpec(series: SweepSeries, metrics: string[], label: string): TopLevelSpec {
  const parameter = series.parameters[0];
  return {
    title: { text: `${label} against ${parameter}`, subtitle: `mean over rows with the same ${parameter}` },
    width: WIDTH,
    height: HEIGHT,
    data: { values: series.rows },
    transform: [{ fold: metrics.map(fieldRef), as: ['metric', 'value'] }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: fieldRef(parameter), type: fieldType(series, parameter), title: parameter },
      y: { aggregate: 'mean', field: 'value', type: 'quantitative', title: label, scale: { zero: false } },
      color: { field: 'metric', type: 'nominal', title: 'column', sort: metrics },
    },
  };
}

/** Builds a heatmap of one metric over the first two swept parameters, averaged over the rest. */
function heatmapSpec(series: SweepSeries, metric: string): TopLevelSpec {
  const [columnParameter, rowParameter] = series.parameters;
  return {
    title: { text: `${metric} over ${columnParameter} and ${rowParameter}`, subtitle: 'mean over rows with the same cell' },
    width: { step: 44 },
    height: { step: 28 },
    data: { values: series.rows },
    encoding: {
      x: { field: fieldRef(columnParameter), type: 'ordinal', title: columnParameter, sort: axisSort(series, columnParameter, 'ascending') },
      y: { field: fieldRef(rowParameter), type: 'ordinal', title: rowParameter, sort: axisSort(series, rowParameter, 'descending'), axis: { labelLimit: 320 } },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { aggregate: 'mean', field: fieldRef(metric), type: 'quantitative', title: metric, scale: { scheme: 'viridis' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 9, color: 'white' },
        encoding: { text: { aggregate: 'mean', field: fieldRef(metric), type: 'quantitative', format: '.3~f' } },
      },
    ],
  };
}

/** Builds a bar chart with one bar per metric, for sweeps in which no parameter varies. */
function barSpec(series: SweepSeries): TopLevelSpec {
  return {
    title: { text: 'Sweep metrics', subtitle: 'mean over all rows' },
    width: { step: 40 },
    height: HEIGHT,
    data: { values: series.rows },
    transform: [{ fold: series.metrics.map(fieldRef), as: ['metric', 'value'] }],
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'metric', type: 'nominal', title: 'column', sort: series.metrics },
      y: { aggregate: 'mean', field: 'value', type: 'quantitative', title: 'mean' },
    },
  };
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** Builds the sweep figures: per metric group for one parameter, per metric for two or more. */
export function sweepFigures(series: SweepSeries): SweepFigure[] {
  if (series.parameters.length === 0) return [{ name: 'metrics', title: 'Sweep metrics', spec: barSpec(series) }];

  const welfare = series.metrics.filter((m) => /welfare/i.test(m));
  const distinct = series.metrics.filter((m) => !/welfare/i.test(m));
  if (series.parameters.length === 1) {
    const groups: [string, string[]][] = [
      ['welfare', welfare],
      ['distinct models', distinct],
    ];
    return groups
      .filter(([, metrics]) => metrics.length > 0)
      .map(([label, metrics]) => ({ name: slug(label), title: `${label} against ${series.parameters[0]}`, spec: lineSpec(series, metrics, label) }));
  }
  return series.metrics.map((metric) => ({
    name: `heatmap-${slug(metric)}`,
    title: `${metric} over ${series.parameters[0]} and ${series.parameters[1]}`,
    spec: heatmapSpec(series, metric),
  }));
}
