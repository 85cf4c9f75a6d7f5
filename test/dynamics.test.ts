import { describe, expect, it } from 'vitest';
import { DynamicsEngine } from '../src/dynamics/engine.js';
import { UserSampler } from '../src/dynamics/userSampling.js';
import { choiceProbabilities } from '../src/choice/choiceProbabilities.js';
import { isNash } from '../src/game/bestResponse.js';
import { loadMarket } from '../src/market/loadScenario.js';
import type { Market } from '../src/market/market.js';
import { createRng, type Rng } from '../src/random/rng.js';
import { makeMarket } from './helpers.js';
import { dynamicsOptions, playRun, runRecords } from './simulationHelpers.js';

const condorcet = loadMarket('scenarios/condorcet-cycle.json');

/** Model m0 is best for every type, so (m0, m0) is the unique pure equilibrium. */
const dominant = makeMarket({
  weights: [1, 2, 3],
  rewards: [
    [5, 5, 5],
    [4, 1, 3],
    [1, 4, 2],
  ],
  platforms: 2,
});

/**
 * Two niches of weights 3 and 2, each served only by its own model (the
 * outside option beats the other one). Sharing the larger niche pays 3/10,
 * less than the smaller niche alone (2/5), so (m0, m1) up to order is the
 * unique pure equilibrium.
 */
const niches = makeMarket({
  weights: [3, 2],
  rewards: [
    [3, 0],
    [0, 3],
  ],
  outside: [1, 1],
  platforms: 2,
});

/** The Condorcet market with rating noise of σ = 0.8 on every reward. */
const noisyCondorcet = { ...condorcet, rewardStdDevs: new Float64Array(9).fill(0.8) };

function allProfiles(models: number, platforms: number): number[][] {
  if (platforms === 0) return [[]];
  return allProfiles(models, platforms - 1).flatMap((p) => Array.from({ length: models }, (_, j) => [...p, j]));
}

describe('best-response dynamics', () => {
  it('reports the Condorcet game as a cycle', async () => {
    const { summary } = await playRun(condorcet);
    expect(summary.outcome).toBe('cycle');
    expect(summary.stopReason).toBe('cycle');
    expect(summary.cycle?.period).toBe(6);
    expect(summary.cycle?.profiles).toHaveLength(6);
    expect(summary.cycle?.truncated).toBe(false);
    expect(summary.convergence).toBeUndefined();
    for (const profile of summary.cycle!.profiles) {
      const indices = profile.map((name) => condorcet.modelNames.indexOf(name));
      expect(isNash(condorcet, indices)).toBe(false);
    }
  });

  it('finds the Condorcet cycle from every start', async () => {
    for (const start of allProfiles(3, 2)) {
      const { summary } = await playRun(condorcet, { start });
      expect(summary.outcome).toBe('cycle');
      expect(summary.cycle?.period).toBe(6);
    }
  });

  it('finds the Condorcet cycle under simultaneous revision', async () => {
    const { summary } = await playRun(condorcet, { schedule: 'simultaneous', start: [0, 1] });
    expect(summary.outcome).toBe('cycle');
    expect(summary.deterministic).toBe(true);
  });

  it.each([
    ['dominant model', dominant, [[0, 0]]],
    ['two niches', niches, [[0, 1], [1, 0]]],
  ])('converges to the unique equilibrium of %s from every start', async (_name, market, equilibria) => {
    for (const start of allProfiles(market.numModels, market.numPlatforms)) {
      const { summary } = await playRun(market, { start });
      expect(summary.outcome).toBe('converged');
      expect(summary.stopReason).toBe('converged');
      expect(equilibria).toContainEqual(summary.finalProfileIndices);
      expect(isNash(market, summary.finalProfileIndices)).toBe(true);
    }
  });

  it('converges within one pass when it starts at the equilibrium', async () => {
    const { summary } = await playRun(dominant, { start: [0, 0] });
    expect(summary.rounds).toBe(2);
    expect(summary.convergence?.round).toBe(2);
  });

  it('stops at --rounds when nothing is decided', async () => {
    const { summary } = await playRun(condorcet, {}, { maxRounds: 5 });
    expect(summary.outcome).toBe('undecided');
    expect(summary.stopReason).toBe('max-rounds');
    expect(summary.rounds).toBe(5);
  });

  it('keeps playing after the outcome without stopping', async () => {
    const { summary } = await playRun(condorcet, {}, { maxRounds: 100, stopAtOutcome: false });
    expect(summary.rounds).toBe(100);
    expect(summary.outcome).toBe('cycle');
    expect(summary.cycle?.round).toBe(13);
  });
});

