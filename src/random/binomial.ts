/**
 * Binomial and multinomial sampling in O(1) expected time per binomial
 * draw, so sampling K users per round costs O(T) rather than O(K).
 *
 * Binomial draws use inversion by summing geometric gaps when n·p < 10
 * (expected n·p + 1 steps) and otherwise the BTRS transformed-rejection
 * sampler of W. Hörmann, "The generation of binomial random variates",
 * Journal of Statistical Computation and Simulation 46 (1993), with the
 * log-domain acceptance test used by TensorFlow's random_binomial_op.
 */
import type { Rng } from './rng.js';

/** log(k!) − Stirling's approximation of it, for k = 0..9. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Returns a Binomial(n, p) draw; n must be a non-negative integer. */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  if (n * p < 10) return binomialInversion(rng, n, p);
  return binomialBtrs(rng, n, p);
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const logQ = Math.log1p(-p);
  let trials = 0;
  let successes = 0;
  for (;;) {
    const u = rng.next();
    // The gap to the next success is Geometric(p) on {1, 2, ...}.
    trials += Math.ceil(Math.log(1 - u) / logQ) || 1;
    if (trials > n) return successes;
    successes++;
  }
}

function binomialBtrs(rng: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);

  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;

    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * Writes a Multinomial(n, probabilities[0..count)) draw into `out` by
 * conditional binomials: category i gets Binomial(remaining, p_i / rest),
 * where rest is the probability mass not yet assigned. The probabilities
 * must be non-negative and sum to 1 up to rounding; the last category with
 * positive probability takes whatever remains.
 */
export function sampleMultinomial(
  rng: Rng,
  n: number,
  probabilities: ArrayLike<number>,
  count: number,
  out: Float64Array,
): void {
  let last = count - 1;
  while (last > 0 && !(probabilities[last] > 0)) last--;

  let remaining = n;
  let rest = 1;
  for (let i = 0; i < count; i++) {
    if (i === last) {
      out[i] = remaining;
      for (let j = i + 1; j < count; j++) out[j] = 0;
      return;
    }
    const p = probabilities[i];
    const draw = remaining > 0 && p > 0 ? sampleBinomial(rng, remaining, Math.min(1, p / rest)) : 0;
    out[i] = draw;
    remaining -= draw;
    rest -= p;
  }
}
