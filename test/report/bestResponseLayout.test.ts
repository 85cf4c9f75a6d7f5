import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/market/loadScenario.js';
import { layoutBestResponseGraph } from '../../src/report/bestResponseLayout.js';
import { buildSection } from '../../src/report/buildReport.js';
import { analyzeScenario, MAX_DRAWN_CLASSES } from '../../src/report/scenarioAnalysis.js';

function layoutOf(file: string, numPlatforms?: number) {
  const { analysis } = analyzeScenario(readScenarioFile(file), { numPlatforms });
  return layoutBestResponseGraph(analysis!.bestResponse!);
}

describe('best-response layout', () => {
  it('marks the Condorcet cycle', () => {
    const layout = layoutOf('scenarios/condorcet-cycle.json');
    expect(layout.nodes.map((n) => n.label)).toEqual(['a ×2', 'a, b', 'b ×2', 'a, c', 'b, c', 'c ×2']);
    const kinds = Object.fromEntries(layout.nodes.map((n) => [n.label, n.kind]));
    expect(kinds).toEqual({ 'a ×2': 'other', 'a, b': 'closed cycle', 'a, c': 'closed cycle', 'b ×2': 'other', 'b, c': 'closed cycle', 'c ×2': 'other' });
    expect(layout.equilibria).toBe(0);
    expect(layout.cycles).toBe(1);
    const cycleMoves = layout.edges.filter((e) => e.kind === 'cycle move').map((e) => `${e.from} → ${e.to}`);
    expect(cycleMoves.sort()).toEqual(['a, b → a, c', 'a, c → b, c', 'b, c → a, b']);
  });

  it('marks the equilibrium', () => {
    const layout = layoutOf('scenarios/two-niches.json');
    const equilibrium = layout.nodes.filter((n) => n.kind === 'equilibrium');
    expect(equilibrium.map((n) => n.label)).toEqual(['m1 ×3, m2']);
    expect(layout.edges).toHaveLength(4);
    expect(layout.edges.every((e) => e.kind === 'move')).toBe(true);
  });

  it('places nodes clockwise from the top of the unit circle', () => {
    const layout = layoutOf('scenarios/condorcet-cycle.json');
    const [first, second] = layout.nodes;
    expect(first.x).toBeCloseTo(0, 12);
    expect(first.y).toBeCloseTo(1, 12);
    expect(first.align).toBe('center');
    expect(second.x).toBeGreaterThan(0);
    expect(second.align).toBe('left');
    for (const n of layout.nodes) expect(Math.hypot(n.x, n.y)).toBeCloseTo(1, 12);
  });

  it('points arrowheads along the edge', () => {
    const layout = layoutOf('scenarios/condorcet-cycle.json');
    for (const e of layout.edges) {
      const radians = (e.angle * Math.PI) / 180;
      // A triangle turned clockwise by `angle` points along (sin, cos) with y up.
      const length = Math.hypot(e.x2 - e.x, e.y2 - e.y);
      expect(Math.sin(radians)).toBeCloseTo((e.x2 - e.x) / length, 9);
      expect(Math.cos(radians)).toBeCloseTo((e.y2 - e.y) / length, 9);
    }
  });

  it('is the same on every call', () => {
    expect(layoutOf('scenarios/condorcet-cycle.json', 3)).toEqual(layoutOf('scenarios/condorcet-cycle.json', 3));
  });
});

describe('scenario section', () => {
  it('draws the best-response graph with Vega-Lite marks', () => {
    const section = buildSection('scenarios/condorcet-cycle.json');
    expect(section.kind).toBe('scenario');
    expect(section.figures.map((f) => f.name)).toEqual(['best-response']);
    const spec = section.figures[0].spec as { layer: { mark: { type: string } }[]; datasets: { nodes: unknown[]; edges: unknown[] } };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['rule', 'point', 'point', 'text', 'text', 'text']);
    expect(spec.datasets.nodes).toHaveLength(6);
    expect(spec.datasets.edges).toHaveLength(6);
    expect(Object.fromEntries(section.facts)['pure equilibria']).toBe('0');
  });

  it('leaves out graphs over the drawing limit', () => {
    const { analysis, notes } = analyzeScenario(readScenarioFile('scenarios/two-niches.json'), { numPlatforms: MAX_DRAWN_CLASSES });
    expect(analysis!.bestResponse).toBeNull();
    expect(notes[0]).toMatch(/^best-response graph left out: 61 classes exceed the best-response graph limit of 60$/);
  });

  it('notes an analysis over the class limit', () => {
    const { analysis, notes } = analyzeScenario(readScenarioFile('scenarios/two-niches.json'), { maxClasses: 2 });
    expect(analysis).toBeNull();
    expect(notes[0]).toMatch(/^exact analysis left out: .*more than the limit of 2/);
  });
});
