/**
 * Market outcome of an entrant: the share it captures on entry, whether the
 * enlarged pool has pure equilibria that deploy it, where best-response
 * dynamics from the incumbent equilibrium lead, and the provider payoff,
 * welfare and diversity before and after.
 */
import { DEFAULT_NASH_TOLERANCE } from '../game/bestResponse.js';
import { distinctModels } from '../game/diversity.js';
import { enumerateEquilibria } from '../game/enumerateEquilibria.js';
import { profilePayoffs } from '../game/profilePayoffs.js';
import type { Market } from '../market/market.js';
import { runBestResponseDynamics } from './bestResponseDynamics.js';
import { enlargeMarket, switchPlatform, type EntrantRow } from './enlargeMarket.js';

export interface EntryOutcome {
  /** Platform that captures the most by switching to the entrant on entry (lowest index on ties). */
  platform: string;
  /** Share of that platform when it alone switches to the entrant, the others keeping a*. */
  captureShare: number;
  /** Whether at least one pure Nash equilibrium of the enlarged pool deploys the entrant. */
  adoptedAtEquilibrium: boolean;
  /** Pure equilibrium classes of the enlarged pool, and how many of them deploy the entrant. */
  equilibriumClasses: number;
  equilibriumClassesWithEntrant: number;
  /** Best-response dynamics in the enlarged pool, started from a*. */
  dynamics: { converged: boolean; profile: string[]; switches: number; rounds: number };
  /** Total share of the provider's models at a* and at the end of the dynamics. */
  providerPayoffBefore: number;
  providerPayoff: number;
  /** Welfare W = Σ_θ π_θ Σ_i P_i(θ) S[a_i][θ] at a* and at the end of the dynamics. */
  welfareBefore: number;
  welfareAfter: number;
  distinctModelsBefore: number;
  distinctModelsAfter: number;
}

export interface MeasureOptions {
  tolerance?: number;
  maxClasses?: number;
}

function providerShare(market: Market, profile: Int32Array, shares: Float64Array, provider: string): number {
  let total = 0;
  profile.forEach((model, i) => {
    if (market.providers[model] === provider) total += shares[i];
  });
  return total;
}

/** Measures the entry of `entrant` into `market` sitting at the profile `equilibrium`. */
export function measureEntry(
  market: Market,
  equilibrium: Int32Array,
  entrant: EntrantRow,
  options: MeasureOptions = {},
): EntryOutcome {
  const tolerance = options.tolerance ?? DEFAULT_NASH_TOLERANCE;
  const enlarged = enlargeMarket(market, entrant);
  const entrantIndex = market.numModels;
  const names = (profile: Int32Array) => Array.from(profile, (j) => enlarged.modelNames[j]);

  let platform = 0;
  let captureShare = -Infinity;
  for (let i = 0; i < equilibrium.length; i++) {
    const share = profilePayoffs(enlarged, switchPlatform(equilibrium, i, entrantIndex)).shares[i];
    if (share > captureShare) {
      captureShare = share;
      platform = i;
    }
  }

  const classes = enumerateEquilibria(
    { ...enlarged, numPlatforms: equilibrium.length },
    { tolerance, maxClasses: options.maxClasses },
  );
  const withEntrant = classes.filter((c) => c.profile.includes(entrantIndex)).length;

  const dynamics = runBestResponseDynamics(enlarged, equilibrium, undefined, tolerance);
  const before = profilePayoffs(market, equilibrium);
  const after = profilePayoffs(enlarged, dynamics.profile);

  return {
    platform: market.platformNames[platform],
    captureShare,
    adoptedAtEquilibrium: withEntrant > 0,
    equilibriumClasses: classes.length,
    equilibriumClassesWithEntrant: withEntrant,
    dynamics: {
      converged: dynamics.converged,
      profile: names(dynamics.profile),
      switches: dynamics.switches,
      rounds: dynamics.rounds,
    },
    providerPayoffBefore: providerShare(market, equilibrium, before.shares, entrant.provider),
    providerPayoff: providerShare(enlarged, dynamics.profile, after.shares, entrant.provider),
    welfareBefore: before.welfare,
    welfareAfter: after.welfare,
    distinctModelsBefore: distinctModels(equilibrium),
    distinctModelsAfter: distinctModels(dynamics.profile),
  };
}
