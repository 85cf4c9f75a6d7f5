import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceEquilibria } from '../src/game/bruteForce.js';
import { enumerateEquilibria } from '../src/game/enumerateEquilibria.js';
import { isNash } from '../src/game/bestResponse.js';
import { multisetCount } from '../src/game/multisets.js';
import { classKeys, makeMarket } from './helpers.js';

const condorcet = {
  weights: [1, 1, 1],
  rewards: [
    [3, 1, 2],
    [2, 3, 1],
    [1, 2, 3],
  ],
};

describe('enumerateEquilibria', () => {
  it('finds no equilibrium in the Condorcet game', () => {
    const market = makeMarket({ ...condorcet, platforms: 2 });
    expect(enumerateEquilibria(market)).toEqual([]);
  });

  it('finds the hand-worked two-niche equilibria', () => {
    // m0 serves coding (weight 0.6), m1 serves math (0.4).
    // Two platforms: (m0, m0) pays 0.5 each and a switch to m1 pays only
    // 0.4, so the homogeneous profile is the equilibrium.
    const spec = { weights: [0.6, 0.4], rewards: [[1, 0.2], [0.3, 0.9]] };
    const two = enumerateEquilibria(makeMarket({ ...spec, platforms: 2 }));
    expect(two.map((c) => Array.from(c.profile))).toEqual([[0, 0]]);
    expect(two[0].permutations).toBe(1);

    // Three platforms: (m0, m0, m0) pays 0.2 each against 0.4 for m1, and
    // (m0, m1, m1) pays m1 0.2 against 0.3 for m0; only (m0, m0, m1) holds,
    // with shares 0.3, 0.3 and 0.4.
    const three = enumerateEquilibria(makeMarket({ ...spec, platforms: 3 }));
    expect(three.map((c) => Array.from(c.profile))).toEqual([[0, 0, 1]]);
    expect(three[0].permutations).toBe(3);
    expect(Array.from(three[0].shares).map((s) => +s.toFixed(12))).toEqual([0.3, 0.3, 0.4]);
  });

  it('splits exact ties evenly', () => {
    // Both models tie on the only type: every profile is an equilibrium.
    const market = makeMarket({ weights: [1], rewards: [[5], [5]], platforms: 3 });
    const classes = enumerateEquilibria(market);
    expect(classes).toHaveLength(multisetCount(2, 3));
    for (const c of classes) for (const s of c.shares) expect(s).toBeCloseTo(1 / 3, 12);
  });

  it('rejects an oversized request with the class count', () => {
    const market = makeMarket({ weights: [1], rewards: Array.from({ length: 40 }, (_, j) => [j]), platforms: 8 });
    expect(() => enumerateEquilibria(market, { maxClasses: 1000 })).toThrow(/314,457,495 permutation classes.*fewer models or fewer platforms/);
  });
});

const smallGame = fc.record({
  numModels: fc.integer({ min: 1, max: 4 }),
  numTypes: fc.integer({ min: 1, max: 4 }),
  platforms: fc.integer({ min: 1, max: 4 }),
  softmax: fc.boolean(),
  seedRewards: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
  weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
});

describe('enumeration properties', () => {
  it('agrees with brute force over all profiles', () => {
    fc.assert(
      fc.property(smallGame, (g) => {
        const weights = g.weights.slice(0, g.numTypes).map((w, t) => (t === 0 ? w + 1 : w));
        const rewards = Array.from({ length: g.numModels }, (_, j) =>
          Array.from({ length: g.numTypes }, (_, t) => g.seedRewards[j * 4 + t]),
        );
        const market = makeMarket({
          weights,
          rewards,
          platforms: g.platforms,
          choice: g.softmax ? { rule: 'softmax', temperature: 0.7 } : undefined,
        });
        const fast = classKeys(enumerateEquilibria(market).map((c) => c.profile));
        const brute = classKeys(bruteForceEquilibria(market));
        expect([...fast].sort()).toEqual([...brute].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('reports only profiles without profitable deviations', () => {
    fc.assert(
      fc.property(smallGame, (g) => {
        const rewards = Array.from({ length: g.numModels }, (_, j) =>
          Array.from({ length: g.numTypes }, (_, t) => g.seedRewards[j * 4 + t] * 10 + 1500),
        );
        const weights = g.weights.slice(0, g.numTypes).map((w) => w + 1);
        const market = makeMarket({ weights, rewards, platforms: g.platforms, choice: { rule: 'softmax', temperature: 173.72 } });
        for (const c of enumerateEquilibria(market)) expect(isNash(market, c.profile)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
