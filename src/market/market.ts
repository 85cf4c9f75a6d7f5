/**
 * The market data every layer of genmarket reads: user types with weights,
 * a model pool with its expected-reward matrix S, the platforms and the
 * user choice rule. Numbers live in typed arrays so the hot paths index
 * them directly.
 */

/** Rule by which users of one type split over the deployed models. */
export type ChoiceRule =
  | {
      rule: 'hardmax';
      /** Two rewards within this distance count as tied; 0 means exact. */
      tieTolerance: number;
    }
  | {
      rule: 'softmax';
      /** Logit temperature τ > 0, in reward units. */
      temperature: number;
    };

export interface Market {
  name: string;
  /** User type names θ = 0..T-1. */
  typeNames: string[];
  /** Population weights π_θ, normalised to sum to 1. */
  weights: Float64Array;
  /** Model names j = 0..M-1. */
  modelNames: string[];
  /** Provider of each model, or the model's own name when none is given. */
  providers: string[];
  /** Expected rewards, row-major: rewards[j * T + θ] = S[j][θ]. */
  rewards: Float64Array;
  /**
   * Standard deviation of each reward, same layout as `rewards`, when the
   * scenario gives one (rating noise for stochastic evaluation).
   */
  rewardStdDevs: Float64Array | null;
  /** Reward of the outside option per user type, or null when absent. */
  outsideOption: Float64Array | null;
  platformNames: string[];
  /** Model index each platform starts with, or null when unspecified. */
  initialProfile: Int32Array | null;
  choice: ChoiceRule;
  numTypes: number;
  numModels: number;
  numPlatforms: number;
}

/** Returns S[j][θ]. */
export function reward(market: Market, model: number, type: number): number {
  return market.rewards[model * market.numTypes + type];
}

/** Returns the π-weighted average reward of every model. */
export function averageRewards(market: Market): Float64Array {
  const { numModels, numTypes, weights, rewards } = market;
  const averages = new Float64Array(numModels);
  for (let j = 0; j < numModels; j++) {
    let sum = 0;
    for (let t = 0; t < numTypes; t++) sum += weights[t] * rewards[j * numTypes + t];
    averages[j] = sum;
  }
  return averages;
}

/** Returns the market with `choice` replaced, sharing all arrays. */
export function withChoice(market: Market, choice: ChoiceRule): Market {
  return { ...market, choice };
}

/** Returns the market with a different platform count and default names. */
export function withPlatformCount(market: Market, numPlatforms: number): Market {
  const platformNames = Array.from({ length: numPlatforms }, (_, i) => `P${i + 1}`);
  return { ...market, numPlatforms, platformNames, initialProfile: null };
}

/** Returns the market restricted to the given models, in the given order. */
export function withModels(market: Market, models: readonly number[]): Market {
  const T = market.numTypes;
  const rewards = new Float64Array(models.length * T);
  const sds = market.rewardStdDevs ? new Float64Array(models.length * T) : null;
  models.forEach((j, row) => {
    rewards.set(market.rewards.subarray(j * T, (j + 1) * T), row * T);
    if (sds && market.rewardStdDevs) {
      sds.set(market.rewardStdDevs.subarray(j * T, (j + 1) * T), row * T);
    }
  });
  return {
    ...market,
    modelNames: models.map((j) => market.modelNames[j]),
    providers: models.map((j) => market.providers[j]),
    rewards,
    rewardStdDevs: sds,
    numModels: models.length,
    initialProfile: null,
  };
}
