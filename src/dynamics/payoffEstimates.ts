/**
 * Step (4a) of a round: the payoff each model would give a revising
 * platform against the others' current models, as the platform estimates
 * it.
 *
 * - exact: the market shares under π, from the DeviationEvaluator (the
 *   model's complete information).
 * - sample: the same computation with π replaced by the round's sampled
 *   type mix.
 * - learned: the running mean of the shares the platform realised with
 *   each model it has deployed. Untried models are estimated at +∞, so a
 *   learner tries each model before settling.
 *
 * With rating noise, exact and sample estimates use rewards drawn afresh
 * each round from Normal(S, σ) instead of S; users still choose by S.
 */
import { DeviationEvaluator } from '../game/bestResponse.js';
import { prepareKernel } from '../game/opponentSummary.js';
import type { Market } from '../market/market.js';
import { standardNormal, type Rng } from '../random/rng.js';
import type { Estimates } from './options.js';

/** Running means of realised shares per platform and model, row-major by platform. */
export interface LearnerState {
  means: number[];
  counts: number[];
}

export class PayoffEstimator {
  /** Market seen by the evaluator: its weights and rewards are overwritten per round when sampled or noisy. */
  private readonly estimationMarket: Market;
  private readonly evaluator: DeviationEvaluator;
  private readonly learnedMeans: Float64Array;
  private readonly learnedCounts: Float64Array;
  private readonly learnedPayoffs: Float64Array;

  constructor(
    private readonly market: Market,
    private readonly estimates: Estimates,
    private readonly ratingNoise: boolean,
    tolerance?: number,
  ) {
    const { numModels: M, numPlatforms: N } = market;
    const sampled = estimates === 'sample';
    this.estimationMarket = {
      ...market,
      weights: sampled ? Float64Array.from(market.weights) : market.weights,
      rewards: ratingNoise ? Float64Array.from(market.rewards) : market.rewards,
    };
    this.evaluator = new DeviationEvaluator(this.estimationMarket, tolerance);
    const learned = estimates === 'learned';
    this.learnedMeans = new Float64Array(learned ? N * M : 0);
    this.learnedCounts = new Float64Array(learned ? N * M : 0);
    this.learnedPayoffs = new Float64Array(learned ? M : 0);
    if (ratingNoise && !market.rewardStdDevs) {
      throw new Error('rating noise needs reward standard deviations in the market');
    }
  }

  /** Tolerance of the evaluator: payoffs closer than this count as equal. */
  get tolerance(): number {
    return this.evaluator.tolerance;
  }

  /**
   * Updates the learners with the shares realised this round. Every
   * platform observes its own share, whether or not it revises.
   */
  observe(profile: Int32Array, shares: Float64Array): void {
    if (this.estimates !== 'learned') return;
    const M = this.market.numModels;
    for (let i = 0; i < profile.length; i++) {
      const cell = i * M + profile[i];
      const count = ++this.learnedCounts[cell];
      this.learnedMeans[cell] += (shares[i] - this.learnedMeans[cell]) / count;
    }
  }

  /**
   * Prepares the round's estimates: copies the sampled type mix and draws
   * the noisy rewards. Call once per round before `estimate`, and only in
   * rounds where some platform revises.
   */
  prepareRound(rng: Rng, typeWeights: Float64Array): void {
    if (this.estimates === 'learned') return;
    if (this.estimates === 'sample') this.estimationMarket.weights.set(typeWeights);
    if (this.ratingNoise) this.drawNoisyRewards(rng);
  }

  private drawNoisyRewards(rng: Rng): void {
    const means = this.market.rewards;
    const deviations = this.market.rewardStdDevs!;
    const noisy = this.estimationMarket.rewards;
    for (let c = 0; c < means.length; c++) {
      const sd = deviations[c];
      noisy[c] = sd > 0 ? means[c] + sd * standardNormal(rng) : means[c];
    }
    // The kernel caches arrays derived from S (sorted rewards under hardmax,
    // shifted exponentials under softmax), so rebuild them for the new draw.
    Object.assign(this.evaluator.kernel, prepareKernel(this.estimationMarket));
  }

  /**
   * Returns platform `platform`'s estimated payoff of every model against
   * the other platforms' models in `profile`. The returned array is reused
   * by the next call.
   */
  estimate(profile: Int32Array, platform: number): Float64Array {
    if (this.estimates !== 'learned') {
      this.evaluator.evaluate(profile, platform);
      return this.evaluator.payoffs;
    }
    const M = this.market.numModels;
    const row = platform * M;
    for (let k = 0; k < M; k++) {
      this.learnedPayoffs[k] = this.learnedCounts[row + k] > 0 ? this.learnedMeans[row + k] : Infinity;
    }
    return this.learnedPayoffs;
  }

  learnerState(): LearnerState | null {
    if (this.estimates !== 'learned') return null;
    return { means: Array.from(this.learnedMeans), counts: Array.from(this.learnedCounts) };
  }

  restoreLearner(state: LearnerState): void {
    this.learnedMeans.set(state.means);
    this.learnedCounts.set(state.counts);
  }
}
