/**
 * Training of the entrant under one scheme, from several starting points
 * and, for best-response training, against every platform's rivals.
 * The run with the best exact score wins: average reward for standard
 * training, the engine's share on entry for best-response training.
 */
import { InputError } from '../errors.js';
import { cloneParams, componentCount, type MixtureParams } from '../generative/gaussianMixture.js';
import { createNormalBank } from '../generative/normalBank.js';
import type { RewardFunction } from '../generative/rewardFunction.js';
import { profilePayoffs } from '../game/profilePayoffs.js';
import type { Market } from '../market/market.js';
import { competingRewards, entrantRewards } from './entrantObjective.js';
import { enlargeMarket, switchPlatform } from './enlargeMarket.js';
import { trainEntrant, type EntrantProblem, type TrainingPoint, type TrainingSchedule } from './trainEntrant.js';

export type TrainingScheme = 'standard' | 'best-response';

/** Incumbent market at the profile the entrant faces, and the entrant to train. */
export interface EntryContext {
  market: Market;
  profile: Int32Array;
  problem: EntrantProblem;
  entrantName: string;
  entrantProvider: string;
  /** Platforms whose rivals best-response training may target; all platforms when absent. */
  targetPlatforms?: readonly number[];
}

export interface SchemeOptions {
  schedule: TrainingSchedule;
  /** Number of seeded random starting points besides the initial one and the user ideal points. */
  restarts: number;
  /** Whether to start from the user ideal points as well as from the initial parameters. */
  idealPointStarts: boolean;
  /** Seed of the perturbations. */
  seed: string;
  /** Standard deviation of the perturbation of each mean coordinate. */
  restartSpread: number;
}

/** One training step with the run it belongs to, for logs and progress bars. */
export interface TrainingEvent extends TrainingPoint {
  scheme: TrainingScheme;
  /** Platform whose rivals the run trains against (best response only). */
  platform: string | null;
  restart: number;
  /** Round of retraining against the re-equilibrated market; absent for the first training. */
  round?: number;
}

export interface SchemeTraining {
  params: MixtureParams;
  curve: TrainingPoint[];
  /** Exact score of the chosen run. */
  score: number;
  platform: string | null;
  restart: number;
}

/**
 * Returns the starting points: `initial`, then `initial` with its first
 * component moved to each user type's ideal point (reward functions with
 * one), then `options.restarts` seeded perturbations of the initial means.
 */
export function startingPoints(
  initial: MixtureParams,
  rewardFunctions: readonly RewardFunction[],
  options: SchemeOptions,
): MixtureParams[] {
  const starts = [initial];
  const d = initial.dimension;
  for (const reward of rewardFunctions) {
    if (reward.kind === 'linearSigmoid') continue;
    const start = cloneParams(initial);
    start.means.set(reward.center.subarray(0, d), 0);
    starts.push(start);
  }

  const components = componentCount(initial);
  for (let r = 1; r <= options.restarts; r++) {
    const noise = createNormalBank({ samples: components, seed: `${options.seed}:restart:${r}` }, d);
    const start = cloneParams(initial);
    for (let i = 0; i < start.means.length; i++) start.means[i] += options.restartSpread * noise.values[i];
    starts.push(start);
  }
  return starts;
}

/** Returns each platform whose rivals differ from those of every earlier platform, with the rivals. */
export function distinctRivals(profile: Int32Array): { platform: number; others: number[] }[] {
  const seen = new Set<string>();
  const targets: { platform: number; others: number[] }[] = [];
  profile.forEach((_, i) => {
    const others = Array.from(profile).filter((__, k) => k !== i);
    const key = [...others].sort((a, b) => a - b).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ platform: i, others });
  });
  return targets;
}

/** Returns the engine's share of `platform` when it alone deploys the entrant with `params`. */
export function shareOnEntry(context: EntryContext, params: MixtureParams, platform: number): number {
  const { values } = entrantRewards(params, context.problem.rewardFunctions, context.problem.bank);
  const enlarged = enlargeMarket(context.market, {
    name: context.entrantName,
    provider: context.entrantProvider,
    rewards: values,
  });
  const profile = switchPlatform(context.profile, platform, context.market.numModels);
  return profilePayoffs(enlarged, profile).shares[platform];
}

/** Trains the entrant under `scheme` from every starting point and returns the best run. */
export function trainScheme(
  context: EntryContext,
  scheme: TrainingScheme,
  initial: MixtureParams,
  options: SchemeOptions,
  onStep?: (event: TrainingEvent) => void,
): SchemeTraining {
  const { market, problem } = context;
  const starts = startingPoints(initial, options.idealPointStarts ? problem.rewardFunctions : [], options);
  const temperature = market.choice.rule === 'softmax' ? market.choice.temperature : null;
  const allowed = context.targetPlatforms;
  const targets =
    scheme === 'standard'
      ? [null]
      : distinctRivals(context.profile).filter((t) => allowed === undefined || allowed.includes(t.platform));
  let best: SchemeTraining | null = null;

  for (const target of targets) {
    const platform = target === null ? null : market.platformNames[target.platform];
    const trainingTarget =
      target === null
        ? ({ scheme: 'standard' } as const)
        : ({ scheme: 'best-response', thresholds: competingRewards(market, target.others), temperature } as const);

    for (const [restart, start] of starts.entries()) {
      const run = trainEntrant(problem, trainingTarget, start, options.schedule, (point) =>
        onStep?.({ ...point, scheme, platform, restart }),
      );
      // A step size too large for the objective sends parameters to NaN or ±∞; such a run is discarded.
      if (!isFiniteParams(run.params)) continue;
      const score =
        target === null ? averageRewardOf(context, run.params) : shareOnEntry(context, run.params, target.platform);
      if (!Number.isFinite(score)) continue;
      if (best === null || score > best.score) {
        best = { params: run.params, curve: run.curve, score, platform, restart };
      }
    }
  }
  if (best === null) {
    throw new InputError(
      `${scheme} training diverged from every starting point (parameters became NaN or infinite): lower --learning-rate`,
    );
  }
  return best;
}

function isFiniteParams(params: MixtureParams): boolean {
  return [params.means, params.logSigmas, params.logits].every((values) => values.every(Number.isFinite));
}

function averageRewardOf(context: EntryContext, params: MixtureParams): number {
  const { values } = entrantRewards(params, context.problem.rewardFunctions, context.problem.bank);
  return context.problem.weights.reduce((sum, w, t) => sum + w * values[t], 0);
}
