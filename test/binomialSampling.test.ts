import { describe, expect, it } from 'vitest';
import { mean, variance } from 'simple-statistics';
import { sampleBinomial, sampleMultinomial } from '../src/random/binomial.js';
import { createRng } from '../src/random/rng.js';

function draws(n: number, p: number, count: number, seed = 'binomial'): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => sampleBinomial(rng, n, p));
}

/** Returns the Binomial(n, p) probability mass function. */
function binomialPmf(n: number, p: number): number[] {
  const pmf = [Math.pow(1 - p, n)];
  for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
  return pmf;
}

describe('sampleBinomial', () => {
  it.each([
    [20, 0.1],
    [1_000, 0.003],
    [1_000, 0.3],
    [1_000_000, 0.02],
    [1_000_000, 0.7],
    [50, 0.95],
  ])('matches mean and variance for n=%d, p=%f', (n, p) => {
    const sample = draws(n, p, 40_000);
    const expectedMean = n * p;
    const expectedVariance = n * p * (1 - p);
    // Five standard errors of the sample mean and of the sample variance.
    expect(Math.abs(mean(sample) - expectedMean)).toBeLessThan(5 * Math.sqrt(expectedVariance / sample.length));
    expect(Math.abs(variance(sample) / expectedVariance - 1)).toBeLessThan(5 * Math.sqrt(2 / sample.length) + 0.01);
    expect(sample.every(Number.isInteger)).toBe(true);
    expect(Math.min(...sample)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...sample)).toBeLessThanOrEqual(n);
  });

  it.each([
    [12, 0.3],
    [40, 0.45],
  ])('passes a chi-square test for n=%d, p=%f', (n, p) => {
    const count = 60_000;
    const observed = new Array<number>(n + 1).fill(0);
    for (const x of draws(n, p, count, `chi-${n}`)) observed[x]++;
    const pmf = binomialPmf(n, p);
    let chi = 0;
    let cells = 0;
    for (let k = 0; k <= n; k++) {
      const expected = pmf[k] * count;
      if (expected < 5) continue;
      chi += (observed[k] - expected) ** 2 / expected;
      cells++;
    }
    // The 0.999 quantile of chi-square with d degrees of freedom is below d + 4.5·sqrt(2d) for d ≤ 40.
    expect(chi).toBeLessThan(cells - 1 + 4.5 * Math.sqrt(2 * (cells - 1)));
  });

  it('handles the edge cases exactly', () => {
    const rng = createRng('edges');
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    expect(sampleBinomial(rng, 100, 0)).toBe(0);
    expect(sampleBinomial(rng, 100, 1)).toBe(100);
  });
});

describe('sampleMultinomial', () => {
  it('returns counts that sum to n', () => {
    const rng = createRng('multinomial');
    const out = new Float64Array(4);
    for (let r = 0; r < 1000; r++) {
      sampleMultinomial(rng, 1_000_000, [0.1, 0.2, 0.3, 0.4], 4, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(1_000_000);
    }
  });

  it('gives nothing to zero-probability categories', () => {
    const rng = createRng('zeros');
    const out = new Float64Array(4);
    for (let r = 0; r < 100; r++) {
      sampleMultinomial(rng, 500, [0.5, 0, 0.5, 0], 4, out);
      expect(out[1]).toBe(0);
      expect(out[3]).toBe(0);
      expect(out[0] + out[2]).toBe(500);
    }
  });

  it('matches the expected counts on average', () => {
    const rng = createRng('means');
    const out = new Float64Array(3);
    const sums = [0, 0, 0];
    const rounds = 5_000;
    for (let r = 0; r < rounds; r++) {
      sampleMultinomial(rng, 1_000, [0.2, 0.5, 0.3], 3, out);
      for (let i = 0; i < 3; i++) sums[i] += out[i];
    }
    expect(sums[0] / rounds).toBeCloseTo(200, 0);
    expect(sums[1] / rounds).toBeCloseTo(500, 0);
    expect(sums[2] / rounds).toBeCloseTo(300, 0);
  });
});
