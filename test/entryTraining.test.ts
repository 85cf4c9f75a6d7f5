import { describe, expect, it } from 'vitest';
import { runBestResponseDynamics } from '../src/entry/bestResponseDynamics.js';
import {
  averageRewardObjective,
  competingRewards,
  entrantRewards,
  smoothedShareObjective,
} from '../src/entry/entrantObjective.js';
import { enlargeMarket, switchPlatform } from '../src/entry/enlargeMarket.js';
import { downsampleCurve } from '../src/entry/runEntry.js';
import { annealedKappa, trainEntrant, type EntrantProblem, type TrainingSchedule } from '../src/entry/trainEntrant.js';
import { distinctRivals, startingPoints, trainScheme, type EntryContext, type SchemeOptions } from '../src/entry/trainScheme.js';
import { DEFAULT_ADAM } from '../src/entry/adam.js';
import { flattenParams, gaussian, mixture, toParams, unflattenParams, type MixtureParams } from '../src/generative/gaussianMixture.js';
import { createNormalBank } from '../src/generative/normalBank.js';
import type { RewardFunction } from '../src/generative/rewardFunction.js';
import { profilePayoffs } from '../src/game/profilePayoffs.js';
import { loadMarket } from '../src/market/loadScenario.js';
import { makeMarket } from './helpers.js';

const rewardFunctions: RewardFunction[] = [
  { kind: 'gaussianKernel', center: Float64Array.of(0, 0), width: 1 },
  { kind: 'linearSigmoid', direction: Float64Array.of(1.5, -0.5), offset: -1 },
  { kind: 'negativeSquaredDistance', center: Float64Array.of(2, 1), scale: 0.2 },
];
const weights = Float64Array.of(0.5, 0.3, 0.2);
const bank = createNormalBank({ samples: 1000, seed: 'entry-test' }, 2);
const problem: EntrantProblem = { weights, rewardFunctions, bank };
const entrant = toParams(
  mixture([
    { weight: 0.4, mean: [0.3, 0.2], sigma: 0.6 },
    { weight: 0.6, mean: [1.5, 0.5], sigma: 0.4 },
  ]),
);

function finiteDifferences(params: MixtureParams, value: (p: MixtureParams) => number, step = 1e-6): Float64Array {
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
    expect(Math.abs(a - expected[i]), `parameter ${i}: ${a} vs ${expected[i]}`).toBeLessThan(
      tolerance * (1 + Math.abs(expected[i])),
    );
  });
}

describe('entrant objectives', () => {
  const thresholds = Float64Array.of(0.4, 0.5, -1.2);

  it('average reward gradient matches finite differences', () => {
    const objective = (p: MixtureParams) => averageRewardObjective(p, entrantRewards(p, rewardFunctions, bank), weights);
    expectClose(objective(entrant).gradient, finiteDifferences(entrant, (p) => objective(p).value), 1e-5);
  });

  it('smoothed share gradient matches finite differences', () => {
    for (const kappa of [0.5, 0.05]) {
      const objective = (p: MixtureParams) =>
        smoothedShareObjective(p, entrantRewards(p, rewardFunctions, bank), weights, thresholds, kappa);
      expectClose(objective(entrant).gradient, finiteDifferences(entrant, (p) => objective(p).value), 1e-5);
    }
  });

  it('smoothed share under softmax equals engine share', () => {
    const market = makeMarket({
      weights: [0.5, 0.3, 0.2],
      rewards: [
        [0.8, 0.4, -1],
        [0.3, 0.7, -0.5],
      ],
      platforms: 3,
      choice: { rule: 'softmax', temperature: 0.3 },
    });
    const rewards = entrantRewards(entrant, rewardFunctions, bank);
    const smoothed = smoothedShareObjective(entrant, rewards, market.weights, competingRewards(market, [0, 1]), 0.3);
    const enlarged = enlargeMarket(market, { name: 'entrant', provider: 'entrant', rewards: rewards.values });
    const engine = profilePayoffs(enlarged, Int32Array.of(2, 0, 1)).shares[0];
    expect(smoothed.value).toBeCloseTo(engine, 12);
  });
});

describe('competing rewards', () => {
  const rewards = [
    [0.8, 0.1],
    [0.3, 0.7],
  ];

  it('hardmax adds the tie tolerance to the best rival', () => {
    const market = makeMarket({ weights: [1, 1], rewards, platforms: 3, choice: { rule: 'hardmax', tieTolerance: 0.05 } });
    const thresholds = competingRewards(market, [0, 1]);
    expect(thresholds[0]).toBeCloseTo(0.85, 12);
    expect(thresholds[1]).toBeCloseTo(0.75, 12);
  });

  it('outside option counts as a rival', () => {
    const market = makeMarket({ weights: [1, 1], rewards, platforms: 2, outside: [0.9, 0] });
    const thresholds = competingRewards(market, [1]);
    expect(thresholds[0]).toBe(0.9);
    expect(thresholds[1]).toBe(0.7);
  });

  it('no rivals gives minus infinity', () => {
    const market = makeMarket({ weights: [1, 1], rewards, platforms: 1 });
    expect(Array.from(competingRewards(market, []))).toEqual([-Infinity, -Infinity]);
  });
});

