import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutcomes, expandPool } from '../src/expansion/expandPool.js';
import { poolOutcome } from '../src/expansion/poolOutcome.js';
import { bruteForceEquilibria } from '../src/game/bruteForce.js';
import { enumerateEquilibria } from '../src/game/enumerateEquilibria.js';
import { profilePayoffs } from '../src/game/profilePayoffs.js';
import { loadMarket } from '../src/market/loadScenario.js';
import { withModels } from '../src/market/market.js';
import { resolveModelNames, topModelsByAverage } from '../src/market/modelSelection.js';
import { classKeys, makeMarket } from './helpers.js';

const scenario = new URL('../scenarios/pool-expansion.json', import.meta.url).pathname;

describe('pool-expansion scenario', () => {
  const market = loadMarket(scenario);
  const base = resolveModelNames(market, ['coder', 'mathematician'], 'base');
  const steps = expandPool(market, { base, additions: resolveModelNames(market, ['generalist', 'coder-v2'], 'order'), cumulative: false });

  it('has one differentiated equilibrium before', () => {
    const before = steps[0].before;
    expect(before.equilibria.map((e) => e.profile)).toEqual([['coder', 'coder', 'mathematician']]);
    expect(before.equilibria[0].permutations).toBe(3);
    expect(before.bestWelfare).toBeCloseTo(8.0, 12);
    expect(before.maxDistinctModels).toBe(2);
  });

  it('flags the generalist as lowering welfare and diversity', () => {
    const step = steps[0];
    expect(step.added).toBe('generalist');
    expect(step.after.equilibria.map((e) => e.profile)).toEqual([['generalist', 'generalist', 'generalist']]);
    expect(step.after.bestWelfare).toBeCloseTo(6.6, 12);
    expect(step.comparison).toBe('compared');
    expect(step.welfareDrop).toBe(true);
    expect(step.bestWelfareFalls).toBe(true);
    expect(step.diversityDrop).toBe(true);
  });

  it('does not flag the better coder', () => {
    const step = steps[1];
    expect(step.added).toBe('coder-v2');
    expect(step.after.equilibria.map((e) => e.profile)).toEqual([['mathematician', 'coder-v2', 'coder-v2']]);
    expect(step.after.worstWelfare).toBeCloseTo(8.64, 12);
    expect(step.welfareDrop).toBe(false);
    expect(step.bestWelfareFalls).toBe(false);
    expect(step.diversityDrop).toBe(false);
  });

  it('chains pools when cumulative', () => {
    const order = resolveModelNames(market, ['coder-v2', 'generalist'], 'order');
    const chained = expandPool(market, { base, additions: order, cumulative: true });
    expect(chained[1].before).toBe(chained[0].after);
    expect(chained[1].after.pool).toEqual(['coder', 'mathematician', 'generalist', 'coder-v2']);
    expect(chained[1].before.bestWelfare).toBeCloseTo(8.64, 12);
    expect(chained[1].welfareDrop).toBe(true);
  });
});

describe('expandPool without equilibria', () => {
  // Condorcet preferences: a beats b beats c beats a, each by 2/3 of users.
  const condorcet = makeMarket({ weights: [1, 1, 1], rewards: [[3, 1, 2], [2, 3, 1], [1, 2, 3]], platforms: 2 });

  it('reports no equilibrium after', () => {
    const [step] = expandPool(condorcet, { base: [0, 1], additions: [2], cumulative: false });
    expect(step.before.equilibria.map((e) => e.profile)).toEqual([['m0', 'm0']]);
    expect(step.after.equilibria).toEqual([]);
    expect(step.after.bestWelfare).toBeNull();
    expect(step.comparison).toBe('no-equilibrium-after');
    expect(step.welfareDrop).toBeNull();
    expect(step.diversityDrop).toBeNull();
  });

  it('reports no equilibrium before', () => {
    const before = poolOutcome(condorcet, [0, 1, 2]);
    const after = poolOutcome(condorcet, [0, 1]);
    const step = compareOutcomes('m2', before, after);
    expect(step.comparison).toBe('no-equilibrium-before');
    expect(step.bestWelfareFalls).toBeNull();
  });

  it('rejects an addition already in the base', () => {
    expect(() => expandPool(condorcet, { base: [0, 1], additions: [1], cumulative: false })).toThrow(/already in the base pool/);
  });
});

describe('model selection', () => {
  const market = loadMarket(scenario);

  it('names unknown and repeated models', () => {
    expect(() => resolveModelNames(market, ['coder', 'gpt'], '--base')).toThrow(/--base: "gpt" is not a model/);
    expect(() => resolveModelNames(market, ['coder', 'coder'], '--base')).toThrow(/listed twice/);
    expect(() => resolveModelNames(market, [], '--base')).toThrow(/--base is empty/);
  });

  it('picks the top models by average reward', () => {
    // Averages: generalist 6.60, coder-v2 6.40, coder 5.76, mathematician 5.44.
    expect(topModelsByAverage(market, 2).map((j) => market.modelNames[j])).toEqual(['generalist', 'coder-v2']);
    expect(() => topModelsByAverage(market, 5)).toThrow(/from 1 to 4/);
  });
});

const smallGame = fc.record({
  numModels: fc.integer({ min: 2, max: 4 }),
  numTypes: fc.integer({ min: 1, max: 3 }),
  platforms: fc.integer({ min: 1, max: 3 }),
  softmax: fc.boolean(),
  seedRewards: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }),
  weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
  cumulative: fc.boolean(),
});

describe('expansion properties', () => {
  it('matches brute force and the exact engine on every pool', () => {
    fc.assert(
      fc.property(smallGame, (g) => {
        const rewards = Array.from({ length: g.numModels }, (_, j) =>
          Array.from({ length: g.numTypes }, (_, t) => g.seedRewards[j * 3 + t]),
        );
        const market = makeMarket({
          weights: g.weights.slice(0, g.numTypes),
          rewards,
          platforms: g.platforms,
          choice: g.softmax ? { rule: 'softmax', temperature: 0.7 } : undefined,
        });
        const additions = Array.from({ length: g.numModels - 1 }, (_, k) => k + 1).reverse();
        const steps = expandPool(market, { base: [0], additions, cumulative: g.cumulative });

        for (const step of steps) {
          for (const outcome of [step.before, step.after]) {
            const pool = outcome.pool.map((name) => market.modelNames.indexOf(name));
            const restricted = withModels(market, pool);
            const named = (profiles: Iterable<ArrayLike<number>>) =>
              [...classKeys(profiles)].map((key) => key.split(',').map((j) => restricted.modelNames[Number(j)]).join(','));

            const reported = outcome.equilibria.map((e) => e.profile.join(','));
            expect(reported).toEqual(named(enumerateEquilibria(restricted).map((c) => c.profile)));
            expect([...reported].sort()).toEqual(named(bruteForceEquilibria(restricted)).sort());

            const welfares = bruteForceEquilibria(restricted).map((p) => profilePayoffs(restricted, p).welfare);
            if (welfares.length === 0) {
              expect(outcome.bestWelfare).toBeNull();
              continue;
            }
            expect(outcome.bestWelfare).toBeCloseTo(Math.max(...welfares), 12);
            expect(outcome.worstWelfare).toBeCloseTo(Math.min(...welfares), 12);
          }
          if (step.comparison === 'compared') {
            // Welfare differences in these small integer games are either 0 or far above 1e-6.
            expect(step.welfareDrop).toBe(step.after.bestWelfare! < step.before.worstWelfare! - 1e-6);
            expect(step.diversityDrop).toBe(step.after.maxDistinctModels! < step.before.maxDistinctModels!);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
