/**
 * Payoffs of one profile: each platform's market share u_i(a), the share
 * taken by the outside option, user welfare and the logit consumer
 * surplus.
 *
 * u_i(a) = Σ_θ π_θ P_i(θ; a), and W(a) = Σ_θ π_θ Σ_i P_i(θ; a) S[a_i][θ],
 * where users who take the outside option receive its reward S_0(θ).
 * Cost: O(N · T) per profile.
 */
import { choiceProbabilities, logSumExp } from '../choice/choiceProbabilities.js';
import type { Market } from '../market/market.js';

export interface ProfilePayoffs {
  /** Market share of each platform. */
  shares: Float64Array;
  /** Share of users who choose no platform (0 without an outside option). */
  outsideShare: number;
  /** Expected reward of a user, averaged over the population. */
  welfare: number;
  /** Logit consumer surplus under softmax; null under hardmax. */
  consumerSurplus: number | null;
}

/** Reusable buffers so hot loops evaluate profiles without allocating. */
export interface PayoffScratch {
  rewards: Float64Array;
  probabilities: Float64Array;
}

export function createPayoffScratch(numPlatforms: number): PayoffScratch {
  return {
    rewards: new Float64Array(numPlatforms + 1),
    probabilities: new Float64Array(numPlatforms + 1),
  };
}

/**
 * Writes each platform's market share under `profile` into `shares` and
 * returns the welfare. `shares` must have length N.
 */
export function writeShares(
  market: Market,
  profile: ArrayLike<number>,
  shares: Float64Array,
  scratch: PayoffScratch = createPayoffScratch(profile.length),
): number {
  const { numTypes: T, weights, rewards: S, outsideOption, choice } = market;
  const N = profile.length;
  const count = outsideOption ? N + 1 : N;
  const { rewards, probabilities } = scratch;

  shares.fill(0);
  let welfare = 0;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < N; i++) rewards[i] = S[profile[i] * T + t];
    if (outsideOption) rewards[N] = outsideOption[t];

    choiceProbabilities(choice, rewards, count, probabilities);

    const w = weights[t];
    let typeWelfare = 0;
    for (let i = 0; i < count; i++) typeWelfare += probabilities[i] * rewards[i];
    for (let i = 0; i < N; i++) shares[i] += w * probabilities[i];
    welfare += w * typeWelfare;
  }
  return welfare;
}

/** Returns shares, outside share, welfare and consumer surplus of a profile. */
export function profilePayoffs(market: Market, profile: ArrayLike<number>): ProfilePayoffs {
  const N = profile.length;
  const shares = new Float64Array(N);
  const welfare = writeShares(market, profile, shares);

  let served = 0;
  for (let i = 0; i < N; i++) served += shares[i];

  return {
    shares,
    outsideShare: market.outsideOption ? Math.max(0, 1 - served) : 0,
    welfare,
    consumerSurplus: consumerSurplus(market, profile),
  };
}

/**
 * Returns the logit consumer surplus Σ_θ π_θ τ log Σ_i exp(S[a_i][θ]/τ)
 * under softmax (the outside option counts as one more alternative), or
 * null under hardmax.
 */
export function consumerSurplus(market: Market, profile: ArrayLike<number>): number | null {
  if (market.choice.rule !== 'softmax') return null;

  const { numTypes: T, weights, rewards: S, outsideOption } = market;
  const N = profile.length;
  const rewards = new Float64Array(N + 1);
  const count = outsideOption ? N + 1 : N;
  let surplus = 0;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < N; i++) rewards[i] = S[profile[i] * T + t];
    if (outsideOption) rewards[N] = outsideOption[t];
    surplus += weights[t] * logSumExp(rewards, count, market.choice.temperature);
  }
  return surplus;
}

/** Returns the total share served by each model under `profile`. */
export function modelShares(market: Market, profile: ArrayLike<number>, shares: ArrayLike<number>): Float64Array {
  const byModel = new Float64Array(market.numModels);
  for (let i = 0; i < profile.length; i++) byModel[profile[i]] += shares[i];
  return byModel;
}
