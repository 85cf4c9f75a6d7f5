import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeMarket } from '../src/analysis/analyzeMarket.js';
import type { AnalyzeResult } from '../src/sweep/analyzeTask.js';
import { loadSweep, parseSweep, resolveSweep } from '../src/sweep/loadSweep.js';
import { pointMarket, runPoint } from '../src/sweep/runPoint.js';
import { csvCell } from '../src/sweep/csvFormat.js';

const scenarios = new URL('../scenarios/', import.meta.url).pathname;

/** Validates and resolves a sweep whose scenario path is relative to scenarios/. */
function resolveInline(data: Record<string, unknown>) {
  return resolveSweep(parseSweep(data, 'test sweep'), scenarios, 'inline');
}

const settings = { tolerance: 1e-12, maxClasses: 50_000_000 };

describe('sweep file validation', () => {
  const cases: { name: string; data: Record<string, unknown>; message: RegExp }[] = [
    { name: 'missing scenario', data: { grid: { platforms: [2] } }, message: /scenario: must be the path of a scenario file/ },
    { name: 'zero platforms', data: { scenario: 'two-niches.json', grid: { platforms: [2, 0] } }, message: /grid\.platforms\[1\]: must be at least 1 platform/ },
    { name: 'negative temperature', data: { scenario: 'two-niches.json', grid: { temperature: [-1] } }, message: /grid\.temperature\[0\]: must be positive/ },
    { name: 'misspelled axis', data: { scenario: 'two-niches.json', grid: { temperatures: [1] } }, message: /grid: .*"temperatures"/ },
    { name: 'empty axis', data: { scenario: 'two-niches.json', grid: { platforms: [] } }, message: /grid\.platforms: needs at least one value/ },
    { name: 'bad top pool', data: { scenario: 'two-niches.json', points: [{ pool: 'top:x' }] }, message: /points\[0\]\.pool: must be "top:N" with N a positive whole number/ },
    { name: 'numeric pool', data: { scenario: 'two-niches.json', points: [{ pool: 3 }] }, message: /points\[0\]\.pool: must be a list of model names or "top:N"/ },
    { name: 'bad choice', data: { scenario: 'two-niches.json', points: [{ choice: 'argmax' }] }, message: /points\[0\]\.choice: must be "hardmax", "softmax"/ },
    { name: 'fractional seed', data: { scenario: 'two-niches.json', grid: { seed: [1.5] } }, message: /grid\.seed\[0\]: must be a whole number/ },
    { name: 'unknown task', data: { scenario: 'two-niches.json', task: 'plot', grid: { platforms: [2] } }, message: /task: must be one of "analyze", "simulate"/ },
    { name: 'no points', data: { scenario: 'two-niches.json', grid: {} }, message: /has no points/ },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      expect(() => parseSweep(c.data, 'test sweep')).toThrow(c.message);
    });
  }

  it('names the file in the message', () => {
    expect(() => parseSweep({}, 'bad.json')).toThrow(/^bad\.json is not a valid sweep file:/);
  });

  it('rejects an unknown model in a pool', () => {
    const data = { scenario: 'two-niches.json', grid: { pool: [['m1'], ['m1', 'gpt']] } };
    expect(() => resolveInline(data)).toThrow(/grid\.pool\[1\]: "gpt" is not a model of scenario two-niches/);
  });

  it('rejects top:N beyond the pool', () => {
    const data = { scenario: 'two-niches.json', points: [{ pool: 'top:3' }] };
    expect(() => resolveInline(data)).toThrow(/points\[0\]\.pool: top:3 needs a whole number from 1 to 2/);
  });

  it('rejects softmax without a temperature', () => {
    const data = { scenario: 'two-niches.json', points: [{ choice: 'softmax' }] };
    expect(() => resolveInline(data)).toThrow(/points\[0\]\.choice: "softmax" needs a temperature/);
  });


  it('rejects a missing scenario file', () => {
    const data = { scenario: 'no-such-scenario.json', grid: { platforms: [2] } };
    expect(() => resolveInline(data)).toThrow(/scenario: scenario file .*no-such-scenario\.json not found/);
  });

  it('rejects a missing sweep file', () => {
    expect(() => loadSweep(join(scenarios, 'no-such-sweep.json'))).toThrow(/sweep file .*no-such-sweep\.json not found: check the path/);
  });

  it('rejects a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genmarket-sweep-'));
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "scenario": ');
    expect(() => loadSweep(path)).toThrow(/broken\.json is not valid JSON/);
  });
});

