/**
 * Random benchmark markets from a fixed seed, so every run measures the
 * same problem.
 */
import seedrandom from 'seedrandom';
import type { ChoiceRule, Market } from '../../src/market/market.js';

export interface MarketSize {
  models: number;
  platforms: number;
  types: number;
  choice: ChoiceRule;
  seed: string;
}

/** Elo-like rewards around 1300 with spread 100, weights uniform on (0, 1). */
export function randomMarket(size: MarketSize): Market {
  const random = seedrandom(size.seed);
  const { models: M, types: T, platforms: N } = size;
  const weights = Float64Array.from({ length: T }, () => random() + 1e-3);
  const total = weights.reduce((s, w) => s + w, 0);
  for (let t = 0; t < T; t++) weights[t] /= total;
  const rewards = Float64Array.from({ length: M * T }, () => Math.round(1300 + 100 * (random() * 2 - 1) * 10) / 10);
  return {
    name: `random-${M}x${N}x${T}`,
    typeNames: Array.from({ length: T }, (_, t) => `t${t}`),
    weights,
    modelNames: Array.from({ length: M }, (_, j) => `m${j}`),
    providers: Array.from({ length: M }, (_, j) => `m${j}`),
    rewards,
    rewardStdDevs: null,
    outsideOption: null,
    platformNames: Array.from({ length: N }, (_, i) => `P${i + 1}`),
    initialProfile: null,
    choice: size.choice,
    numTypes: T,
    numModels: M,
    numPlatforms: N,
  };
}

export const HARDMAX: ChoiceRule = { rule: 'hardmax', tieTolerance: 0 };
export const BRADLEY_TERRY: ChoiceRule = { rule: 'softmax', temperature: 400 / Math.LN10 };
