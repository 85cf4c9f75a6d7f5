/**
 * Circle layout of a best-response graph: one node per permutation class,
 * placed clockwise from the top in the order of the analysis (class rank),
 * so the same scenario always gives the same picture. Edges stop short of
 * the nodes so the arrowheads stay visible.
 */
import { formatProfile } from '../analysis/formatAnalysis.js';
import type { MarketAnalysis } from '../analysis/analyzeMarket.js';

export type NodeKind = 'equilibrium' | 'closed cycle' | 'open cycle' | 'other';
export type EdgeKind = 'move' | 'cycle move';

export interface GraphNode {
  id: number;
  label: string;
  kind: NodeKind;
  x: number;
  y: number;
  /** Label position just outside the circle, and its horizontal alignment. */
  labelX: number;
  labelY: number;
  align: 'left' | 'right' | 'center';
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  x: number;
  y: number;
  x2: number;
  y2: number;
  /** Clockwise rotation in degrees that turns an upward triangle into the edge's direction on screen. */
  angle: number;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  equilibria: number;
  cycles: number;
}

/** Distances from a node centre, in units of the circle radius. */
const EDGE_START_GAP = 0.07;
const EDGE_END_GAP = 0.1;
const LABEL_RADIUS = 1.12;

const keyOf = (profile: readonly string[]) => profile.join('\u0000');

/** Aligns a label away from the circle: left of it on the right half, right of it on the left half. */
function labelAlign(x: number): GraphNode['align'] {
  if (Math.abs(x) < 1e-9) return 'center';
  return x > 0 ? 'left' : 'right';
}

/** Lays out `analysis.bestResponse` on the unit circle; y points up. */
export function layoutBestResponseGraph(graph: NonNullable<MarketAnalysis['bestResponse']>): GraphLayout {
  const count = graph.classes.length;
  const idOf = new Map(graph.classes.map((c, id) => [keyOf(c.profile), id]));
  const cycleOf = new Int32Array(count).fill(-1);
  const closed: boolean[] = [];
  graph.cycles.forEach((cycle, c) => {
    closed.push(cycle.closed);
    for (const profile of cycle.profiles) cycleOf[idOf.get(keyOf(profile))!] = c;
  });

  const nodes: GraphNode[] = graph.classes.map((c, id) => {
    const theta = Math.PI / 2 - (2 * Math.PI * id) / count;
    const x = Math.cos(theta);
    const y = Math.sin(theta);
    let kind: NodeKind = 'other';
    if (c.equilibrium) kind = 'equilibrium';
    else if (cycleOf[id] >= 0) kind = closed[cycleOf[id]] ? 'closed cycle' : 'open cycle';
    return { id, label: formatProfile(c.profile), kind, x, y, labelX: LABEL_RADIUS * x, labelY: LABEL_RADIUS * y, align: labelAlign(x) };
  });

  const edges: GraphEdge[] = [];
  graph.classes.forEach((c, from) => {
    for (const target of c.movesTo) {
      const to = idOf.get(keyOf(target))!;
      const a = nodes[from];
      const b = nodes[to];
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      const ux = (b.x - a.x) / length;
      const uy = (b.y - a.y) / length;
      const sameCycle = cycleOf[from] >= 0 && cycleOf[from] === cycleOf[to];
      edges.push({
        from: a.label,
        to: b.label,
        kind: sameCycle ? 'cycle move' : 'move',
        x: a.x + EDGE_START_GAP * ux,
        y: a.y + EDGE_START_GAP * uy,
        x2: b.x - EDGE_END_GAP * ux,
        y2: b.y - EDGE_END_GAP * uy,
        angle: (Math.atan2(ux, uy) * 180) / Math.PI,
      });
    }
  });
  return { nodes, edges, equilibria: nodes.filter((n) => n.kind === 'equilibrium').length, cycles: graph.cycles.length };
}