describe('sweep points', () => {
  it('expands the grid with the first axis slowest', () => {
    const { points } = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2, 3], temperature: [0.1, 0.5] } });
    const summary = points.map((p) => [p.index, p.params.platforms, p.params.choice]);
    expect(summary).toEqual([
      [0, 2, { rule: 'softmax', temperature: 0.1 }],
      [1, 2, { rule: 'softmax', temperature: 0.5 }],
      [2, 3, { rule: 'softmax', temperature: 0.1 }],
      [3, 3, { rule: 'softmax', temperature: 0.5 }],
    ]);
  });

  it('collapses hardmax across temperatures', () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { choice: ['hardmax', 'softmax'], temperature: [0.1, 0.5] } });
    expect(loaded.points.map((p) => p.params.choice)).toEqual([
      { rule: 'hardmax', tieTolerance: 0 },
      { rule: 'softmax', temperature: 0.1 },
      { rule: 'softmax', temperature: 0.5 },
    ]);
    expect(loaded.duplicates).toBe(0);
  });

  it('counts repeated explicit points', () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2, 3] }, points: [{ platforms: 3 }, { platforms: 4 }] });
    expect(loaded.points.map((p) => p.params.platforms)).toEqual([2, 3, 4]);
    expect(loaded.duplicates).toBe(1);
  });

  it('resolves pools in scenario order', () => {
    const { points } = resolveInline({
      scenario: 'pool-expansion.json',
      grid: { pool: [['generalist', 'coder'], 'top:2'] },
    });
    expect(points.map((p) => p.params.pool)).toEqual([
      ['coder', 'generalist'],
      ['generalist', 'coder-v2'],
    ]);
    expect(points[1].params.poolSpec).toBe('top:2');
  });

  it('derives stable seeds and keeps given ones', () => {
    const data = { scenario: 'two-niches.json', seed: 7, grid: { platforms: [2, 3] }, points: [{ platforms: 2, seed: 99 }] };
    const first = resolveInline(data).points;
    const again = resolveInline(data).points;
    expect(first.map((p) => p.params.seed)).toEqual(again.map((p) => p.params.seed));
    expect(first[0].params.seed).not.toBe(first[1].params.seed);
    expect(first[2].params.seed).toBe(99);

    const otherBase = resolveInline({ ...data, seed: 8 }).points;
    expect(otherBase[0].params.seed).not.toBe(first[0].params.seed);
  });

  it('merges simulation options over the defaults', () => {
    const { points } = resolveInline({
      scenario: 'two-niches.json',
      simulation: { rounds: 100, noise: 0.1 },
      points: [{ simulation: { rounds: 500 } }, {}],
    });
    expect(points[0].params.simulation).toEqual({ rounds: 500, noise: 0.1 });
    expect(points[1].params.simulation).toEqual({ rounds: 100, noise: 0.1 });
  });
});

describe('runPoint analyze task', () => {
  it('matches analyzeMarket on each point', async () => {
    const loaded = resolveInline({
      scenario: 'pool-expansion.json',
      grid: { platforms: [2, 3, 4], pool: [['coder', 'mathematician'], 'top:4'], choice: ['hardmax', { rule: 'softmax', temperature: 1 }] },
    });
    for (const point of loaded.points) {
      const record = await runPoint(loaded.market, point, settings);
      const result = record.result as AnalyzeResult;
      const analysis = analyzeMarket(pointMarket(loaded.market, point.params));
      const welfares = analysis.equilibria.map((e) => e.welfare);
      expect(record.status).toBe('ok');
      expect(result.equilibria).toBe(analysis.equilibria.length);
      expect(result.homogeneous).toBe(analysis.homogeneousEquilibria);
      expect(result.differentiated).toBe(analysis.differentiatedEquilibria);
      expect(result.bestWelfare).toBe(welfares.length ? Math.max(...welfares) : null);
      expect(result.worstWelfare).toBe(welfares.length ? Math.min(...welfares) : null);
      expect(result.optimumWelfare).toBe(analysis.optimum.welfare);
      expect(result.priceOfAnarchy).toBe(analysis.priceOfAnarchy);
      expect(result.priceOfStability).toBe(analysis.priceOfStability);
    }
  });

  it('records an oversized point as an error', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', analysis: { maxClasses: 5 }, grid: { platforms: [2, 9] } });
    const [small, large] = await Promise.all(loaded.points.map((p) => runPoint(loaded.market, p, loaded.sweep.analysis)));
    expect(small.status).toBe('ok');
    expect(large.status).toBe('error');
    expect(large.result).toBeNull();
    expect(large.error).toMatch(/10 permutation classes, more than the limit of 5/);
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });
});
