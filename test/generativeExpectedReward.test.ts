import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flattenParams,
  fromParams,
  gaussian,
  mixture,
  toParams,
  unflattenParams,
  type MixtureParams,
} from '../src/generative/gaussianMixture.js';
import { expectedReward, expectedRewardGradient } from '../src/generative/expectedReward.js';
import { monteCarloExpectedReward, monteCarloExpectedRewardGradient } from '../src/generative/monteCarlo.js';
import { createNormalBank, type NormalBank } from '../src/generative/normalBank.js';
import type { RewardFunction } from '../src/generative/rewardFunction.js';

const kernel = (center: number[], width: number): RewardFunction => ({
  kind: 'gaussianKernel',
  center: Float64Array.from(center),
  width,
});
const quadratic = (center: number[], scale: number): RewardFunction => ({
  kind: 'negativeSquaredDistance',
  center: Float64Array.from(center),
  scale,
});
const sigmoid = (direction: number[], offset: number): RewardFunction => ({
  kind: 'linearSigmoid',
  direction: Float64Array.from(direction),
  offset,
});

const twoComponents = mixture([
  { weight: 0.3, mean: [0.5, -0.2], sigma: 0.4 },
  { weight: 0.7, mean: [-1, 0.8], sigma: 0.9 },
]);

/** Central finite differences of S in every unconstrained parameter. */
function finiteDifferences(
  params: MixtureParams,
  value: (p: MixtureParams) => number,
  step = 1e-5,
): Float64Array {
  const flat = flattenParams(params);
  const components = params.logSigmas.length;
  return flat.map((_, index) => {
    const plus = Float64Array.from(flat);
    const minus = Float64Array.from(flat);
    plus[index] += step;
    minus[index] -= step;
    const up = value(unflattenParams(plus, params.dimension, components));
    const down = value(unflattenParams(minus, params.dimension, components));
    return (up - down) / (2 * step);
  });
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]), `component ${i}: ${a} vs ${expected[i]}`).toBeLessThan(
      tolerance * (1 + Math.abs(expected[i])),
    );
  });
}

describe('closed form', () => {
  it('kernel at the centre matches the formula', () => {
    const value = expectedReward(gaussian([1, 2, 3], 0.5), kernel([1, 2, 3], 1), createNormalBank({ samples: 2, seed: 'x' }, 3));
    expect(value.value).toBeCloseTo(Math.pow(1 / 1.25, 1.5), 12);
    expect(value.stdError).toBe(0);
  });

  it('negative squared distance adds the variance', () => {
    const bank = createNormalBank({ samples: 2, seed: 'x' }, 2);
    const value = expectedReward(gaussian([1, 1], 0.5), quadratic([0, 0], 2), bank);
    expect(value.value).toBeCloseTo(-2 * (2 + 2 * 0.25), 12);
  });

  const cases: [string, ReturnType<typeof gaussian>, RewardFunction][] = [
    ['kernel, Gaussian', gaussian([0.3, -0.4], 0.7), kernel([1, 0], 0.6)],
    ['kernel, mixture', twoComponents, kernel([0, 0.5], 0.8)],
    ['quadratic, Gaussian', gaussian([0.3, -0.4], 0.7), quadratic([1, 0], 1.5)],
    ['quadratic, mixture', twoComponents, quadratic([0.2, 0.1], 0.5)],
  ];
  for (const [label, model, reward] of cases) {
    it(`agrees with Monte Carlo (${label})`, () => {
      const exact = expectedReward(model, reward, createNormalBank({ samples: 2, seed: 'x' }, 2)).value;
      for (const seed of ['a', 'b', 'c']) {
        const bank = createNormalBank({ samples: 20_000, seed }, 2);
        const estimate = monteCarloExpectedReward(model, reward, bank);
        expect(estimate.stdError).toBeGreaterThan(0);
        expect(Math.abs(estimate.value - exact)).toBeLessThan(4 * estimate.stdError);
      }
    });
  }
});

describe('gradients', () => {
  const bank = createNormalBank({ samples: 2000, seed: 'gradients' }, 2);
  const cases: [string, MixtureParams, RewardFunction][] = [
    ['kernel, Gaussian', toParams(gaussian([0.3, -0.4], 0.7)), kernel([1, 0], 0.6)],
    ['kernel, mixture', toParams(twoComponents), kernel([0, 0.5], 0.8)],
    ['quadratic, mixture', toParams(twoComponents), quadratic([0.2, 0.1], 0.5)],
    ['sigmoid, mixture', toParams(twoComponents), sigmoid([1.5, -0.5], 0.2)],
  ];

  for (const [label, params, reward] of cases) {
    it(`match finite differences (${label})`, () => {
      const analytic = expectedRewardGradient(params, reward, bank);
      const numeric = finiteDifferences(params, (p) => expectedReward(fromParams(p), reward, bank).value);
      expectClose(flattenParams(analytic.gradient), numeric, 1e-6);
      expect(analytic.value).toBeCloseTo(expectedReward(fromParams(params), reward, bank).value, 12);
    });

    it(`by Monte Carlo match finite differences (${label})`, () => {
      const estimate = monteCarloExpectedRewardGradient(params, reward, bank);
      const numeric = finiteDifferences(params, (p) => monteCarloExpectedReward(fromParams(p), reward, bank).value);
      expectClose(flattenParams(estimate.gradient), numeric, 1e-6);
    });
  }

  it('closed form matches finite differences for random parameters', () => {
    const coordinate = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(coordinate, { minLength: 3, maxLength: 3 }),
        fc.array(coordinate, { minLength: 3, maxLength: 3 }),
        fc.double({ min: -1.5, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        (mean, center, logSigma, width) => {
          const params = toParams(gaussian(mean, Math.exp(logSigma)));
          const reward = kernel(center, width);
          const unusedBank = createNormalBank({ samples: 2, seed: 'x' }, 3);
          const analytic = expectedRewardGradient(params, reward, unusedBank);
          const numeric = finiteDifferences(params, (p) => expectedReward(fromParams(p), reward, unusedBank).value);
          expectClose(flattenParams(analytic.gradient), numeric, 1e-6);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('seeding', () => {
  const estimate = (bank: NormalBank) => monteCarloExpectedReward(twoComponents, sigmoid([1, 1], 0), bank);

  it('same seed gives identical numbers', () => {
    const first = estimate(createNormalBank({ samples: 500, seed: 's1' }, 2));
    const second = estimate(createNormalBank({ samples: 500, seed: 's1' }, 2));
    expect(second.value).toBe(first.value);
    expect(second.stdError).toBe(first.stdError);
  });

  it('different seeds give different draws', () => {
    const first = estimate(createNormalBank({ samples: 500, seed: 's1' }, 2));
    const second = estimate(createNormalBank({ samples: 500, seed: 's2' }, 2));
    expect(second.value).not.toBe(first.value);
  });

  it('draws have mean near 0 and variance near 1', () => {
    const bank = createNormalBank({ samples: 50_000, seed: 'moments' }, 1);
    let sum = 0;
    let sumSquares = 0;
    for (const v of bank.values) {
      sum += v;
      sumSquares += v * v;
    }
    expect(Math.abs(sum / 50_000)).toBeLessThan(0.02);
    expect(Math.abs(sumSquares / 50_000 - 1)).toBeLessThan(0.03);
  });
});
