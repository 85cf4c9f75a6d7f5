/**
 * Everything entry needs from a validated scenario: the incumbent market,
 * the user reward functions, the Monte Carlo draws, the entrant's name,
 * provider and starting distribution, and the scales that size the
 * default smoothing width and restart spread.
 */
import { InputError } from '../errors.js';
import { gaussian, toParams, type MixtureParams } from '../generative/gaussianMixture.js';
import { createNormalBank } from '../generative/normalBank.js';
import type { RewardFunction } from '../generative/rewardFunction.js';
import { toMixture, toMonteCarloSettings, toRewardFunction } from '../generative/scenarioModels.js';
import { buildMarket } from '../market/loadScenario.js';
import type { Market } from '../market/market.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import type { EntrantProblem } from './trainEntrant.js';

export interface EntryScenario {
  market: Market;
  problem: EntrantProblem;
  entrantName: string;
  entrantProvider: string;
  /** Starting parameters of training: the scenario's entrant distribution, or N(0, I). */
  initial: MixtureParams;
  /** max − min of the incumbents' expected rewards and the outside option, or 1 when they are all equal. */
  rewardRange: number;
  /**
   * Root mean square distance of the user ideal points and incumbent means
   * from their centroid, or 1 when there are fewer than two such points.
   */
  spatialSpread: number;
}

function referencePoints(scenario: ScenarioFile, rewardFunctions: RewardFunction[]): Float64Array[] {
  const points: Float64Array[] = [];
  for (const reward of rewardFunctions) {
    if (reward.kind !== 'linearSigmoid') points.push(reward.center);
  }
  for (const model of scenario.models) {
    if (model.distribution === undefined) continue;
    const mixture = toMixture(model.distribution);
    for (let k = 0; k < mixture.weights.length; k++) {
      points.push(mixture.means.subarray(k * mixture.dimension, (k + 1) * mixture.dimension));
    }
  }
  return points;
}

function rootMeanSquareSpread(points: Float64Array[]): number {
  if (points.length < 2) return 1;
  const d = points[0].length;
  const centroid = new Float64Array(d);
  for (const p of points) for (let i = 0; i < d; i++) centroid[i] += p[i] / points.length;
  let sum = 0;
  for (const p of points) for (let i = 0; i < d; i++) sum += (p[i] - centroid[i]) ** 2;
  const spread = Math.sqrt(sum / points.length);
  return spread > 1e-9 ? spread : 1;
}

function rangeOf(market: Market): number {
  let min = Infinity;
  let max = -Infinity;
  const values = market.outsideOption ? [...market.rewards, ...market.outsideOption] : market.rewards;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return max > min ? max - min : 1;
}

/** Builds the entry data of a validated scenario; rejects scenarios without reward functions. */
export function prepareEntryScenario(scenario: ScenarioFile): EntryScenario {
  const missing = scenario.userTypes.findIndex((t) => t.reward === undefined);
  if (missing >= 0) {
    throw new InputError(
      `userTypes[${missing}].reward is missing: entry trains a generative model, so every user type needs a reward function`,
    );
  }
  // The schema requires outputSpace whenever user types have reward functions.
  const dimension = scenario.outputSpace!.dimension;
  const rewardFunctions = scenario.userTypes.map((t) => toRewardFunction(t.reward!));
  const market = buildMarket(scenario);
  const entrantName = scenario.entrant?.name ?? 'entrant';
  const initialDistribution = scenario.entrant?.distribution;

  return {
    market,
    problem: {
      weights: market.weights,
      rewardFunctions,
      bank: createNormalBank(toMonteCarloSettings(scenario.monteCarlo), dimension),
    },
    entrantName,
    entrantProvider: scenario.entrant?.provider ?? entrantName,
    initial: toParams(
      initialDistribution ? toMixture(initialDistribution) : gaussian(new Float64Array(dimension), 1),
    ),
    rewardRange: rangeOf(market),
    spatialSpread: rootMeanSquareSpread(referencePoints(scenario, rewardFunctions)),
  };
}
