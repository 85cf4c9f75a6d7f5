/**
 * Vega-Lite spec of a best-response graph laid out on a circle: edges as
 * rules with triangle arrowheads, classes as points coloured by kind
 * (equilibrium, class on a closed or open best-response cycle, other), and
 * class labels outside the circle.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GraphLayout } from './bestResponseLayout.js';

const SIZE = 480;
/** Axis range in units of the circle radius; leaves room for the labels. */
const DOMAIN = [-1.7, 1.7];

const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: DOMAIN }, axis: null });
const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: DOMAIN }, axis: null });

function labelLayer(align: 'left' | 'right' | 'center') {
  return {
    data: { name: 'nodes' },
    transform: [{ filter: { field: 'align', equal: align } }],
    mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: 11 },
    encoding: { x: x('labelX'), y: y('labelY'), text: { field: 'label', type: 'nominal' as const } },
  };
}

const count = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;

export function bestResponseSpec(title: string, layout: GraphLayout): TopLevelSpec {
  const subtitle =
    `${count(layout.nodes.length, 'permutation class', 'permutation classes')}, ` +
    `${count(layout.equilibria, 'pure equilibrium', 'pure equilibria')}, ` +
    `${count(layout.cycles, 'best-response cycle', 'best-response cycles')}; ` +
    "an arrow is one platform's best-response move";
  return {
    title: { text: title, subtitle },
    width: SIZE,
    height: SIZE,
    datasets: { nodes: layout.nodes, edges: layout.edges },
    layer: [
      {
        data: { name: 'edges' },
        mark: { type: 'rule', strokeWidth: 1.2 },
        encoding: {
          x: x('x'),
          y: y('y'),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          color: {
            field: 'kind',
            type: 'nominal',
            title: 'move',
            scale: { domain: ['move', 'cycle move'], range: ['#8c8c8c', '#ff7f0e'] },
          },
        },
      },
      {
        data: { name: 'edges' },
        mark: { type: 'point', shape: 'triangle-up', filled: true, size: 60 },
        encoding: {
          x: x('x2'),
          y: y('y2'),
          angle: { field: 'angle', type: 'quantitative', scale: null },
          color: { field: 'kind', type: 'nominal' },
        },
      },
      {
        data: { name: 'nodes' },
        mark: { type: 'point', filled: true, size: 260, stroke: 'black', strokeWidth: 1 },
        encoding: {
          x: x('x'),
          y: y('y'),
          fill: {
            field: 'kind',
            type: 'nominal',
            title: 'class',
            scale: {
              domain: ['equilibrium', 'closed cycle', 'open cycle', 'other'],
              range: ['#2ca02c', '#d62728', '#ffbb78', '#d9d9d9'],
            },
          },
          shape: {
            field: 'kind',
            type: 'nominal',
            title: 'class',
            scale: {
              domain: ['equilibrium', 'closed cycle', 'open cycle', 'other'],
              range: ['square', 'diamond', 'diamond', 'circle'],
            },
          },
        },
      },
      labelLayer('left'),
      labelLayer('right'),
      labelLayer('center'),
    ],
    config: { view: { stroke: null } },
  };
}
