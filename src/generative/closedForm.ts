/**
 * Closed-form expected rewards E_{x∼N(μ, σ²I)}[r(x)] of one Gaussian
 * component, with their derivatives in μ and log σ.
 */
import type { RewardFunction } from './rewardFunction.js';

/** Expected reward of one component and its derivative in log σ. */
export interface ComponentValue {
  value: number;
  dLogSigma: number;
}

/** Returns whether `componentClosedForm` covers the reward function. */
export function hasClosedForm(reward: RewardFunction): boolean {
  return reward.kind === 'gaussianKernel' || reward.kind === 'negativeSquaredDistance';
}

/**
 * Computes E[r(x)] for x ∼ N(mean, sigma² I) and, when `gradMean` is given,
 * writes ∂E/∂μ into it. Throws for a reward without a closed form.
 *
 * Gaussian kernel with width s, v = s² + σ², D = ‖μ − c‖²:
 *   E = (s²/v)^(d/2) · exp(−D / (2v)), ∂E/∂μ = −E (μ − c)/v,
 *   ∂E/∂log σ = E σ² (D/v² − d/v).
 * Negative squared distance with scale a: E = −a (D + dσ²), ∂E/∂μ = −2a (μ − c),
 *   ∂E/∂log σ = −2a dσ².
 */
export function componentClosedForm(
  reward: RewardFunction,
  mean: Float64Array,
  sigma: number,
  gradMean: Float64Array | null,
): ComponentValue {
  if (reward.kind === 'linearSigmoid') {
    throw new Error('Internal error: componentClosedForm called for linearSigmoid, which has no closed form');
  }
  const d = mean.length;
  const center = reward.center;
  let distance2 = 0;
  for (let i = 0; i < d; i++) distance2 += (mean[i] - center[i]) ** 2;
  const sigma2 = sigma * sigma;

  if (reward.kind === 'gaussianKernel') {
    const width2 = reward.width * reward.width;
    const v = width2 + sigma2;
    const value = Math.pow(width2 / v, d / 2) * Math.exp(-distance2 / (2 * v));
    if (gradMean) {
      for (let i = 0; i < d; i++) gradMean[i] = (-value * (mean[i] - center[i])) / v;
    }
    return { value, dLogSigma: value * sigma2 * (distance2 / (v * v) - d / v) };
  }

  const a = reward.scale;
  if (gradMean) {
    for (let i = 0; i < d; i++) gradMean[i] = -2 * a * (mean[i] - center[i]);
  }
  return { value: -a * (distance2 + d * sigma2), dLogSigma: -2 * a * d * sigma2 };
}
