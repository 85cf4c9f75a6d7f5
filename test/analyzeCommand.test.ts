import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

function analyzeJson(args: string[]) {
  const result = runCli(['analyze', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe('analyze --json', () => {
  it('reports the differentiated two-niche equilibrium with four platforms', () => {
    const a = analyzeJson(['scenarios/two-niches.json']);
    expect(a.equilibria).toHaveLength(1);
    const [e] = a.equilibria;
    expect(e.profile).toEqual(['m1', 'm1', 'm1', 'm2']);
    expect(e.permutations).toBe(4);
    expect(e.distinctModels).toBe(2);
    expect(e.homogeneous).toBe(false);
    // Coding users (35.08 of 48.92) split over three m1 platforms; math users go to m2.
    const coding = 35.08 / 48.92;
    expect(e.shares[0]).toBeCloseTo(coding / 3, 12);
    expect(e.shares[3]).toBeCloseTo(1 - coding, 12);
    expect(e.welfare).toBeCloseTo(coding * 1 + (1 - coding) * 0.9, 12);
  });

  it('reports homogeneity with three platforms', () => {
    const a = analyzeJson(['scenarios/two-niches.json', '--platforms', '3']);
    expect(a.equilibria.map((e: { profile: string[] }) => e.profile)).toEqual([['m1', 'm1', 'm1']]);
    expect(a.homogeneousCondition[0]).toMatchObject({ model: 'm1', holds: true, strongestRival: 'm2' });
  });

  it('reports the Condorcet game as a closed best-response cycle', () => {
    const a = analyzeJson(['scenarios/condorcet-cycle.json']);
    expect(a.equilibria).toEqual([]);
    expect(a.priceOfAnarchy).toBeNull();
    expect(a.pairwiseAdvantage.matrix[0][1]).toBeCloseTo(2 / 3, 12);
    expect(a.pairwiseAdvantage.matrix[0][2]).toBeCloseTo(1 / 3, 12);
    expect(a.bestResponse.sinks).toEqual([
      { kind: 'cycle', profiles: [['a', 'b'], ['a', 'c'], ['b', 'c']] },
    ]);
  });

  it('shows the best average model left out', () => {
    const a = analyzeJson(['scenarios/majority-beats-average.json']);
    expect(a.bestAverageModel).toEqual({ model: 'specialist', averageReward: 4, deployedInSomeEquilibrium: false });
    expect(a.optimum.profile).toEqual(['specialist', 'generalist']);
    expect(a.optimum.welfare).toBeCloseTo(4.6, 12);
    expect(a.priceOfAnarchy).toBeCloseTo(4.6, 12);
  });

  it('rejects an enumeration over the class limit up front', () => {
    const result = runCli(['analyze', 'scenarios/two-niches.json', '--platforms', '30', '--max-classes', '10']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/visits 31 permutation classes, more than the limit of 10: use fewer models or fewer platforms/);
  });

  it('prints a readable table', () => {
    const result = runCli(['analyze', 'scenarios/two-niches.json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Pure Nash equilibria: 1 class \(0 homogeneous, 1 differentiated\)/);
    expect(result.stdout).toMatch(/m1 ×3, m2/);
  });
});

describe('export-nfg', () => {
  it('writes payoffs with the first platform changing fastest', () => {
    const result = runCli(['export-nfg', 'scenarios/majority-beats-average.json']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('NFG 1 R "majority-beats-average" { "P1" "P2" }');
    expect(lines[1]).toBe('{ { "specialist" "generalist" } { "specialist" "generalist" } }');
    // Profiles: (s,s) (g,s) (s,g) (g,g).
    expect(lines.slice(-4)).toEqual(['0.5 0.5', '0.6 0.4', '0.4 0.6', '0.5 0.5']);
  });
});