describe('stochastic dynamics', () => {
  const noisy = [
    { schedule: 'random' as const },
    { schedule: 'inertia' as const, inertia: 0.3 },
    { response: 'better' as const },
    { response: 'epsilon-greedy' as const, epsilon: 0.2 },
    { response: 'logit' as const, responseTemperature: 0.05 },
    { users: 1000, estimates: 'sample' as const },
    { users: 50, perUser: true, estimates: 'sample' as const },
    { estimates: 'learned' as const, users: 10_000 },
    { ratingNoise: true },
  ];

  it.each(noisy)('is reproducible by seed with %o', async (overrides) => {
    const first = await playRun(noisyCondorcet, { ...overrides, seed: 'same' }, { maxRounds: 300 });
    const second = await playRun(noisyCondorcet, { ...overrides, seed: 'same' }, { maxRounds: 300 });
    expect(first.summary.deterministic).toBe(false);
    expect(second.records).toEqual(first.records);
    expect(second.summary).toEqual(first.summary);
  });

  it('differs between seeds', async () => {
    const a = await playRun(condorcet, { schedule: 'random', seed: 'a' }, { maxRounds: 300 });
    const b = await playRun(condorcet, { schedule: 'random', seed: 'b' }, { maxRounds: 300 });
    expect(runRecords(b.records)).not.toEqual(runRecords(a.records));
  });

  it('never claims a cycle and reports recurrent profiles', async () => {
    const { summary } = await playRun(condorcet, { schedule: 'random' }, { maxRounds: 2_000 });
    expect(summary.outcome).toBe('undecided');
    expect(summary.cycle).toBeUndefined();
    expect(summary.recurrentProfiles.length).toBeGreaterThan(0);
    const total = summary.recurrentProfiles.reduce((s, p) => s + p.rounds, 0);
    expect(total).toBeLessThanOrEqual(2_000);
  });

  it('converges to the equilibrium under a window', async () => {
    const { summary } = await playRun(dominant, { schedule: 'random', start: [1, 2] }, { window: 40 });
    expect(summary.outcome).toBe('converged');
    expect(summary.finalProfileIndices).toEqual([0, 0]);
    expect(summary.equilibriumTime[0].profile).toEqual(['m0', 'm0']);
    expect(summary.equilibriumTime[0].rounds).toBeGreaterThanOrEqual(40);
  });

  it('counts time at equilibria under ε-greedy', async () => {
    const { summary } = await playRun(dominant, { response: 'epsilon-greedy', epsilon: 0.3 }, { maxRounds: 3_000, window: 10_000 });
    expect(summary.outcome).toBe('undecided');
    expect(summary.equilibriumTime).toHaveLength(1);
    expect(summary.equilibriumTime[0].rounds).toBeGreaterThan(1_000);
  });

  it('samples shares that sum to one', () => {
    const engine = new DynamicsEngine(condorcet, dynamicsOptions(condorcet, { users: 999, perUser: true }));
    for (let r = 0; r < 50; r++) {
      const event = engine.step();
      expect(event.shares[0] + event.shares[1]).toBeCloseTo(1, 12);
      expect(event.shares[0] * 999).toBeCloseTo(Math.round(event.shares[0] * 999), 6);
    }
  });
});