describe('training', () => {
  const schedule: TrainingSchedule = { steps: 60, adam: DEFAULT_ADAM, kappaStart: 0.1, kappaEnd: 0.001 };
  const target = { scheme: 'best-response', thresholds: Float64Array.of(0.4, 0.5, -1.2), temperature: null } as const;

  it('annealed kappa runs from start to end', () => {
    expect(annealedKappa(schedule, 0)).toBeCloseTo(0.1, 15);
    expect(annealedKappa(schedule, 59)).toBeCloseTo(0.001, 15);
    expect(annealedKappa(schedule, 30)).toBeLessThan(0.1);
    expect(annealedKappa(schedule, 30)).toBeGreaterThan(0.001);
  });

  it('same inputs give identical runs', () => {
    const first = trainEntrant(problem, target, entrant, schedule);
    const second = trainEntrant({ ...problem, bank: createNormalBank({ samples: 1000, seed: 'entry-test' }, 2) }, target, entrant, schedule);
    expect(second.curve).toEqual(first.curve);
    expect(flattenParams(second.params)).toEqual(flattenParams(first.params));
  });

  it('standard training raises the average reward', () => {
    const run = trainEntrant(problem, { scheme: 'standard' }, entrant, schedule);
    expect(run.curve.at(-1)!.averageReward).toBeGreaterThan(run.curve[0].averageReward);
  });

  it('keeps sigma within its bounds', () => {
    const start = toParams(gaussian([0, 0], 2e-3));
    const run = trainEntrant(problem, { scheme: 'standard' }, start, { ...schedule, steps: 300, adam: { ...DEFAULT_ADAM, learningRate: 0.5 } });
    expect(Math.exp(run.params.logSigmas[0])).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-12));
  });

  it('starting points depend on the seed', () => {
    const options = { restarts: 2, seed: 'a', restartSpread: 1, idealPointStarts: true } as SchemeOptions;
    const first = startingPoints(entrant, rewardFunctions, options);
    const again = startingPoints(entrant, rewardFunctions, options);
    const other = startingPoints(entrant, rewardFunctions, { ...options, seed: 'b' });
    // The initial point, the two reward functions with an ideal point, then two random starts.
    expect(first.length).toBe(5);
    expect(Array.from(first[1].means.subarray(0, 2))).toEqual([0, 0]);
    expect(Array.from(first[2].means.subarray(0, 2))).toEqual([2, 1]);
    expect(again.map(flattenParams)).toEqual(first.map(flattenParams));
    expect(Array.from(other[4].means)).not.toEqual(Array.from(first[4].means));
  });

  it('scheme training is reproducible and scores exactly', () => {
    const market = makeMarket({
      weights: [0.5, 0.3, 0.2],
      rewards: [
        [0.9, 0.3, -1],
        [0.2, 0.8, -2],
      ],
      platforms: 2,
      choice: { rule: 'hardmax', tieTolerance: 0 },
    });
    const context: EntryContext = {
      market,
      profile: Int32Array.of(0, 1),
      problem,
      entrantName: 'entrant',
      entrantProvider: 'entrant',
    };
    const options: SchemeOptions = { schedule, restarts: 2, seed: 's', restartSpread: 1, idealPointStarts: true };
    const first = trainScheme(context, 'best-response', entrant, options);
    const second = trainScheme(context, 'best-response', entrant, options);
    expect(flattenParams(second.params)).toEqual(flattenParams(first.params));
    expect(second.curve).toEqual(first.curve);

    const platform = market.platformNames.indexOf(first.platform!);
    const rewards = entrantRewards(first.params, rewardFunctions, bank).values;
    const enlarged = enlargeMarket(market, { name: 'entrant', provider: 'entrant', rewards });
    const share = profilePayoffs(enlarged, switchPlatform(context.profile, platform, 2)).shares[platform];
    expect(first.score).toBe(share);
  });

  it('distinct rivals skip repeated multisets', () => {
    const targets = distinctRivals(Int32Array.of(0, 0, 1));
    expect(targets.map((t) => t.platform)).toEqual([0, 2]);
    expect(targets[0].others).toEqual([0, 1]);
    expect(targets[1].others).toEqual([0, 0]);
  });

  it('downsampled curve keeps both ends', () => {
    const curve = Array.from({ length: 101 }, (_, i) => i);
    const points = downsampleCurve(curve, 5);
    expect(points).toEqual([0, 25, 50, 75, 100]);
    expect(downsampleCurve(curve.slice(0, 3), 5)).toEqual([0, 1, 2]);
  });
});

describe('best-response dynamics', () => {
  it('reaches an equilibrium', () => {
    const market = makeMarket({ weights: [0.6, 0.4], rewards: [[1, 0], [0, 1]], platforms: 3 });
    const result = runBestResponseDynamics(market, Int32Array.of(1, 1, 1));
    expect(result.converged).toBe(true);
    expect(Array.from(result.profile).sort()).toEqual([0, 0, 1]);
  });

  it('reports a cycle without equilibrium', () => {
    const market = loadMarket('scenarios/condorcet-cycle.json');
    const result = runBestResponseDynamics(market, Int32Array.of(0, 1));
    expect(result.converged).toBe(false);
  });
});
