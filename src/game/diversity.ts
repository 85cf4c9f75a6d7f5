/**
 * Diversity of a market outcome: how many distinct models are deployed,
 * how concentrated platform shares are, and how evenly users spread over
 * models.
 */

/** Returns the number of distinct models in `profile`. */
export function distinctModels(profile: ArrayLike<number>): number {
  return new Set(Array.from(profile)).size;
}

/** Returns the Herfindahl index Σ_i u_i² of platform shares. */
export function herfindahl(shares: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i++) sum += shares[i] * shares[i];
  return sum;
}

/**
 * Returns the entropy (in nats) of the distribution of served users over
 * models, Σ −q log q with q the share served by each model divided by the
 * total served.
 */
export function modelEntropy(profile: ArrayLike<number>, shares: ArrayLike<number>): number {
  const byModel = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.length; i++) {
    byModel.set(profile[i], (byModel.get(profile[i]) ?? 0) + shares[i]);
    total += shares[i];
  }
  if (total <= 0) return 0;

  let entropy = 0;
  for (const served of byModel.values()) {
    const q = served / total;
    if (q > 0) entropy -= q * Math.log(q);
  }
  return entropy;
}
