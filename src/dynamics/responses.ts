/**
 * Step (4b) of a round: a revising platform picks its next model from its
 * payoff estimates. Payoffs within `tolerance` of each other count as
 * equal, as in the Nash test, so a platform keeps a model that is among
 * its best.
 */
import { randomIndex, type Rng } from '../random/rng.js';
import type { ResponseRule } from './options.js';

export interface ResponseParameters {
  rule: ResponseRule;
  tolerance: number;
  /** Exploration probability of ε-greedy. */
  epsilon: number;
  /** Logit temperature η in payoff units: P(k) ∝ exp(u_k / η). */
  temperature: number;
}

/** Returns the next model of a platform now deploying `current`. */
export function chooseResponse(
  parameters: ResponseParameters,
  payoffs: Float64Array,
  current: number,
  rng: Rng,
): number {
  switch (parameters.rule) {
    case 'best':
      return bestResponse(payoffs, current, parameters.tolerance);
    case 'better':
      return betterResponse(payoffs, current, parameters.tolerance, rng);
    case 'epsilon-greedy':
      if (rng.next() < parameters.epsilon) return randomIndex(rng, payoffs.length);
      return bestResponse(payoffs, current, parameters.tolerance);
    case 'logit':
      return logitResponse(payoffs, parameters.temperature, rng);
  }
}

/**
 * Returns `current` when it is within `tolerance` of the best payoff, and
 * otherwise the lowest-index model that is, so the rule is deterministic.
 */
export function bestResponse(payoffs: Float64Array, current: number, tolerance: number): number {
  let max = -Infinity;
  for (let k = 0; k < payoffs.length; k++) if (payoffs[k] > max) max = payoffs[k];
  const threshold = max - tolerance;
  if (payoffs[current] >= threshold) return current;
  for (let k = 0; k < payoffs.length; k++) if (payoffs[k] >= threshold) return k;
  return current;
}

/**
 * Returns a model drawn uniformly from those paying more than `current`
 * by over `tolerance`, or `current` when there is none.
 */
export function betterResponse(payoffs: Float64Array, current: number, tolerance: number, rng: Rng): number {
  const threshold = payoffs[current] + tolerance;
  let improving = 0;
  for (let k = 0; k < payoffs.length; k++) if (payoffs[k] > threshold) improving++;
  if (improving === 0) return current;

  let pick = randomIndex(rng, improving);
  for (let k = 0; k < payoffs.length; k++) {
    if (payoffs[k] > threshold && pick-- === 0) return k;
  }
  return current;
}

/**
 * Returns a model drawn with probability ∝ exp((u_k − max u)/η). When some
 * estimates are +∞ (untried models of a learner), it draws uniformly
 * among those.
 */
export function logitResponse(payoffs: Float64Array, temperature: number, rng: Rng): number {
  let max = -Infinity;
  for (let k = 0; k < payoffs.length; k++) if (payoffs[k] > max) max = payoffs[k];

  if (max === Infinity) {
    let untried = 0;
    for (let k = 0; k < payoffs.length; k++) if (payoffs[k] === Infinity) untried++;
    let pick = randomIndex(rng, untried);
    for (let k = 0; k < payoffs.length; k++) {
      if (payoffs[k] === Infinity && pick-- === 0) return k;
    }
  }

  let total = 0;
  for (let k = 0; k < payoffs.length; k++) total += Math.exp((payoffs[k] - max) / temperature);
  let u = rng.next() * total;
  let last = 0;
  for (let k = 0; k < payoffs.length; k++) {
    const weight = Math.exp((payoffs[k] - max) / temperature);
    if (weight <= 0) continue;
    last = k;
    if (u < weight) return k;
    u -= weight;
  }
  return last;
}
