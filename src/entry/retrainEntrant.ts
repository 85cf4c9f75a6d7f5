/**
 * Best-response training against the market that re-equilibrates after
 * entry. Each round lets best-response dynamics run from a* in the pool
 * with the current entrant, then retrains the entrant, warm-started, against
 * the rivals of the platform that deploys it there (or of every platform
 * when none does). The loop has converged when the dynamics reach the same
 * pure equilibrium twice in a row, because the entrant trained against that
 * equilibrium then leads the market back to it.
 */
import { flattenParams, type MixtureParams } from '../generative/gaussianMixture.js';
import { runBestResponseDynamics } from './bestResponseDynamics.js';
import { entrantRewards } from './entrantObjective.js';
import { enlargeMarket } from './enlargeMarket.js';
import { trainScheme, type EntryContext, type SchemeOptions, type TrainingEvent } from './trainScheme.js';
import type { TrainingPoint } from './trainEntrant.js';

export interface RetrainRound {
  round: number;
  /** Profile the dynamics reach from a* with the entrant of the previous round. */
  equilibrium: string[];
  dynamicsConverged: boolean;
  /** Platform whose rivals the round trained against, or null when the loop stopped before training. */
  platform: string | null;
  /** Engine share of that platform with the retrained entrant, or null when the loop stopped before training. */
  captureShare: number | null;
  /** Largest change of any unconstrained parameter in the round. */
  parameterChange: number;
}

export interface RetrainResult {
  converged: boolean;
  rounds: RetrainRound[];
  params: MixtureParams;
  /** Training curve of the last round that trained. */
  curve: TrainingPoint[];
}

function largestChange(before: MixtureParams, after: MixtureParams): number {
  const a = flattenParams(before);
  const b = flattenParams(after);
  let max = 0;
  for (let p = 0; p < a.length; p++) max = Math.max(max, Math.abs(a[p] - b[p]));
  return max;
}

/** Alternates equilibrium finding and best-response training for at most `maxRounds` rounds. */
export function retrainEntrant(
  context: EntryContext,
  trained: MixtureParams,
  curve: TrainingPoint[],
  options: SchemeOptions,
  maxRounds: number,
  onStep?: (event: TrainingEvent) => void,
): RetrainResult {
  const rounds: RetrainRound[] = [];
  let params = trained;
  let lastCurve = curve;
  let previousKey: string | null = null;

  for (let round = 1; round <= maxRounds; round++) {
    const { values } = entrantRewards(params, context.problem.rewardFunctions, context.problem.bank);
    // The entrant of the previous round joins the pool under its own name, so
    // the retrained entrant can be appended next to it.
    const previousName = `${context.entrantName}@round${round - 1}`;
    const pool = enlargeMarket(context.market, { name: previousName, provider: context.entrantProvider, rewards: values });
    const dynamics = runBestResponseDynamics(pool, context.profile);
    const equilibrium = Array.from(dynamics.profile, (j) =>
      j === context.market.numModels ? context.entrantName : pool.modelNames[j],
    );
    const key = equilibrium.join(',');

    if (dynamics.converged && key === previousKey) {
      rounds.push({ round, equilibrium, dynamicsConverged: true, platform: null, captureShare: null, parameterChange: 0 });
      return { converged: true, rounds, params, curve: lastCurve };
    }

    const deploying = Array.from(dynamics.profile).indexOf(context.market.numModels);
    const run = trainScheme(
      {
        ...context,
        market: pool,
        profile: dynamics.profile,
        targetPlatforms: deploying >= 0 ? [deploying] : undefined,
      },
      'best-response',
      params,
      { ...options, restarts: 0, idealPointStarts: false },
      (event) => onStep?.({ ...event, round }),
    );
    rounds.push({
      round,
      equilibrium,
      dynamicsConverged: dynamics.converged,
      platform: run.platform,
      captureShare: run.score,
      parameterChange: largestChange(params, run.params),
    });
    params = run.params;
    lastCurve = run.curve;
    previousKey = key;
  }
  return { converged: false, rounds, params, curve: lastCurve };
}
