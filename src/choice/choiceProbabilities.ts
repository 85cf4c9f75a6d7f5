/**
 * User choice rules for one user type. Each function takes the rewards of
 * the alternatives on offer (one per platform, then the outside option
 * when there is one) and writes the probability of choosing each.
 */
import type { ChoiceRule } from '../market/market.js';

/**
 * Writes hardmax choice probabilities: the alternatives whose reward is
 * within `tieTolerance` of the maximum split the users evenly.
 *
 * Example: rewards [2, 5, 5] give [0, 0.5, 0.5].
 */
export function hardmaxProbabilities(
  rewards: ArrayLike<number>,
  count: number,
  tieTolerance: number,
  out: Float64Array,
): void {
  let max = -Infinity;
  for (let i = 0; i < count; i++) if (rewards[i] > max) max = rewards[i];

  const threshold = max - tieTolerance;
  let winners = 0;
  for (let i = 0; i < count; i++) if (rewards[i] >= threshold) winners++;

  const share = 1 / winners;
  for (let i = 0; i < count; i++) out[i] = rewards[i] >= threshold ? share : 0;
}

/**
 * Writes softmax (logit) choice probabilities
 * P_i = exp(r_i/τ) / Σ_k exp(r_k/τ), computed after subtracting the maximum
 * reward so Elo-scale rewards near 1500 cannot overflow.
 */
export function softmaxProbabilities(
  rewards: ArrayLike<number>,
  count: number,
  temperature: number,
  out: Float64Array,
): void {
  let max = -Infinity;
  for (let i = 0; i < count; i++) if (rewards[i] > max) max = rewards[i];

  let total = 0;
  for (let i = 0; i < count; i++) {
    const e = Math.exp((rewards[i] - max) / temperature);
    out[i] = e;
    total += e;
  }
  for (let i = 0; i < count; i++) out[i] /= total;
}

/**
 * Returns τ · log Σ_k exp(r_k/τ), the expected maximum utility of a logit
 * chooser (the logit consumer surplus of one user type).
 */
export function logSumExp(rewards: ArrayLike<number>, count: number, temperature: number): number {
  let max = -Infinity;
  for (let i = 0; i < count; i++) if (rewards[i] > max) max = rewards[i];

  let total = 0;
  for (let i = 0; i < count; i++) total += Math.exp((rewards[i] - max) / temperature);
  return max + temperature * Math.log(total);
}

/** Writes the choice probabilities of `rule` for one user type. */
export function choiceProbabilities(
  rule: ChoiceRule,
  rewards: ArrayLike<number>,
  count: number,
  out: Float64Array,
): void {
  if (rule.rule === 'hardmax') hardmaxProbabilities(rewards, count, rule.tieTolerance, out);
  else softmaxProbabilities(rewards, count, rule.temperature, out);
}
