/**
 * The deviation kernel. A platform's payoff depends only on its own model
 * and the multiset of the other platforms' models, so the others are
 * summarised per user type once, and the payoff of every candidate model
 * against them then costs O(T) each:
 *
 * - hardmax, exact ties: the others' best reward b_θ and how many offer it,
 *   c_θ. A model k wins type θ alone when S_kθ > b_θ and shares it with the
 *   c_θ others when S_kθ = b_θ.
 * - hardmax with a tie tolerance: the others' rewards themselves, because
 *   "within tolerance of the maximum" is not transitive.
 * - softmax: Z_θ = Σ_others exp((S_oθ − m_θ)/τ), with m_θ the largest reward
 *   of type θ in the pool, so P_k = e_k / (e_k + Z_θ). Types where every
 *   shifted term underflows fall back to log-domain arithmetic.
 *
 * The outside option, when present, is always among the others.
 */
import type { Market } from '../market/market.js';

/** Market constants the kernel precomputes once. */
export interface KernelMarket {
  market: Market;
  /** Softmax only: exp((S[j][θ] − m_θ)/τ), row-major like the rewards. */
  shiftedExp: Float64Array | null;
  /** Softmax only: the same, type-major: [θ * M + j]. */
  shiftedExpByType: Float64Array | null;
  /** Softmax only: the same for the outside option. */
  outsideExp: Float64Array | null;
  /** Hardmax only: each type's rewards sorted in descending order, [θ * M + r]. */
  sortedRewards: Float64Array | null;
  /** Hardmax only: the model at each position of `sortedRewards`. */
  sortedModels: Int32Array | null;
}

export interface OpponentSummary {
  /** Number of platforms summarised. */
  size: number;
  /** Their models, first `size` entries used. */
  models: Int32Array;
  /** Hardmax: best reward per type among the others (and outside option). */
  best: Float64Array;
  /** Hardmax: how many of the others (outside option included) offer `best`. */
  bestCount: Float64Array;
  /** Softmax: Σ of shifted exponentials per type. */
  expSum: Float64Array;
}

export function prepareKernel(market: Market): KernelMarket {
  if (market.choice.rule !== 'softmax') return prepareHardmaxKernel(market);

  const { numModels: M, numTypes: T, rewards: S, outsideOption } = market;
  const tau = market.choice.temperature;
  const shift = new Float64Array(T).fill(-Infinity);
  for (let j = 0; j < M; j++) for (let t = 0; t < T; t++) shift[t] = Math.max(shift[t], S[j * T + t]);
  if (outsideOption) for (let t = 0; t < T; t++) shift[t] = Math.max(shift[t], outsideOption[t]);

  const shiftedExp = new Float64Array(M * T);
  for (let j = 0; j < M; j++) {
    for (let t = 0; t < T; t++) shiftedExp[j * T + t] = Math.exp((S[j * T + t] - shift[t]) / tau);
  }
  const outsideExp = outsideOption
    ? Float64Array.from(outsideOption, (r, t) => Math.exp((r - shift[t]) / tau))
    : null;
  const shiftedExpByType = new Float64Array(M * T);
  for (let j = 0; j < M; j++) for (let t = 0; t < T; t++) shiftedExpByType[t * M + j] = shiftedExp[j * T + t];
  return { market, shiftedExp, shiftedExpByType, outsideExp, sortedRewards: null, sortedModels: null };
}

function prepareHardmaxKernel(market: Market): KernelMarket {
  const { numModels: M, numTypes: T, rewards: S } = market;
  const sortedRewards = new Float64Array(M * T);
  const sortedModels = new Int32Array(M * T);
  const order = Array.from({ length: M }, (_, j) => j);
  for (let t = 0; t < T; t++) {
    order.sort((a, b) => S[b * T + t] - S[a * T + t] || a - b);
    order.forEach((j, r) => {
      sortedModels[t * M + r] = j;
      sortedRewards[t * M + r] = S[j * T + t];
    });
  }
  return { market, shiftedExp: null, shiftedExpByType: null, outsideExp: null, sortedRewards, sortedModels };
}

/** Returns an empty summary (outside option only) with room for `capacity` platforms. */
export function emptySummary(kernel: KernelMarket, capacity: number): OpponentSummary {
  const T = kernel.market.numTypes;
  const summary: OpponentSummary = {
    size: 0,
    models: new Int32Array(Math.max(1, capacity)),
    best: new Float64Array(T),
    bestCount: new Float64Array(T),
    expSum: new Float64Array(T),
  };
  resetSummary(kernel, summary);
  return summary;
}

export function resetSummary(kernel: KernelMarket, summary: OpponentSummary): void {
  const outside = kernel.market.outsideOption;
  summary.size = 0;
  if (outside) {
    summary.best.set(outside);
    summary.bestCount.fill(1);
  } else {
    summary.best.fill(-Infinity);
    summary.bestCount.fill(0);
  }
  if (kernel.outsideExp) summary.expSum.set(kernel.outsideExp);
  else summary.expSum.fill(0);
}

/** Copies `from` into `to` (same market). */
export function copySummary(from: OpponentSummary, to: OpponentSummary): void {
  to.size = from.size;
  to.models.set(from.models.subarray(0, from.size));
  to.best.set(from.best);
  to.bestCount.set(from.bestCount);
  to.expSum.set(from.expSum);
}

