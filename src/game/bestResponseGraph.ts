/**
 * The best-response graph on permutation classes. An edge P → Q means one
 * platform of class P gains more than ε by switching to one of its best
 * responses, and the result is class Q. Sink classes are the pure
 * equilibria. A strongly connected component with several classes is a
 * best-response cycle. When no edge leaves it, it traps every path that
 * enters it, and a game without a pure equilibrium has at least one such
 * closed cycle.
 */
import { DEFAULT_NASH_TOLERANCE } from './bestResponse.js';
import type { DeviationTable } from './deviationTable.js';
import { forEachMultiset, multisetCount, rankMultiset } from './multisets.js';

export interface BestResponseGraph {
  /** Class of each node, sorted model indices; node id = class rank. */
  classes: Int32Array[];
  /** Successor node ids of each node, ascending. */
  moves: number[][];
  /** Components with more than one class, each sorted; `closed` when no move leaves it. */
  cycles: { nodes: number[]; closed: boolean }[];
  /** Node ids of the pure equilibria. */
  equilibria: number[];
  /** For each node, the indices into `sinks` it can reach. */
  reaches: number[][];
  /** Closed components: a single equilibrium or a closed cycle, as node lists. */
  sinks: number[][];
}

/** Classes above which the graph is not built by default. */
export const DEFAULT_MAX_GRAPH_CLASSES = 20_000;

export function bestResponseGraph(table: DeviationTable, tolerance = DEFAULT_NASH_TOLERANCE): BestResponseGraph {
  const M = table.market.numModels;
  const N = table.numPlatforms;
  const count = multisetCount(M, N);
  const classes: Int32Array[] = new Array(count);
  const moves: number[][] = new Array(count);
  const next = new Int32Array(N);

  forEachMultiset(M, N, (models) => {
    const id = rankMultiset(table.binomials, models, N);
    classes[id] = models.slice();
    const targets = new Set<number>();
    for (let p = 0; p < N; p++) {
      if (p > 0 && models[p] === models[p - 1]) continue;
      const row = rankMultiset(table.binomials, models, N, p);
      const best = table.best[row];
      if (best - table.payoffs[row * M + models[p]] <= tolerance) continue;
      for (let k = 0; k < M; k++) {
        if (table.payoffs[row * M + k] < best - tolerance) continue;
        replaceSorted(models, p, k, next);
        targets.add(rankMultiset(table.binomials, next, N));
      }
    }
    moves[id] = [...targets].sort((a, b) => a - b);
  });

  const components = stronglyConnectedComponents(moves);
  const componentOf = new Int32Array(count);
  components.forEach((nodes, c) => nodes.forEach((v) => (componentOf[v] = c)));

  const cycles: BestResponseGraph['cycles'] = [];
  const sinks: number[][] = [];
  const equilibria: number[] = [];
  for (const nodes of components) {
    const closed = nodes.every((v) => moves[v].every((w) => componentOf[w] === componentOf[nodes[0]]));
    const sorted = [...nodes].sort((a, b) => a - b);
    if (nodes.length > 1) cycles.push({ nodes: sorted, closed });
    if (closed) sinks.push(sorted);
    if (nodes.length === 1 && moves[nodes[0]].length === 0) equilibria.push(nodes[0]);
  }
  equilibria.sort((a, b) => a - b);

  return { classes, moves, cycles, equilibria, reaches: reachableSinks(moves, sinks), sinks };
}

/** Writes into `out` the sorted class `models` with position p replaced by model k. */
function replaceSorted(models: Int32Array, p: number, k: number, out: Int32Array): void {
  let q = 0;
  let placed = false;
  for (let i = 0; i < models.length; i++) {
    if (i === p) continue;
    if (!placed && k <= models[i]) {
      out[q++] = k;
      placed = true;
    }
    out[q++] = models[i];
  }
  if (!placed) out[q] = k;
}

/** Returns, for each node, which sinks it can reach by following moves. */
function reachableSinks(moves: number[][], sinks: number[][]): number[][] {
  const reverse: number[][] = moves.map(() => []);
  moves.forEach((targets, v) => targets.forEach((w) => reverse[w].push(v)));

  const reaches: number[][] = moves.map(() => []);
  sinks.forEach((nodes, s) => {
    const seen = new Uint8Array(moves.length);
    const stack = [...nodes];
    nodes.forEach((v) => (seen[v] = 1));
    while (stack.length > 0) {
      const v = stack.pop()!;
      reaches[v].push(s);
      for (const u of reverse[v]) {
        if (!seen[u]) {
          seen[u] = 1;
          stack.push(u);
        }
      }
    }
  });
  return reaches;
}

/** Tarjan's algorithm without recursion; returns the components. */
export function stronglyConnectedComponents(moves: number[][]): number[][] {
  const n = moves.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, edge] = frame;
      if (edge === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (edge < moves[v].length) {
        frame[1]++;
        const w = moves[v][edge];
        if (index[w] < 0) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
