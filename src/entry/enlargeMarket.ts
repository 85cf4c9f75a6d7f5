/**
 * The market after entry: the incumbent pool with the entrant's expected
 * rewards appended as model M.
 */
import { InputError } from '../errors.js';
import type { Market } from '../market/market.js';

/** Name, provider and expected reward per user type of an entrant model. */
export interface EntrantRow {
  name: string;
  provider: string;
  rewards: Float64Array;
}

/** Returns `market` with the entrant appended as the last model; shares no mutable arrays with it. */
export function enlargeMarket(market: Market, entrant: EntrantRow): Market {
  const T = market.numTypes;
  if (entrant.rewards.length !== T) {
    throw new Error(`Internal error: entrant has ${entrant.rewards.length} rewards for ${T} user types`);
  }
  if (market.modelNames.includes(entrant.name)) {
    throw new InputError(`entrant name "${entrant.name}" is already a model of this scenario: set entrant.name to a new name`);
  }

  const rewards = new Float64Array((market.numModels + 1) * T);
  rewards.set(market.rewards);
  rewards.set(entrant.rewards, market.numModels * T);

  let rewardStdDevs: Float64Array | null = null;
  if (market.rewardStdDevs) {
    rewardStdDevs = new Float64Array((market.numModels + 1) * T);
    rewardStdDevs.set(market.rewardStdDevs);
  }

  return {
    ...market,
    modelNames: [...market.modelNames, entrant.name],
    providers: [...market.providers, entrant.provider],
    rewards,
    rewardStdDevs,
    numModels: market.numModels + 1,
  };
}

/** Returns a copy of `profile` with platform `platform` switched to `model`. */
export function switchPlatform(profile: ArrayLike<number>, platform: number, model: number): Int32Array {
  const next = Int32Array.from(profile);
  next[platform] = model;
  return next;
}