/** Adds one platform deploying `model` to the summary. */
export function addOpponent(kernel: KernelMarket, summary: OpponentSummary, model: number): void {
  const { numTypes: T, rewards: S } = kernel.market;
  summary.models[summary.size++] = model;

  const row = model * T;
  if (kernel.shiftedExp) {
    const e = kernel.shiftedExp;
    for (let t = 0; t < T; t++) summary.expSum[t] += e[row + t];
    return;
  }
  const { best, bestCount } = summary;
  for (let t = 0; t < T; t++) {
    const r = S[row + t];
    if (r > best[t]) {
      best[t] = r;
      bestCount[t] = 1;
    } else if (r === best[t]) {
      bestCount[t] += 1;
    }
  }
}

/** Builds the summary of the platforms in `profile` other than `skip`. */
export function summarizeOthers(
  kernel: KernelMarket,
  profile: ArrayLike<number>,
  skip: number,
  summary: OpponentSummary,
): void {
  resetSummary(kernel, summary);
  for (let i = 0; i < profile.length; i++) if (i !== skip) addOpponent(kernel, summary, profile[i]);
}

/**
 * Writes into `out[k]` the market share a platform would get by deploying
 * model k against the summarised others, for every model k. Cost O(M · T),
 * or O(M · T · N) under hardmax with a tie tolerance.
 */
export function writeDeviationPayoffs(kernel: KernelMarket, summary: OpponentSummary, out: Float64Array): void {
  const { market } = kernel;
  if (kernel.shiftedExpByType) {
    writeSoftmaxDeviations(kernel, summary, out);
  } else if (market.choice.rule === 'hardmax' && market.choice.tieTolerance > 0) {
    writeTolerantHardmaxDeviations(kernel, summary, out);
  } else {
    writeExactHardmaxDeviations(kernel, summary, out);
  }
}

/**
 * Exact-tie hardmax: per type, the models whose reward beats the others'
 * best b_θ form a prefix of the type's descending order, found by binary
 * search, and the models tied with b_θ follow it. Cost per type is the
 * prefix length plus log M, well below M for typical opponents.
 */
function writeExactHardmaxDeviations(kernel: KernelMarket, summary: OpponentSummary, out: Float64Array): void {
  const { numModels: M, numTypes: T, weights } = kernel.market;
  const values = kernel.sortedRewards!;
  const models = kernel.sortedModels!;
  const { best, bestCount } = summary;
  out.fill(0);

  for (let t = 0; t < T; t++) {
    const base = t * M;
    const b = best[t];
    const w = weights[t];

    // First position whose reward is ≤ b.
    let lo = 0;
    let hi = M;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[base + mid] > b) lo = mid + 1;
      else hi = mid;
    }
    for (let r = 0; r < lo; r++) out[models[base + r]] += w;

    const tied = w / (bestCount[t] + 1);
    for (let r = lo; r < M && values[base + r] === b; r++) out[models[base + r]] += tied;
  }
}

function writeSoftmaxDeviations(kernel: KernelMarket, summary: OpponentSummary, out: Float64Array): void {
  const { numModels: M, numTypes: T, weights, rewards: S } = kernel.market;
  const e = kernel.shiftedExpByType!;
  const Z = summary.expSum;
  const tau = kernel.market.choice.rule === 'softmax' ? kernel.market.choice.temperature : 1;
  out.fill(0);

  let logZ: Float64Array | null = null;
  for (let t = 0; t < T; t++) {
    const base = t * M;
    const w = weights[t];
    const z = Z[t];
    if (z > 1e-300) {
      for (let k = 0; k < M; k++) {
        const ek = e[base + k];
        out[k] += (w * ek) / (ek + z);
      }
    } else {
      // Every opponent's shifted term underflowed: use log-domain sums.
      logZ ??= othersLogSum(kernel, summary, tau);
      for (let k = 0; k < M; k++) out[k] += w / (1 + Math.exp(logZ[t] - S[k * T + t] / tau));
    }
  }
}

/** Returns log Σ_others exp(S/τ) per type, computed without underflow. */
function othersLogSum(kernel: KernelMarket, summary: OpponentSummary, tau: number): Float64Array {
  const { numTypes: T, rewards: S, outsideOption } = kernel.market;
  const logZ = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let max = outsideOption ? outsideOption[t] / tau : -Infinity;
    for (let i = 0; i < summary.size; i++) max = Math.max(max, S[summary.models[i] * T + t] / tau);
    if (max === -Infinity) {
      logZ[t] = -Infinity;
      continue;
    }
    let total = outsideOption ? Math.exp(outsideOption[t] / tau - max) : 0;
    for (let i = 0; i < summary.size; i++) total += Math.exp(S[summary.models[i] * T + t] / tau - max);
    logZ[t] = max + Math.log(total);
  }
  return logZ;
}

function writeTolerantHardmaxDeviations(kernel: KernelMarket, summary: OpponentSummary, out: Float64Array): void {
  const { numModels: M, numTypes: T, weights, rewards: S, outsideOption } = kernel.market;
  const tol = kernel.market.choice.rule === 'hardmax' ? kernel.market.choice.tieTolerance : 0;
  const { size, models } = summary;

  for (let k = 0; k < M; k++) {
    let share = 0;
    for (let t = 0; t < T; t++) {
      const own = S[k * T + t];
      let max = own;
      if (outsideOption) max = Math.max(max, outsideOption[t]);
      for (let i = 0; i < size; i++) max = Math.max(max, S[models[i] * T + t]);

      const threshold = max - tol;
      if (own < threshold) continue;
      let winners = 1;
      if (outsideOption && outsideOption[t] >= threshold) winners++;
      for (let i = 0; i < size; i++) if (S[models[i] * T + t] >= threshold) winners++;
      share += weights[t] / winners;
    }
    out[k] = share;
  }
}
