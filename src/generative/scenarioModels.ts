/**
 * Conversion of validated generative scenario fields to the typed-array
 * models and reward functions, and the expected-reward matrix S they give.
 */
import { gaussian, mixture, type GaussianMixture } from './gaussianMixture.js';
import { expectedReward } from './expectedReward.js';
import { createNormalBank, DEFAULT_MONTE_CARLO, type MonteCarloSettings } from './normalBank.js';
import type { RewardFunction } from './rewardFunction.js';
import type { DistributionSpec, MonteCarloSpec, RewardFunctionSpec } from './scenarioSchema.js';

/** Builds the mixture a validated `distribution` field describes. */
export function toMixture(spec: DistributionSpec): GaussianMixture {
  return spec.kind === 'gaussian' ? gaussian(spec.mean, spec.sigma) : mixture(spec.components);
}

/** Builds the reward function a validated `reward` field describes. */
export function toRewardFunction(spec: RewardFunctionSpec): RewardFunction {
  switch (spec.kind) {
    case 'gaussianKernel':
      return { kind: 'gaussianKernel', center: Float64Array.from(spec.center), width: spec.width };
    case 'negativeSquaredDistance':
      return { kind: 'negativeSquaredDistance', center: Float64Array.from(spec.center), scale: spec.scale };
    case 'linearSigmoid':
      return { kind: 'linearSigmoid', direction: Float64Array.from(spec.direction), offset: spec.offset };
  }
}

/** Returns the Monte Carlo settings of a scenario, or the defaults when it gives none. */
export function toMonteCarloSettings(spec: MonteCarloSpec | undefined): MonteCarloSettings {
  if (spec === undefined) return DEFAULT_MONTE_CARLO;
  return { samples: spec.samples, seed: String(spec.seed) };
}

/** Expected rewards of one model for every user type, with Monte Carlo standard errors (0 where exact). */
export interface RewardRow {
  values: Float64Array;
  stdErrors: Float64Array;
}

/**
 * Computes S[j][θ] for every model with a distribution. Entries are null
 * for models that give their `rewards` directly.
 */
export function computeRewardRows(
  models: readonly { distribution?: DistributionSpec }[],
  rewardFunctions: readonly RewardFunction[],
  dimension: number,
  settings: MonteCarloSettings,
): (RewardRow | null)[] {
  const bank = createNormalBank(settings, dimension);
  return models.map((model) => {
    if (model.distribution === undefined) return null;
    const distribution = toMixture(model.distribution);
    const values = new Float64Array(rewardFunctions.length);
    const stdErrors = new Float64Array(rewardFunctions.length);
    rewardFunctions.forEach((reward, t) => {
      const estimate = expectedReward(distribution, reward, bank);
      values[t] = estimate.value;
      stdErrors[t] = estimate.stdError;
    });
    return { values, stdErrors };
  });
}
