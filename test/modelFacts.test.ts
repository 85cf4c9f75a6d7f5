/**
 * Properties that follow from the definitions of the market game under
 * hardmax without an outside option, checked on generated games.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceEquilibria } from '../src/game/bruteForce.js';
import { DeviationEvaluator, isNash } from '../src/game/bestResponse.js';
import { enumerateEquilibria } from '../src/game/enumerateEquilibria.js';
import { writeShares } from '../src/game/profilePayoffs.js';
import { averageRewards, withChoice } from '../src/market/market.js';
import { gameShape, hardmaxMarket, type GameShape } from './arbitraries.js';
import { makeMarket } from './helpers.js';

const EPS = 1e-12;

/** m(k, j) computed straight from the arrays of a game shape. */
function niche(shape: GameShape, k: number, j: number): number {
  const total = shape.weights.reduce((s, w) => s + w, 0);
  let mass = 0;
  shape.weights.forEach((w, t) => {
    if (shape.rewards[k][t] > shape.rewards[j][t]) mass += w / total;
  });
  return mass;
}

function advantage(shape: GameShape, k: number, j: number): number {
  const total = shape.weights.reduce((s, w) => s + w, 0);
  let share = 0;
  shape.weights.forEach((w, t) => {
    if (shape.rewards[k][t] > shape.rewards[j][t]) share += w / total;
    else if (shape.rewards[k][t] === shape.rewards[j][t]) share += w / total / 2;
  });
  return share;
}

describe('F1 homogeneous equilibrium condition', () => {
  it('(j,…,j) is an equilibrium iff (N−1)·m(k,j) ≤ m(j,k) for all k', () => {
    fc.assert(
      fc.property(gameShape({ minPlatforms: 2, maxPlatforms: 5 }), (shape) => {
        const market = hardmaxMarket(shape);
        const N = shape.platforms;
        for (let j = 0; j < shape.rewards.length; j++) {
          let condition = true;
          for (let k = 0; k < shape.rewards.length; k++) {
            if ((N - 1) * niche(shape, k, j) > niche(shape, j, k) + EPS) condition = false;
          }
          expect(isNash(market, new Int32Array(N).fill(j))).toBe(condition);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('F2 two-platform games', () => {
  it('pay u_1 = A(a_1, a_2) with A(k,j) + A(j,k) = 1', () => {
    fc.assert(
      fc.property(gameShape({ minPlatforms: 2, maxPlatforms: 2 }), (shape) => {
        const market = hardmaxMarket(shape);
        const shares = new Float64Array(2);
        const M = shape.rewards.length;
        for (let k = 0; k < M; k++) {
          for (let j = 0; j < M; j++) {
            writeShares(market, [k, j], shares);
            expect(shares[0]).toBeCloseTo(advantage(shape, k, j), 12);
            expect(advantage(shape, k, j) + advantage(shape, j, k)).toBeCloseTo(1, 12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('have equilibria iff a weak Condorcet winner exists, all paying ½', () => {
    fc.assert(
      fc.property(gameShape({ minPlatforms: 2, maxPlatforms: 2, maxModels: 5 }), (shape) => {
        const market = hardmaxMarket(shape);
        const M = shape.rewards.length;
        const winnerExists = Array.from({ length: M }, (_, j) => j).some((j) =>
          Array.from({ length: M }, (_, k) => k).every((k) => advantage(shape, j, k) >= 0.5 - EPS),
        );
        const equilibria = enumerateEquilibria(market);
        expect(equilibria.length > 0).toBe(winnerExists);
        for (const e of equilibria) {
          expect(e.shares[0]).toBeCloseTo(0.5, 12);
          expect(e.shares[1]).toBeCloseTo(0.5, 12);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has no equilibrium with three rotated rankings', () => {
    const market = makeMarket({ weights: [1, 1, 1], rewards: [[3, 1, 2], [2, 3, 1], [1, 2, 3]], platforms: 2 });
    expect(enumerateEquilibria(market)).toHaveLength(0);
  });
});

describe('F3 best average reward', () => {
  it('can be deployed in no equilibrium', () => {
    // The specialist averages 4.0 against the generalist's 1.0, but the
    // generalist wins 60% of users head to head.
    const market = makeMarket({ weights: [0.4, 0.3, 0.3], rewards: [[10, 0, 0], [1, 1, 1]], platforms: 2 });
    const averages = averageRewards(market);
    expect(averages[0]).toBeGreaterThan(averages[1]);
    const equilibria = enumerateEquilibria(market);
    expect(equilibria.map((e) => Array.from(e.profile))).toEqual([[1, 1]]);
  });
});

/** Runs round-robin best response (lowest-index tie break); returns the path's end. */
function roundRobinPath(shape: GameShape, start: Int32Array, maxSteps: number) {
  const market = hardmaxMarket(shape);
  const evaluator = new DeviationEvaluator(market);
  const profile = start.slice();
  const N = profile.length;
  const seen = new Set<string>();
  let unchanged = 0;
  for (let step = 0; step < maxSteps; step++) {
    const i = step % N;
    const key = `${i}|${profile.join(',')}`;
    if (seen.has(key)) return { stopped: false, repeated: true, profile };
    seen.add(key);

    const best = evaluator.bestResponses(profile, i);
    if (!best.includes(profile[i])) {
      profile[i] = best[0];
      unchanged = 0;
    } else if (++unchanged >= N) {
      return { stopped: true, repeated: false, profile };
    }
  }
  return { stopped: false, repeated: false, profile };
}

describe('F4 sequential best response', () => {
  it('stops only at an equilibrium and cycles when none exists', () => {
    fc.assert(
      fc.property(gameShape({ minPlatforms: 2, maxPlatforms: 3 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (shape, seeds) => {
        const M = shape.rewards.length;
        const start = Int32Array.from({ length: shape.platforms }, (_, i) => seeds[i] % M);
        const result = roundRobinPath(shape, start, 10 * M ** shape.platforms * shape.platforms);
        const market = hardmaxMarket(shape);
        if (result.stopped) expect(bruteForceEquilibria(market).length).toBeGreaterThan(0);
        if (result.stopped) expect(isNash(market, result.profile)).toBe(true);
        if (bruteForceEquilibria(market).length === 0) expect(result.repeated).toBe(true);
        expect(result.stopped || result.repeated).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('F5 softmax limits', () => {
  const distinctRewards = gameShape({ minPlatforms: 1, maxPlatforms: 4, levels: 50 }).filter((shape) =>
    shape.weights.every((_, t) => new Set(shape.rewards.map((r) => r[t])).size === shape.rewards.length),
  );

  it('tend to hardmax as τ → 0 and to 1/N as τ → ∞', () => {
    fc.assert(
      fc.property(distinctRewards, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (shape, seeds) => {
        const M = shape.rewards.length;
        const N = shape.platforms;
        // Distinct models per platform keep the profile away from ties.
        if (N > M) return;
        const profile = Int32Array.from({ length: N }, (_, i) => (seeds[0] + i) % M);
        const hard = hardmaxMarket(shape);
        const expected = new Float64Array(N);
        writeShares(hard, profile, expected);

        const cold = new Float64Array(N);
        writeShares(withChoice(hard, { rule: 'softmax', temperature: 1e-3 }), profile, cold);
        const hot = new Float64Array(N);
        writeShares(withChoice(hard, { rule: 'softmax', temperature: 1e9 }), profile, hot);
        for (let i = 0; i < N; i++) {
          expect(cold[i]).toBeCloseTo(expected[i], 9);
          expect(hot[i]).toBeCloseTo(1 / N, 6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
