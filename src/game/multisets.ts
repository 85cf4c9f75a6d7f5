/**
 * Multisets of models, the permutation classes of profiles.
 *
 * A multiset of size r over M models is stored as a non-decreasing list
 * a_1 ≤ … ≤ a_r. Its rank is the colexicographic rank of the strictly
 * increasing list b_i = a_i + (i − 1):  rank = Σ_i C(b_i, i), a bijection
 * onto 0 .. C(M + r − 1, r) − 1.
 */

/** Binomial coefficients C(n, k) for n < rows, k ≤ maxK, as doubles. */
export class BinomialTable {
  private readonly table: Float64Array;

  constructor(
    readonly rows: number,
    readonly maxK: number,
  ) {
    this.table = new Float64Array(rows * (maxK + 1));
    for (let n = 0; n < rows; n++) {
      this.table[n * (maxK + 1)] = 1;
      for (let k = 1; k <= Math.min(n, maxK); k++) {
        const above = this.get(n - 1, k - 1) + (k <= n - 1 ? this.get(n - 1, k) : 0);
        this.table[n * (maxK + 1) + k] = above;
      }
    }
  }

  get(n: number, k: number): number {
    if (k > n) return 0;
    return this.table[n * (this.maxK + 1) + k];
  }
}

/** Returns C(n, k) as a double (exact below 2^53). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
  return Math.round(result);
}

/** Returns the number of multisets of size r over M models, C(M + r − 1, r). */
export function multisetCount(numModels: number, size: number): number {
  return binomial(numModels + size - 1, size);
}

/**
 * Returns the rank of the sorted multiset `models` with the entry at
 * `skip` left out (pass −1 to keep all).
 */
export function rankMultiset(table: BinomialTable, models: ArrayLike<number>, length: number, skip = -1): number {
  let rank = 0;
  let i = 0;
  for (let p = 0; p < length; p++) {
    if (p === skip) continue;
    rank += table.get(models[p] + i, i + 1);
    i++;
  }
  return rank;
}

/** Returns the number of distinct profiles in a class: N! / Π mult!. */
export function permutationCount(sorted: ArrayLike<number>): number {
  let count = 1;
  let run = 0;
  for (let p = 0; p < sorted.length; p++) {
    run = p > 0 && sorted[p] === sorted[p - 1] ? run + 1 : 1;
    count = (count * (p + 1)) / run;
  }
  return Math.round(count);
}

/**
 * Calls `visit` with every sorted multiset of size r over M models, in
 * lexicographic order. The array passed is reused between calls.
 */
export function forEachMultiset(numModels: number, size: number, visit: (models: Int32Array) => void): void {
  const models = new Int32Array(size);
  if (size === 0) {
    visit(models);
    return;
  }
  for (;;) {
    visit(models);
    let p = size - 1;
    while (p >= 0 && models[p] === numModels - 1) p--;
    if (p < 0) return;
    const next = models[p] + 1;
    for (let q = p; q < size; q++) models[q] = next;
  }
}
