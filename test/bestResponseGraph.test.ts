import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestResponseGraph } from '../src/game/bestResponseGraph.js';
import { buildDeviationTable } from '../src/game/deviationTable.js';
import { enumerateEquilibria } from '../src/game/enumerateEquilibria.js';
import { gameShape, hardmaxMarket } from './arbitraries.js';

describe('best-response graph', () => {
  it('has the equilibria as its only sink classes', () => {
    fc.assert(
      fc.property(gameShape({ maxPlatforms: 3 }), (shape) => {
        const market = hardmaxMarket(shape);
        const graph = bestResponseGraph(buildDeviationTable(market));
        const sinks = graph.equilibria.map((v) => Array.from(graph.classes[v]).join(','));
        const equilibria = enumerateEquilibria(market).map((e) => Array.from(e.profile).join(','));
        expect(sinks.sort()).toEqual(equilibria.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('leads every class to some closed component', () => {
    fc.assert(
      fc.property(gameShape({ maxPlatforms: 3 }), (shape) => {
        const graph = bestResponseGraph(buildDeviationTable(hardmaxMarket(shape)));
        for (const reach of graph.reaches) expect(reach.length).toBeGreaterThan(0);
        if (graph.equilibria.length === 0) expect(graph.cycles.some((c) => c.closed)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
