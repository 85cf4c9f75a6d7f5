/**
 * Expected reward S = E_{x∼g}[r(x)] of a generative model for one user
 * type: by closed form where one exists, by seeded Monte Carlo otherwise.
 */
import { componentClosedForm, hasClosedForm } from './closedForm.js';
import { componentCount, softmax, zeroParams, type GaussianMixture, type MixtureParams } from './gaussianMixture.js';
import {
  monteCarloExpectedReward,
  monteCarloExpectedRewardGradient,
  type Estimate,
  type EstimateWithGradient,
} from './monteCarlo.js';
import type { NormalBank } from './normalBank.js';
import type { RewardFunction } from './rewardFunction.js';

export type { Estimate, EstimateWithGradient } from './monteCarlo.js';

/**
 * Computes S for the model and reward. The closed form has stdError 0, and
 * a Monte Carlo estimate uses the draws of `bank` and reports its standard error.
 */
export function expectedReward(model: GaussianMixture, reward: RewardFunction, bank: NormalBank): Estimate {
  if (!hasClosedForm(reward)) return monteCarloExpectedReward(model, reward, bank);
  const d = model.dimension;
  let value = 0;
  for (let k = 0; k < componentCount(model); k++) {
    const mean = model.means.subarray(k * d, (k + 1) * d);
    value += model.weights[k] * componentClosedForm(reward, mean, model.sigmas[k], null).value;
  }
  return { value, stdError: 0 };
}

/**
 * Computes S and its gradient in the unconstrained parameters (means,
 * log σ, mixture logits): analytic where a closed form exists, by
 * reparameterisation on the draws of `bank` otherwise.
 */
export function expectedRewardGradient(
  params: MixtureParams,
  reward: RewardFunction,
  bank: NormalBank,
): EstimateWithGradient {
  if (!hasClosedForm(reward)) return monteCarloExpectedRewardGradient(params, reward, bank);
  const d = params.dimension;
  const components = componentCount(params);
  const weights = softmax(params.logits);
  const gradient = zeroParams(d, components);
  const componentValues = new Float64Array(components);

  for (let k = 0; k < components; k++) {
    const mean = params.means.subarray(k * d, (k + 1) * d);
    const gradMean = gradient.means.subarray(k * d, (k + 1) * d);
    const component = componentClosedForm(reward, mean, Math.exp(params.logSigmas[k]), gradMean);
    componentValues[k] = component.value;
    for (let i = 0; i < d; i++) gradMean[i] *= weights[k];
    gradient.logSigmas[k] = weights[k] * component.dLogSigma;
  }

  let value = 0;
  for (let k = 0; k < components; k++) value += weights[k] * componentValues[k];
  for (let k = 0; k < components; k++) gradient.logits[k] = weights[k] * (componentValues[k] - value);
  return { value, stdError: 0, gradient };
}
