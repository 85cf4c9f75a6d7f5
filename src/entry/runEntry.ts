/**
 * Strategic entry end to end: find the incumbent profile, train the entrant
 * under each requested scheme, measure each trained entrant, and optionally
 * retrain against the re-equilibrated market. Pure apart from `onStep`.
 */
import { fromParams, type MixtureParams } from '../generative/gaussianMixture.js';
import { DEFAULT_ADAM } from './adam.js';
import { entrantRewards } from './entrantObjective.js';
import type { EntryScenario } from './entryScenario.js';
import { resolveIncumbentProfile } from './incumbentProfile.js';
import { measureEntry, type EntryOutcome } from './measureEntry.js';
import { retrainEntrant, type RetrainRound } from './retrainEntrant.js';
import type { TrainingPoint } from './trainEntrant.js';
import { trainScheme, type EntryContext, type SchemeOptions, type TrainingEvent, type TrainingScheme } from './trainScheme.js';

export interface EntryOptions {
  schemes: TrainingScheme[];
  /** Model name per platform; the first pure equilibrium class when absent. */
  profile?: string[];
  steps: number;
  learningRate: number;
  restarts: number;
  seed: string;
  /** Smoothing width κ at the first and last step; default 0.1 and 0.001 times the reward range. */
  kappaStart?: number;
  kappaEnd?: number;
  /** Rounds of retraining against the re-equilibrated market; 0 turns retraining off. */
  retrainRounds: number;
  /** Maximum number of training-curve points in the report. */
  curvePoints: number;
  maxClasses?: number;
}

export const DEFAULT_ENTRY_OPTIONS: EntryOptions = {
  schemes: ['standard', 'best-response'],
  steps: 400,
  learningRate: DEFAULT_ADAM.learningRate,
  restarts: 2,
  seed: '1',
  retrainRounds: 0,
  curvePoints: 40,
};

/** Trained entrant as plain numbers: one entry per mixture component. */
export interface EntrantParameters {
  components: { weight: number; mean: number[]; sigma: number }[];
}

export interface SchemeReport extends EntryOutcome {
  /** Platform whose rivals best-response training targeted; null for standard training. */
  trainedAgainst: string | null;
  restart: number;
  averageReward: number;
  /** Expected reward S_φ(θ) per user type, and its Monte Carlo standard error (0 where exact). */
  rewards: Record<string, number>;
  rewardStdErrors: Record<string, number>;
  parameters: EntrantParameters;
  curve: TrainingPoint[];
}

export interface RetrainReport extends SchemeReport {
  converged: boolean;
  rounds: RetrainRound[];
}

export interface EntryReport {
  scenario: string;
  entrant: { name: string; provider: string };
  incumbentProfile: string[];
  incumbentIsEquilibrium: boolean;
  standard?: SchemeReport;
  bestResponse?: SchemeReport;
  retrained?: RetrainReport;
}

/** Keeps at most `maxPoints` points, evenly spaced, always with the first and the last. */
export function downsampleCurve<T>(curve: readonly T[], maxPoints: number): T[] {
  if (curve.length <= maxPoints) return [...curve];
  if (maxPoints < 2) return [curve[curve.length - 1]];
  const points: T[] = [];
  for (let n = 0; n < maxPoints; n++) points.push(curve[Math.round((n * (curve.length - 1)) / (maxPoints - 1))]);
  return points;
}

function toParameters(params: MixtureParams): EntrantParameters {
  const model = fromParams(params);
  const d = model.dimension;
  return {
    components: Array.from(model.weights, (weight, k) => ({
      weight,
      mean: Array.from(model.means.subarray(k * d, (k + 1) * d)),
      sigma: model.sigmas[k],
    })),
  };
}

function byType(names: string[], values: Float64Array): Record<string, number> {
  return Object.fromEntries(names.map((name, t) => [name, values[t]]));
}

function report(
  scenario: EntryScenario,
  context: EntryContext,
  params: MixtureParams,
  training: { platform: string | null; restart: number; curve: TrainingPoint[] },
  options: EntryOptions,
): SchemeReport {
  const rewards = entrantRewards(params, scenario.problem.rewardFunctions, scenario.problem.bank);
  const outcome = measureEntry(
    scenario.market,
    context.profile,
    { name: scenario.entrantName, provider: scenario.entrantProvider, rewards: rewards.values },
    { maxClasses: options.maxClasses },
  );
  const names = scenario.market.typeNames;
  return {
    ...outcome,
    trainedAgainst: training.platform,
    restart: training.restart,
    averageReward: scenario.market.weights.reduce((sum, w, t) => sum + w * rewards.values[t], 0),
    rewards: byType(names, rewards.values),
    rewardStdErrors: byType(names, rewards.stdErrors),
    parameters: toParameters(params),
    curve: downsampleCurve(training.curve, options.curvePoints),
  };
}

/** Runs entry for every requested scheme and returns the side-by-side report. */
export function runEntry(
  scenario: EntryScenario,
  options: EntryOptions,
  onStep?: (event: TrainingEvent) => void,
): EntryReport {
  const { market } = scenario;
  const incumbent = resolveIncumbentProfile(market, options.profile, options.maxClasses);
  const context: EntryContext = {
    market,
    profile: incumbent.profile,
    problem: scenario.problem,
    entrantName: scenario.entrantName,
    entrantProvider: scenario.entrantProvider,
  };
  const schemeOptions: SchemeOptions = {
    schedule: {
      steps: options.steps,
      adam: { ...DEFAULT_ADAM, learningRate: options.learningRate },
      kappaStart: options.kappaStart ?? 0.1 * scenario.rewardRange,
      kappaEnd: options.kappaEnd ?? 0.001 * scenario.rewardRange,
    },
    restarts: options.restarts,
    idealPointStarts: true,
    seed: options.seed,
    restartSpread: scenario.spatialSpread,
  };

  const result: EntryReport = {
    scenario: market.name,
    entrant: { name: scenario.entrantName, provider: scenario.entrantProvider },
    incumbentProfile: Array.from(incumbent.profile, (j) => market.modelNames[j]),
    incumbentIsEquilibrium: incumbent.isEquilibrium,
  };

  if (options.schemes.includes('standard')) {
    const run = trainScheme(context, 'standard', scenario.initial, schemeOptions, onStep);
    result.standard = report(scenario, context, run.params, run, options);
  }

  const wantsBestResponse = options.schemes.includes('best-response') || options.retrainRounds > 0;
  if (!wantsBestResponse) return result;

  const run = trainScheme(context, 'best-response', scenario.initial, schemeOptions, onStep);
  if (options.schemes.includes('best-response')) {
    result.bestResponse = report(scenario, context, run.params, run, options);
  }
  if (options.retrainRounds > 0) {
    const retrained = retrainEntrant(context, run.params, run.curve, schemeOptions, options.retrainRounds, onStep);
    const trainedRounds = retrained.rounds.filter((r) => r.platform !== null);
    const lastPlatform = trainedRounds.at(-1)?.platform ?? run.platform;
    const training = { platform: lastPlatform, restart: 0, curve: retrained.curve };
    result.retrained = {
      ...report(scenario, context, retrained.params, training, options),
      converged: retrained.converged,
      rounds: retrained.rounds,
    };
  }
  return result;
}
