/**
 * Monte Carlo estimates of S = E_{x∼g}[r(x)] for a Gaussian mixture g, with
 * reparameterisation gradients: x = μ_k + σ_k ε, ε ∼ N(0, I).
 *
 * Every component is evaluated on all draws of the bank, so the estimate
 * of component k is S_k = mean_s r(μ_k + σ_k ε_s) and S = Σ_k w_k S_k. The
 * standard error comes from the per-draw totals y_s = Σ_k w_k r(μ_k + σ_k ε_s).
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { componentCount, softmax, zeroParams, type GaussianMixture, type MixtureParams } from './gaussianMixture.js';
import type { NormalBank } from './normalBank.js';
import { evaluateReward, evaluateRewardGradient, type RewardFunction } from './rewardFunction.js';

/** Value of an expectation with its standard error (0 for a closed form). */
export interface Estimate {
  value: number;
  stdError: number;
}

/** Estimate together with its gradient in the unconstrained mixture parameters. */
export interface EstimateWithGradient extends Estimate {
  gradient: MixtureParams;
}

function checkBank(bank: NormalBank, dimension: number): void {
  if (bank.dimension !== dimension) {
    throw new Error(
      `Internal error: normal bank has dimension ${bank.dimension} but the model has dimension ${dimension}`,
    );
  }
}

function stdErrorOf(totals: Float64Array): number {
  if (totals.length < 2) return NaN;
  return sampleStandardDeviation(Array.from(totals)) / Math.sqrt(totals.length);
}

/** Estimates E_{x∼model}[r(x)] on the draws of `bank`. */
export function monteCarloExpectedReward(model: GaussianMixture, reward: RewardFunction, bank: NormalBank): Estimate {
  const d = model.dimension;
  checkBank(bank, d);
  const n = bank.samples;
  const totals = new Float64Array(n);
  const x = new Float64Array(d);

  for (let k = 0; k < componentCount(model); k++) {
    const weight = model.weights[k];
    const sigma = model.sigmas[k];
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < d; i++) x[i] = model.means[k * d + i] + sigma * bank.values[s * d + i];
      totals[s] += weight * evaluateReward(reward, x);
    }
  }

  let sum = 0;
  for (const y of totals) sum += y;
  return { value: sum / n, stdError: stdErrorOf(totals) };
}

/**
 * Estimates E[r(x)] and its gradient in the mixture parameters on the
 * draws of `bank`. The gradient is exact for the sample-average objective,
 * so it matches finite differences taken on the same bank.
 */
export function monteCarloExpectedRewardGradient(
  params: MixtureParams,
  reward: RewardFunction,
  bank: NormalBank,
): EstimateWithGradient {
  const d = params.dimension;
  checkBank(bank, d);
  const n = bank.samples;
  const components = componentCount(params);
  const weights = softmax(params.logits);
  const gradient = zeroParams(d, components);
  const componentValues = new Float64Array(components);
  const totals = new Float64Array(n);
  const x = new Float64Array(d);
  const gradX = new Float64Array(d);

  for (let k = 0; k < components; k++) {
    const sigma = Math.exp(params.logSigmas[k]);
    let valueSum = 0;
    let sigmaSum = 0;
    for (let s = 0; s < n; s++) {
      const offset = s * d;
      for (let i = 0; i < d; i++) x[i] = params.means[k * d + i] + sigma * bank.values[offset + i];
      const r = evaluateRewardGradient(reward, x, gradX);
      valueSum += r;
      totals[s] += weights[k] * r;
      for (let i = 0; i < d; i++) {
        gradient.means[k * d + i] += gradX[i];
        sigmaSum += gradX[i] * bank.values[offset + i];
      }
    }
    componentValues[k] = valueSum / n;
    for (let i = 0; i < d; i++) gradient.means[k * d + i] *= weights[k] / n;
    // ∂x/∂log σ_k = σ_k ε, so ∂S/∂log σ_k = w_k σ_k mean_s ∇r(x_s)·ε_s.
    gradient.logSigmas[k] = (weights[k] * sigma * sigmaSum) / n;
  }

  let value = 0;
  for (let k = 0; k < components; k++) value += weights[k] * componentValues[k];
  // With w = softmax(z), ∂S/∂z_k = w_k (S_k − S).
  for (let k = 0; k < components; k++) gradient.logits[k] = weights[k] * (componentValues[k] - value);
  return { value, stdError: stdErrorOf(totals), gradient };
}
