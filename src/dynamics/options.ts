/**
 * Options of a best-response dynamics run, with their defaults. The
 * defaults give a deterministic run: exact expectations over infinitely
 * many users, round-robin revision, best responses computed from the
 * exact payoffs under the population weights π.
 */
import type { Market } from '../market/market.js';

/** Rule that selects the platforms revising in a round. */
export type Schedule = 'round-robin' | 'random' | 'simultaneous' | 'inertia';

/** Rule by which a revising platform picks its next model from its payoff estimates. */
export type ResponseRule = 'best' | 'better' | 'epsilon-greedy' | 'logit';

/**
 * Source of a revising platform's payoff estimates: the exact shares under
 * π, the shares under the round's sampled type mix, or running means of
 * the shares it realised with each model (platforms that do not know S).
 */
export type Estimates = 'exact' | 'sample' | 'learned';

export const SCHEDULES: readonly Schedule[] = ['round-robin', 'random', 'simultaneous', 'inertia'];
export const RESPONSE_RULES: readonly ResponseRule[] = ['best', 'better', 'epsilon-greedy', 'logit'];
export const ESTIMATES: readonly Estimates[] = ['exact', 'sample', 'learned'];

export interface DynamicsOptions {
  /** Seed of the run's random number generator. */
  seed: string;
  /** Users sampled per round, or null for infinitely many (exact expectations). */
  users: number | null;
  /** Sample each user's type and choice one by one instead of by counts (O(K) per round). */
  perUser: boolean;
  schedule: Schedule;
  /** Revision probability of each platform per round under the inertia schedule. */
  inertia: number;
  response: ResponseRule;
  /** Exploration probability of the ε-greedy response. */
  epsilon: number;
  /** Temperature of the logit response, in payoff (market share) units. */
  responseTemperature: number;
  estimates: Estimates;
  /** Draw platforms' reward evaluations from Normal(S, σ) every round. */
  ratingNoise: boolean;
  /** Model index of each platform at round 0. */
  start: number[];
}

export const DEFAULT_INERTIA = 0.5;
export const DEFAULT_EPSILON = 0.1;
export const DEFAULT_RESPONSE_TEMPERATURE = 0.01;

/** Returns the scenario's initial models, or the first model for every platform. */
export function defaultStart(market: Market): number[] {
  return market.initialProfile ? Array.from(market.initialProfile) : new Array<number>(market.numPlatforms).fill(0);
}

export function defaultDynamicsOptions(start: number[]): DynamicsOptions {
  return {
    seed: '1',
    users: null,
    perUser: false,
    schedule: 'round-robin',
    inertia: DEFAULT_INERTIA,
    response: 'best',
    epsilon: DEFAULT_EPSILON,
    responseTemperature: DEFAULT_RESPONSE_TEMPERATURE,
    estimates: 'exact',
    ratingNoise: false,
    start,
  };
}

/**
 * Returns whether the dynamic state is the profile plus the schedule
 * position and its transitions draw no random numbers. That holds when
 * platforms revise in a fixed order, play the deterministic best response
 * and estimate payoffs exactly. Sampled users then change only the
 * realised shares, never a decision, so a repeated profile and schedule
 * position proves a cycle. Sample estimates with infinitely many users
 * equal the exact ones.
 */
export function isDeterministic(options: DynamicsOptions): boolean {
  const fixedOrder = options.schedule === 'round-robin' || options.schedule === 'simultaneous';
  const exactEstimates =
    options.estimates === 'exact' || (options.estimates === 'sample' && options.users === null);
  return fixedOrder && options.response === 'best' && exactEstimates && !options.ratingNoise;
}

/**
 * Returns the number of rounds in which every platform revises once under
 * a fixed-order schedule: N for round-robin and 1 for simultaneous.
 */
export function revisionPassLength(schedule: Schedule, numPlatforms: number): number {
  return schedule === 'round-robin' ? numPlatforms : 1;
}
