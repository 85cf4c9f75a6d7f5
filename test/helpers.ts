/**
 * Builders of small markets for tests.
 */
import { buildMarket } from '../src/market/loadScenario.js';
import type { Market } from '../src/market/market.js';
import { parseScenario } from '../src/market/loadScenario.js';
import type { ScenarioFile } from '../src/market/scenarioSchema.js';

export interface MarketSpec {
  weights: number[];
  /** rewards[j][θ] */
  rewards: number[][];
  platforms: number;
  choice?: ScenarioFile['choice'];
  outside?: number[];
}

/** Builds a validated market with models m0.., types t0.. from plain arrays. */
export function makeMarket(spec: MarketSpec): Market {
  const scenario = parseScenario({
    name: 'test',
    userTypes: spec.weights.map((weight, t) => ({ name: `t${t}`, weight })),
    models: spec.rewards.map((rewards, j) => ({ name: `m${j}`, rewards })),
    platforms: spec.platforms,
    choice: spec.choice,
    outsideOption: spec.outside ? { rewards: spec.outside } : undefined,
  });
  return buildMarket(scenario);
}

/** Sorts each profile and returns a set of comma-joined classes. */
export function classKeys(profiles: Iterable<ArrayLike<number>>): Set<string> {
  const keys = new Set<string>();
  for (const p of profiles) keys.add(Array.from(p).sort((a, b) => a - b).join(','));
  return keys;
}
