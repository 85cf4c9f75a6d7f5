/**
 * Gradient training of one entrant model from one starting point: Adam
 * ascent on the standard or the best-response objective, with the hardmax
 * smoothing width κ annealed geometrically from `kappaStart` to `kappaEnd`.
 */
import { cloneParams, flattenParams, unflattenParams, componentCount, type MixtureParams } from '../generative/gaussianMixture.js';
import type { NormalBank } from '../generative/normalBank.js';
import type { RewardFunction } from '../generative/rewardFunction.js';
import { adamAscentStep, createAdamState, type AdamSettings } from './adam.js';
import {
  averageRewardObjective,
  entrantRewards,
  smoothedShareObjective,
  type ObjectiveValue,
} from './entrantObjective.js';

/** Data every objective needs: population weights, reward functions and Monte Carlo draws. */
export interface EntrantProblem {
  weights: Float64Array;
  rewardFunctions: RewardFunction[];
  bank: NormalBank;
}

/** Objective of a training run: the average reward, or the share against given rival rewards. */
export type TrainingTarget =
  | { scheme: 'standard' }
  | {
      scheme: 'best-response';
      /** Competing reward b_θ per user type (see `competingRewards`). */
      thresholds: Float64Array;
      /** Softmax temperature τ, used as a fixed κ; null under hardmax. */
      temperature: number | null;
    };

export interface TrainingSchedule {
  steps: number;
  adam: AdamSettings;
  /** Smoothing width κ at the first and the last step, in reward units (hardmax only). */
  kappaStart: number;
  kappaEnd: number;
}

/** One step of a training curve, measured before the step's update. */
export interface TrainingPoint {
  step: number;
  /** Objective being maximised: average reward (standard) or smoothed share (best response). */
  objective: number;
  averageReward: number;
  /** Smoothing width κ, or null for standard training. */
  kappa: number | null;
}

export interface TrainingRun {
  params: MixtureParams;
  curve: TrainingPoint[];
}

/** Bounds on log σ that keep widths in [1e-3, 1e3] so no step collapses or explodes a component. */
export const LOG_SIGMA_RANGE: readonly [number, number] = [Math.log(1e-3), Math.log(1e3)];

/** Returns κ at `step` of a geometric schedule from `kappaStart` to `kappaEnd`. */
export function annealedKappa(schedule: TrainingSchedule, step: number): number {
  if (schedule.steps <= 1) return schedule.kappaEnd;
  const fraction = step / (schedule.steps - 1);
  return schedule.kappaStart * Math.pow(schedule.kappaEnd / schedule.kappaStart, fraction);
}

function evaluateObjective(
  problem: EntrantProblem,
  target: TrainingTarget,
  params: MixtureParams,
  kappa: number | null,
): { objective: ObjectiveValue; averageReward: number } {
  const rewards = entrantRewards(params, problem.rewardFunctions, problem.bank);
  const average = averageRewardObjective(params, rewards, problem.weights);
  if (target.scheme === 'standard') return { objective: average, averageReward: average.value };
  const share = smoothedShareObjective(params, rewards, problem.weights, target.thresholds, kappa!);
  return { objective: share, averageReward: average.value };
}

/**
 * Runs `schedule.steps` Adam steps from `initial` and returns the final
 * parameters and the curve. Deterministic: the only randomness is the
 * seeded bank in `problem`.
 */
export function trainEntrant(
  problem: EntrantProblem,
  target: TrainingTarget,
  initial: MixtureParams,
  schedule: TrainingSchedule,
  onStep?: (point: TrainingPoint) => void,
): TrainingRun {
  const { dimension } = initial;
  const components = componentCount(initial);
  const flat = flattenParams(initial);
  const state = createAdamState(flat.length);
  const sigmaOffset = components * dimension;
  const curve: TrainingPoint[] = [];

  for (let step = 0; step < schedule.steps; step++) {
    let kappa: number | null = null;
    if (target.scheme === 'best-response') {
      kappa = target.temperature ?? annealedKappa(schedule, step);
    }
    const params = unflattenParams(flat, dimension, components);
    const { objective, averageReward } = evaluateObjective(problem, target, params, kappa);
    const point = { step, objective: objective.value, averageReward, kappa };
    curve.push(point);
    onStep?.(point);

    adamAscentStep(flat, objective.gradient, state, schedule.adam);
    for (let k = 0; k < components; k++) {
      const index = sigmaOffset + k;
      flat[index] = Math.min(LOG_SIGMA_RANGE[1], Math.max(LOG_SIGMA_RANGE[0], flat[index]));
    }
  }
  return { params: cloneParams(unflattenParams(flat, dimension, components)), curve };
}
