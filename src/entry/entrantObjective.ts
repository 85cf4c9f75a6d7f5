/**
 * Training objectives of an entrant model g_φ, with gradients in its
 * unconstrained parameters (see MixtureParams).
 *
 * Standard training maximises the average reward Σ_θ π_θ S_φ(θ).
 * Best-response training maximises a smooth version of the share g_φ
 * would win for platform i against the others' models a*_−i:
 * Σ_θ π_θ σ((S_φ(θ) − b_θ)/κ), with σ the logistic function.
 * Under hardmax, b_θ is the best competing reward (plus the tie tolerance)
 * and κ is annealed towards 0, so each term tends to the win indicator. Under softmax with temperature
 * τ, b_θ = τ log Σ_k exp(S_k(θ)/τ) over the competitors and κ = τ, and the
 * sum is then exactly the softmax share.
 */
import { logSumExp } from '../choice/choiceProbabilities.js';
import { expectedRewardGradient } from '../generative/expectedReward.js';
import { componentCount, flattenParams, type MixtureParams } from '../generative/gaussianMixture.js';
import type { NormalBank } from '../generative/normalBank.js';
import type { RewardFunction } from '../generative/rewardFunction.js';
import type { Market } from '../market/market.js';

/** Expected rewards of the entrant for every user type, with gradients. */
export interface EntrantRewards {
  values: Float64Array;
  stdErrors: Float64Array;
  /** Flattened gradient of S_φ(θ) in the parameters, one array per user type. */
  gradients: Float64Array[];
}

/** Computes S_φ(θ) and its gradient for every user type. */
export function entrantRewards(
  params: MixtureParams,
  rewardFunctions: readonly RewardFunction[],
  bank: NormalBank,
): EntrantRewards {
  const values = new Float64Array(rewardFunctions.length);
  const stdErrors = new Float64Array(rewardFunctions.length);
  const gradients = rewardFunctions.map((reward, t) => {
    const estimate = expectedRewardGradient(params, reward, bank);
    values[t] = estimate.value;
    stdErrors[t] = estimate.stdError;
    return flattenParams(estimate.gradient);
  });
  return { values, stdErrors, gradients };
}

/**
 * Computes the reward b_θ the entrant must beat for each user type when one
 * platform deploys it against the models `others` (and the outside option,
 * if the market has one). Under hardmax b_θ is the best competing reward
 * plus the tie tolerance, the smallest reward that wins the type outright.
 * Without any competitor b_θ is −∞.
 */
export function competingRewards(market: Market, others: readonly number[]): Float64Array {
  const { numTypes: T, rewards: S, outsideOption, choice } = market;
  const thresholds = new Float64Array(T);
  const competitors = new Float64Array(others.length + 1);

  for (let t = 0; t < T; t++) {
    others.forEach((model, k) => (competitors[k] = S[model * T + t]));
    let count = others.length;
    if (outsideOption) competitors[count++] = outsideOption[t];

    if (count === 0) thresholds[t] = -Infinity;
    else if (choice.rule === 'softmax') thresholds[t] = logSumExp(competitors, count, choice.temperature);
    else thresholds[t] = Math.max(...competitors.subarray(0, count)) + choice.tieTolerance;
  }
  return thresholds;
}

/** Value and flattened gradient of a training objective. */
export interface ObjectiveValue {
  value: number;
  gradient: Float64Array;
}

function parameterCount(params: MixtureParams): number {
  return componentCount(params) * (params.dimension + 2);
}

/** Computes Σ_θ π_θ S_φ(θ) and its gradient. */
export function averageRewardObjective(
  params: MixtureParams,
  rewards: EntrantRewards,
  weights: Float64Array,
): ObjectiveValue {
  const gradient = new Float64Array(parameterCount(params));
  let value = 0;
  weights.forEach((w, t) => {
    value += w * rewards.values[t];
    for (let p = 0; p < gradient.length; p++) gradient[p] += w * rewards.gradients[t][p];
  });
  return { value, gradient };
}

/** Computes the smoothed share Σ_θ π_θ σ((S_φ(θ) − b_θ)/κ) and its gradient. */
export function smoothedShareObjective(
  params: MixtureParams,
  rewards: EntrantRewards,
  weights: Float64Array,
  thresholds: Float64Array,
  kappa: number,
): ObjectiveValue {
  const gradient = new Float64Array(parameterCount(params));
  let value = 0;
  weights.forEach((w, t) => {
    const z = (rewards.values[t] - thresholds[t]) / kappa;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    value += w * p;
    const slope = (w * p * (1 - p)) / kappa;
    for (let q = 0; q < gradient.length; q++) gradient[q] += slope * rewards.gradients[t][q];
  });
  return { value, gradient };
}
