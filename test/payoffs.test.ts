import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hardmaxProbabilities, softmaxProbabilities } from '../src/choice/choiceProbabilities.js';
import { DeviationEvaluator } from '../src/game/bestResponse.js';
import { herfindahl, modelEntropy } from '../src/game/diversity.js';
import { profilePayoffs, writeShares } from '../src/game/profilePayoffs.js';
import { makeMarket } from './helpers.js';

describe('choice rules', () => {
  it('hardmax splits ties evenly', () => {
    const out = new Float64Array(3);
    hardmaxProbabilities([2, 5, 5], 3, 0, out);
    expect(Array.from(out)).toEqual([0, 0.5, 0.5]);
  });

  it('hardmax tie tolerance widens the tie', () => {
    const out = new Float64Array(3);
    hardmaxProbabilities([4.95, 5, 3], 3, 0.1, out);
    expect(Array.from(out)).toEqual([0.5, 0.5, 0]);
  });

  it('softmax stays finite at Elo-scale rewards', () => {
    const out = new Float64Array(2);
    softmaxProbabilities([1500, 1400], 2, 0.01, out);
    expect(Array.from(out)).toEqual([1, 0]);
    softmaxProbabilities([1500, 1400], 2, 400 / Math.LN10, out);
    // Bradley–Terry: 1 / (1 + 10^(−100/400)).
    expect(out[0]).toBeCloseTo(1 / (1 + 10 ** (-100 / 400)), 12);
  });
});

const profileCase = fc
  .record({
    numModels: fc.integer({ min: 1, max: 5 }),
    numTypes: fc.integer({ min: 1, max: 5 }),
    platforms: fc.integer({ min: 1, max: 5 }),
    softmax: fc.boolean(),
    outside: fc.boolean(),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: c.numTypes, maxLength: c.numTypes }),
      rewards: fc.array(fc.array(fc.double({ min: 1000, max: 2000, noNaN: true }), { minLength: c.numTypes, maxLength: c.numTypes }), {
        minLength: c.numModels,
        maxLength: c.numModels,
      }),
      outsideRewards: fc.array(fc.double({ min: 1000, max: 2000, noNaN: true }), { minLength: c.numTypes, maxLength: c.numTypes }),
      profile: fc.array(fc.nat({ max: c.numModels - 1 }), { minLength: c.platforms, maxLength: c.platforms }),
    }),
  );

describe('profile payoffs', () => {
  it('shares sum to at most one', () => {
    fc.assert(
      fc.property(profileCase, ({ c, weights, rewards, outsideRewards, profile }) => {
        const market = makeMarket({
          weights,
          rewards,
          platforms: c.platforms,
          choice: c.softmax ? { rule: 'softmax', temperature: 50 } : undefined,
          outside: c.outside ? outsideRewards : undefined,
        });
        const payoffs = profilePayoffs(market, profile);
        const served = payoffs.shares.reduce((s, x) => s + x, 0);
        if (c.outside) {
          expect(served).toBeLessThanOrEqual(1 + 1e-12);
          expect(served + payoffs.outsideShare).toBeCloseTo(1, 12);
        } else {
          expect(served).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('deviation kernel matches direct share computation', () => {
    fc.assert(
      fc.property(profileCase, ({ c, weights, rewards, outsideRewards, profile }) => {
        const market = makeMarket({
          weights,
          rewards,
          platforms: c.platforms,
          choice: c.softmax ? { rule: 'softmax', temperature: 0.5 } : undefined,
          outside: c.outside ? outsideRewards : undefined,
        });
        const evaluator = new DeviationEvaluator(market);
        const shares = new Float64Array(c.platforms);
        for (let i = 0; i < c.platforms; i++) {
          evaluator.evaluate(profile, i);
          for (let k = 0; k < c.numModels; k++) {
            const trial = profile.slice();
            trial[i] = k;
            writeShares(market, trial, shares);
            expect(evaluator.payoffs[k]).toBeCloseTo(shares[i], 10);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('welfare under hardmax is the weighted best reward', () => {
    const market = makeMarket({ weights: [3, 1], rewards: [[1, 0.2], [0.3, 0.9]], platforms: 2 });
    expect(profilePayoffs(market, [0, 1]).welfare).toBeCloseTo(0.75 * 1 + 0.25 * 0.9, 12);
    expect(profilePayoffs(market, [0, 0]).welfare).toBeCloseTo(0.75 * 1 + 0.25 * 0.2, 12);
  });

  it('outside option takes the users it serves best', () => {
    const market = makeMarket({ weights: [1, 1], rewards: [[1, 0]], platforms: 1, outside: [0.5, 0.5] });
    const payoffs = profilePayoffs(market, [0]);
    expect(payoffs.shares[0]).toBeCloseTo(0.5, 12);
    expect(payoffs.outsideShare).toBeCloseTo(0.5, 12);
    expect(payoffs.welfare).toBeCloseTo(0.75, 12);
  });

  it('logit consumer surplus is τ·log Σ exp(S/τ)', () => {
    const tau = 2;
    const market = makeMarket({ weights: [1], rewards: [[1], [3]], platforms: 2, choice: { rule: 'softmax', temperature: tau } });
    expect(profilePayoffs(market, [0, 1]).consumerSurplus).toBeCloseTo(tau * Math.log(Math.exp(1 / tau) + Math.exp(3 / tau)), 12);
  });
});

describe('diversity', () => {
  it('herfindahl and entropy of a split market', () => {
    expect(herfindahl([0.5, 0.5])).toBeCloseTo(0.5, 12);
    expect(modelEntropy([0, 0], [0.5, 0.5])).toBe(0);
    expect(modelEntropy([0, 1], [0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
  });
});
