/**
 * Best responses of one platform to the others' current models, and the
 * pure Nash equilibrium test built on them.
 *
 * A model k is a best response of platform i when
 * u_i(k, a_−i) ≥ max_k' u_i(k', a_−i) − ε. Payoffs within ε count as equal,
 * so a platform whose current model is among the best has no profitable
 * deviation.
 */
import type { Market } from '../market/market.js';
import {
  emptySummary,
  prepareKernel,
  summarizeOthers,
  writeDeviationPayoffs,
  type KernelMarket,
  type OpponentSummary,
} from './opponentSummary.js';

/** Default ε of the Nash condition u_i(k, a_−i) ≤ u_i(a) + ε. */
export const DEFAULT_NASH_TOLERANCE = 1e-12;

/**
 * Evaluates deviations for one market, reusing its buffers between calls.
 * Not safe to share between concurrent users of the same instance.
 */
export class DeviationEvaluator {
  readonly kernel: KernelMarket;
  /** Payoff of each model for the platform last evaluated. */
  readonly payoffs: Float64Array;
  private readonly summary: OpponentSummary;

  constructor(
    readonly market: Market,
    readonly tolerance = DEFAULT_NASH_TOLERANCE,
  ) {
    this.kernel = prepareKernel(market);
    this.payoffs = new Float64Array(market.numModels);
    this.summary = emptySummary(this.kernel, Math.max(1, market.numPlatforms));
  }

  /**
   * Fills `payoffs` with platform `platform`'s share for each model it
   * could deploy against the rest of `profile`, and returns the maximum.
   */
  evaluate(profile: ArrayLike<number>, platform: number): number {
    summarizeOthers(this.kernel, profile, platform, this.summary);
    writeDeviationPayoffs(this.kernel, this.summary, this.payoffs);
    let max = -Infinity;
    for (let k = 0; k < this.payoffs.length; k++) if (this.payoffs[k] > max) max = this.payoffs[k];
    return max;
  }

  /** Returns the models within ε of platform `platform`'s best payoff, ascending. */
  bestResponses(profile: ArrayLike<number>, platform: number): number[] {
    const max = this.evaluate(profile, platform);
    const best: number[] = [];
    for (let k = 0; k < this.payoffs.length; k++) if (this.payoffs[k] >= max - this.tolerance) best.push(k);
    return best;
  }

  /** Returns platform `platform`'s largest gain from switching model (≤ 0 means none). */
  deviationGain(profile: ArrayLike<number>, platform: number): number {
    const max = this.evaluate(profile, platform);
    return max - this.payoffs[profile[platform]];
  }

  /** Returns whether no platform gains more than ε by switching model. */
  isNash(profile: ArrayLike<number>): boolean {
    for (let i = 0; i < profile.length; i++) {
      if (this.deviationGain(profile, i) > this.tolerance) return false;
    }
    return true;
  }
}

/** Returns whether `profile` is a pure Nash equilibrium of `market`. */
export function isNash(market: Market, profile: ArrayLike<number>, tolerance = DEFAULT_NASH_TOLERANCE): boolean {
  return new DeviationEvaluator({ ...market, numPlatforms: profile.length }, tolerance).isNash(profile);
}
