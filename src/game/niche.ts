/**
 * Pairwise niches under hardmax and the homogeneous-equilibrium condition.
 *
 * The niche of k against j is m(k, j) = Σ_θ π_θ [S_kθ > S_jθ], the users
 * who strictly prefer k. Without an outside option, the homogeneous
 * profile (j, …, j) with N platforms is a pure Nash equilibrium exactly
 * when (N − 1) · m(k, j) ≤ m(j, k) for every model k. A platform that leaves
 * the crowd for k trades its 1/N share of all users for k's niche.
 */
import type { Market } from '../market/market.js';

/**
 * Returns whether a and b tie under the market's hardmax rule. The test is
 * the choice rule's own, lower ≥ higher − tolerance, because |a − b| ≤ tol
 * can differ from it in the last bit of floating point.
 */
function tied(market: Market, a: number, b: number): boolean {
  const tol = market.choice.rule === 'hardmax' ? market.choice.tieTolerance : 0;
  return Math.min(a, b) >= Math.max(a, b) - tol;
}

/** Returns m(k, j), the mass of users who strictly prefer model k to model j. */
export function nicheMass(market: Market, k: number, j: number): number {
  const { numTypes: T, weights, rewards: S } = market;
  let mass = 0;
  for (let t = 0; t < T; t++) {
    const a = S[k * T + t];
    const b = S[j * T + t];
    if (a > b && !tied(market, a, b)) mass += weights[t];
  }
  return mass;
}

/** Returns A(k, j) = m(k, j) + ½ · (tied mass): k's two-platform share against j. */
export function pairwiseAdvantage(market: Market, k: number, j: number): number {
  const { numTypes: T, weights, rewards: S } = market;
  let share = 0;
  for (let t = 0; t < T; t++) {
    const a = S[k * T + t];
    const b = S[j * T + t];
    if (tied(market, a, b)) share += weights[t] / 2;
    else if (a > b) share += weights[t];
  }
  return share;
}

export interface HomogeneousCheck {
  model: number;
  /** Whether (N − 1) · m(k, j) ≤ m(j, k) is true for every rival k. */
  holds: boolean;
  /** Rival with the largest (N − 1) · m(k, j) − m(j, k), or −1 when M = 1. */
  strongestRival: number;
  /** m(strongestRival, model). */
  rivalNiche: number;
  /** m(model, strongestRival). */
  ownNiche: number;
}

/** Checks the homogeneous condition for every model with N platforms. */
export function homogeneousChecks(market: Market, numPlatforms = market.numPlatforms, tolerance = 1e-12): HomogeneousCheck[] {
  const checks: HomogeneousCheck[] = [];
  for (let j = 0; j < market.numModels; j++) {
    let worst = -Infinity;
    let rival = -1;
    for (let k = 0; k < market.numModels; k++) {
      if (k === j) continue;
      const excess = (numPlatforms - 1) * nicheMass(market, k, j) - nicheMass(market, j, k);
      if (excess > worst) {
        worst = excess;
        rival = k;
      }
    }
    checks.push({
      model: j,
      holds: rival < 0 || worst <= tolerance,
      strongestRival: rival,
      rivalNiche: rival < 0 ? 0 : nicheMass(market, rival, j),
      ownNiche: rival < 0 ? 0 : nicheMass(market, j, rival),
    });
  }
  return checks;
}
