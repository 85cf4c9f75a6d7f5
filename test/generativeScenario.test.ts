import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { buildMarket, parseScenario } from '../src/market/loadScenario.js';

/** Returns a valid generative scenario: two Gaussian models and two kernel user types in R^2. */
function baseScenario(): any {
  return {
    name: 'two peaks',
    outputSpace: { dimension: 2 },
    userTypes: [
      { name: 'left', weight: 0.6, reward: { kind: 'gaussianKernel', center: [-1, 0], width: 0.5 } },
      { name: 'right', weight: 0.4, reward: { kind: 'gaussianKernel', center: [1, 0], width: 0.5 } },
    ],
    models: [
      { name: 'A', distribution: { kind: 'gaussian', mean: [-1, 0], sigma: 0.5 } },
      {
        name: 'B',
        distribution: {
          kind: 'mixture',
          components: [
            { weight: 0.5, mean: [-1, 0], sigma: 0.3 },
            { weight: 0.5, mean: [1, 0], sigma: 0.3 },
          ],
        },
      },
    ],
    platforms: 2,
  };
}

function parseError(scenario: unknown): string {
  try {
    parseScenario(scenario, 'test.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected parseScenario to reject the scenario');
}

describe('generative scenario loading', () => {
  it('computes closed-form rewards', () => {
    const market = buildMarket(parseScenario(baseScenario()));
    // Model A on type left: σ = s = 0.5 at the ideal point gives (s²/(s²+σ²))^(d/2) = 1/2.
    expect(market.rewards[0]).toBeCloseTo(0.5, 12);
    // Model A on type right: distance² = 4, s² + σ² = 0.5, so 0.5 · exp(−4).
    expect(market.rewards[1]).toBeCloseTo(0.5 * Math.exp(-4), 12);
    const peak = (0.25 / 0.34) * 0.5;
    const far = (0.25 / 0.34) * Math.exp(-4 / 0.68) * 0.5;
    expect(market.rewards[2]).toBeCloseTo(peak + far, 12);
    expect(market.rewards[3]).toBeCloseTo(peak + far, 12);
  });

  it('estimates sigmoid rewards deterministically', () => {
    const scenario = baseScenario();
    scenario.userTypes[1].reward = { kind: 'linearSigmoid', direction: [2, 0] };
    scenario.monteCarlo = { samples: 1000, seed: 11 };
    const first = buildMarket(parseScenario(scenario));
    const second = buildMarket(parseScenario(structuredClone(scenario)));
    expect(Array.from(second.rewards)).toEqual(Array.from(first.rewards));
    // Model A is centred at x = −1, where r = σ(−2) ≈ 0.119.
    expect(first.rewards[1]).toBeGreaterThan(0.1);
    expect(first.rewards[1]).toBeLessThan(0.2);
  });

  it('accepts models with explicit rewards beside distributions', () => {
    const scenario = baseScenario();
    scenario.models.push({ name: 'C', rewards: [0.2, 0.3] });
    const market = buildMarket(parseScenario(scenario));
    expect(market.rewards[4]).toBe(0.2);
    expect(market.rewards[5]).toBe(0.3);
  });
});

describe('generative scenario errors', () => {
  const cases: [string, (s: any) => void, string, string][] = [
    ['mean dimension', (s) => (s.models[1].distribution.components[0].mean = [1, 2, 3]),
      'models[1].distribution.components[0].mean', 'has 3 coordinates but outputSpace.dimension is 2'],
    ['Gaussian mean dimension', (s) => (s.models[0].distribution.mean = [1]),
      'models[0].distribution.mean', 'has 1 coordinate but'],
    ['zero sigma', (s) => (s.models[0].distribution.sigma = 0), 'models[0].distribution.sigma', 'must be positive'],
    ['negative width', (s) => (s.userTypes[1].reward.width = -1), 'userTypes[1].reward.width', 'must be positive'],
    ['weights not summing to 1', (s) => (s.models[1].distribution.components[1].weight = 0.6),
      'models[1].distribution.components', 'mixture weights sum to 1.1 but must sum to 1'],
    ['negative mixture weight', (s) => (s.models[1].distribution.components[0].weight = -0.5),
      'models[1].distribution.components[0].weight', 'must be positive'],
    ['missing output space', (s) => delete s.outputSpace, 'outputSpace', 'missing'],
    ['missing user reward', (s) => delete s.userTypes[0].reward, 'userTypes[0].reward', 'missing'],
    ['center dimension', (s) => (s.userTypes[0].reward.center = [0]), 'userTypes[0].reward.center', 'has 1 coordinate but'],
    ['model without rewards', (s) => delete s.models[0].distribution, 'models[0]', 'has neither rewards nor distribution'],
    ['model with both', (s) => (s.models[0].rewards = [1, 1]), 'models[0]', 'has both rewards and distribution'],
    ['unknown distribution kind', (s) => (s.models[0].distribution.kind = 'uniform'), 'models[0].distribution.kind',
      'kind must be "gaussian" or "mixture"'],
    ['unknown reward kind', (s) => (s.userTypes[0].reward.kind = 'cosine'), 'userTypes[0].reward.kind',
      'kind must be "gaussianKernel"'],
    ['entrant dimension', (s) => (s.entrant = { distribution: { kind: 'gaussian', mean: [0], sigma: 1 } }),
      'entrant.distribution.mean', 'has 1 coordinate but'],
    ['too few samples', (s) => (s.monteCarlo = { samples: 1 }), 'monteCarlo.samples', 'must be at least 2'],
    ['zero dimension', (s) => (s.outputSpace.dimension = 0), 'outputSpace.dimension', 'must be at least 1'],
  ];

  for (const [label, mutate, path, message] of cases) {
    it(`rejects ${label}`, () => {
      const scenario = baseScenario();
      mutate(scenario);
      const text = parseError(scenario);
      expect(text).toContain(`${path}: `);
      expect(text).toContain(message);
    });
  }
});
