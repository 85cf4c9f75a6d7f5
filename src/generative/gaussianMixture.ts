/**
 * Generative models as isotropic Gaussian mixtures on the output space R^d.
 * A single Gaussian N(μ, σ²I) is the mixture with one component.
 */

/** Mixture Σ_k w_k N(μ_k, σ_k² I) on R^d, stored in typed arrays. */
export interface GaussianMixture {
  dimension: number;
  /** Mixture weights w_k, non-negative and summing to 1. */
  weights: Float64Array;
  /** Component means, row-major: means[k * d + i] = μ_k[i]. */
  means: Float64Array;
  /** Component standard deviations σ_k > 0. */
  sigmas: Float64Array;
}

/**
 * Unconstrained parameters of a mixture, the coordinates gradient steps
 * move: means as they are, log σ_k, and logits with w = softmax(logits).
 */
export interface MixtureParams {
  dimension: number;
  means: Float64Array;
  logSigmas: Float64Array;
  logits: Float64Array;
}

/** Returns the number of mixture components K. */
export function componentCount(model: GaussianMixture | MixtureParams): number {
  return model.means.length / model.dimension;
}

/** Returns the single Gaussian N(mean, sigma² I) as a one-component mixture. */
export function gaussian(mean: ArrayLike<number>, sigma: number): GaussianMixture {
  return {
    dimension: mean.length,
    weights: Float64Array.of(1),
    means: Float64Array.from(mean),
    sigmas: Float64Array.of(sigma),
  };
}

/** Builds a mixture from components given as plain numbers. */
export function mixture(
  components: readonly { weight: number; mean: ArrayLike<number>; sigma: number }[],
): GaussianMixture {
  const dimension = components[0].mean.length;
  const means = new Float64Array(components.length * dimension);
  components.forEach((c, k) => means.set(Array.from(c.mean), k * dimension));
  return {
    dimension,
    weights: Float64Array.from(components, (c) => c.weight),
    means,
    sigmas: Float64Array.from(components, (c) => c.sigma),
  };
}

/** Converts a mixture to its unconstrained parameters (logits are log w_k). */
export function toParams(model: GaussianMixture): MixtureParams {
  return {
    dimension: model.dimension,
    means: Float64Array.from(model.means),
    logSigmas: model.sigmas.map(Math.log),
    logits: model.weights.map(Math.log),
  };
}

/** Converts unconstrained parameters back to a mixture, applying softmax to the logits. */
export function fromParams(params: MixtureParams): GaussianMixture {
  return {
    dimension: params.dimension,
    weights: softmax(params.logits),
    means: Float64Array.from(params.means),
    sigmas: params.logSigmas.map(Math.exp),
  };
}

/** Returns a deep copy of the parameters. */
export function cloneParams(params: MixtureParams): MixtureParams {
  return {
    dimension: params.dimension,
    means: Float64Array.from(params.means),
    logSigmas: Float64Array.from(params.logSigmas),
    logits: Float64Array.from(params.logits),
  };
}

/** Returns a parameter-shaped array of zeros, used for gradients. */
export function zeroParams(dimension: number, components: number): MixtureParams {
  return {
    dimension,
    means: new Float64Array(components * dimension),
    logSigmas: new Float64Array(components),
    logits: new Float64Array(components),
  };
}

/** Flattens parameters to one vector: means, then log σ, then logits. */
export function flattenParams(params: MixtureParams): Float64Array {
  const { means, logSigmas, logits } = params;
  const flat = new Float64Array(means.length + logSigmas.length + logits.length);
  flat.set(means, 0);
  flat.set(logSigmas, means.length);
  flat.set(logits, means.length + logSigmas.length);
  return flat;
}

/** Inverse of `flattenParams` for a mixture of the given shape. */
export function unflattenParams(flat: Float64Array, dimension: number, components: number): MixtureParams {
  const meanLength = components * dimension;
  return {
    dimension,
    means: flat.slice(0, meanLength),
    logSigmas: flat.slice(meanLength, meanLength + components),
    logits: flat.slice(meanLength + components, meanLength + 2 * components),
  };
}

/** Returns the numerically stable softmax of `logits`. */
export function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z);
  const out = logits.map((z) => Math.exp(z - max));
  let sum = 0;
  for (const e of out) sum += e;
  for (let k = 0; k < out.length; k++) out[k] /= sum;
  return out;
}