/**
 * Serves `users` users of `market` under `profile` one by one the plain
 * way: the type by binary search of the cumulative weights, the choice by
 * walking the type's choice probabilities. Returns the counts per type
 * and per platform.
 */
function servePerUserByBinarySearch(
  market: Market,
  profile: number[],
  rng: Rng,
  users: number,
): { typeCounts: number[]; platformCounts: number[] } {
  const { numTypes: T, numPlatforms: N, outsideOption } = market;
  const alternatives = outsideOption ? N + 1 : N;
  const rows = Array.from({ length: T }, (_, t) => {
    const rewards = profile.map((j) => market.rewards[j * T + t]);
    if (outsideOption) rewards.push(outsideOption[t]);
    const probabilities = new Float64Array(alternatives);
    choiceProbabilities(market.choice, rewards, alternatives, probabilities);
    return probabilities;
  });
  const cumulative: number[] = [];
  let total = 0;
  for (const w of market.weights) cumulative.push((total += w));

  const typeCounts = new Array<number>(T).fill(0);
  const platformCounts = new Array<number>(N).fill(0);
  for (let u = 0; u < users; u++) {
    const target = rng.next() * total;
    let low = 0;
    let high = T - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    typeCounts[low]++;

    let v = rng.next();
    let choice = 0;
    const row = rows[low];
    for (let a = 0; a < alternatives; a++) {
      if (row[a] <= 0) continue;
      choice = a;
      if (v < row[a]) break;
      v -= row[a];
    }
    if (choice < N) platformCounts[choice]++;
  }
  return { typeCounts, platformCounts };
}

describe('per-user sampling', () => {
  const zeroWeights = makeMarket({
    weights: [0, 1, 0, 0, 2, 0.5, 0],
    rewards: [
      [1, 3, 2, 2, 1, 5, 4],
      [2, 3, 1, 2, 4, 1, 4],
    ],
    platforms: 3,
  });
  const manyTypes = makeMarket({
    weights: Array.from({ length: 37 }, (_, t) => (t % 5 === 0 ? 0 : (t * 7919) % 13)),
    rewards: [Array.from({ length: 37 }, (_, t) => t % 3), Array.from({ length: 37 }, (_, t) => (t * 5) % 4)],
    platforms: 2,
    choice: { rule: 'softmax', temperature: 0.7 },
    outside: Array.from({ length: 37 }, () => 1),
  });

  it.each([
    ['zero-weight types and hardmax ties', zeroWeights, [0, 1, 0]],
    ['37 types, softmax and an outside option', manyTypes, [1, 0]],
  ])('matches binary-search draws with %s', (_, market, profile) => {
    const users = 20_000;
    const sampler = new UserSampler(market, users, true);
    const shares = new Float64Array(market.numPlatforms);
    sampler.serve(createRng('per-user'), Int32Array.from(profile), shares);

    const expected = servePerUserByBinarySearch(market, profile, createRng('per-user'), users);
    expect(Array.from(sampler.typeWeights, (w) => Math.round(w * users))).toEqual(expected.typeCounts);
    expect(Array.from(shares, (s) => Math.round(s * users))).toEqual(expected.platformCounts);
  });
});

describe('engine snapshot', () => {
  it('continues identically after restore', () => {
    const options = dynamicsOptions(condorcet, { schedule: 'random', users: 100, response: 'logit', estimates: 'sample' });
    const straight = new DynamicsEngine(condorcet, options);
    for (let r = 0; r < 40; r++) straight.step();
    const snapshot = JSON.parse(JSON.stringify(straight.snapshot()));
    const restored = new DynamicsEngine(condorcet, options);
    restored.restore(snapshot);
    for (let r = 0; r < 40; r++) {
      const a = straight.step();
      const b = restored.step();
      expect(Array.from(b.profile)).toEqual(Array.from(a.profile));
      expect(Array.from(b.shares)).toEqual(Array.from(a.shares));
    }
  });
});
