/**
 * Steps (1) to (3) of a round: sample the users, let them choose among the
 * deployed models, and return the realised market shares and welfare.
 *
 * - Infinitely many users: shares and welfare are the exact expectations
 *   under π.
 * - K users by counts: type counts n ~ Multinomial(K, π) by conditional
 *   binomials. Under hardmax each type splits deterministically (tied
 *   platforms share evenly). Under softmax each type's n_θ users split by
 *   a multinomial over the platforms and the outside option.
 * - K users one by one: each user's type and choice are drawn separately,
 *   with hardmax ties broken uniformly at random. This costs O(K) a round.
 *
 * Choice probabilities depend only on the profile, so they are cached and
 * recomputed only when the profile changes.
 */
import { choiceProbabilities } from '../choice/choiceProbabilities.js';
import type { Market } from '../market/market.js';
import { sampleMultinomial } from '../random/binomial.js';
import type { Rng } from '../random/rng.js';

export class UserSampler {
  /** Realised type mix of the last round: n_θ / K, or π with infinitely many users. */
  readonly typeWeights: Float64Array;
  /** Number of alternatives per type: the platforms, then the outside option if any. */
  private readonly alternatives: number;
  /** Choice probability of each alternative per type under the cached profile, row-major. */
  private readonly probabilities: Float64Array;
  /** Reward of each alternative per type under the cached profile, row-major. */
  private readonly rewards: Float64Array;
  /** Expected reward of a user of each type under the cached profile. */
  private readonly typeWelfare: Float64Array;
  private readonly cachedProfile: Int32Array;
  private cacheValid = false;
  private readonly typeCounts: Float64Array;
  private readonly choiceCounts: Float64Array;
  private readonly cumulativeWeights: Float64Array;
  /**
   * Guide table of the type draw: entry g is the first type whose
   * cumulative weight exceeds g / length of the total weight.
   */
  private readonly typeGuide: Int32Array;
  private readonly rowRewards: Float64Array;
  private readonly rowProbabilities: Float64Array;

  constructor(
    private readonly market: Market,
    private readonly users: number | null,
    private readonly perUser: boolean,
  ) {
    const { numTypes: T, numPlatforms: N } = market;
    this.alternatives = market.outsideOption ? N + 1 : N;
    this.typeWeights = Float64Array.from(market.weights);
    this.probabilities = new Float64Array(T * this.alternatives);
    this.rewards = new Float64Array(T * this.alternatives);
    this.typeWelfare = new Float64Array(T);
    this.cachedProfile = new Int32Array(N);
    this.typeCounts = new Float64Array(T);
    this.choiceCounts = new Float64Array(this.alternatives);
    this.cumulativeWeights = new Float64Array(T);
    this.rowRewards = new Float64Array(this.alternatives);
    this.rowProbabilities = new Float64Array(this.alternatives);
    let total = 0;
    for (let t = 0; t < T; t++) {
      total += market.weights[t];
      this.cumulativeWeights[t] = total;
    }
    this.typeGuide = new Int32Array(4 * T);
    for (let g = 0, t = 0; g < this.typeGuide.length; g++) {
      const target = (g / this.typeGuide.length) * total;
      while (t < T - 1 && this.cumulativeWeights[t] <= target) t++;
      this.typeGuide[g] = t;
    }
  }

  /**
   * Serves one round of users under `profile`: writes each platform's
   * realised share into `shares` and returns the realised welfare (mean
   * reward per user, outside option included).
   */
  serve(rng: Rng, profile: Int32Array, shares: Float64Array): number {
    this.refresh(profile);
    shares.fill(0);
    if (this.users === null) return this.serveExpected(shares);
    if (this.perUser) return this.servePerUser(rng, this.users, shares);
    return this.serveCounts(rng, this.users, shares);
  }

  private refresh(profile: Int32Array): void {
    if (this.cacheValid && sameProfile(profile, this.cachedProfile)) return;
    const { numTypes: T, numPlatforms: N, rewards: S, outsideOption, choice } = this.market;
    const A = this.alternatives;
    for (let t = 0; t < T; t++) {
      const row = t * A;
      for (let i = 0; i < N; i++) this.rewards[row + i] = S[profile[i] * T + t];
      if (outsideOption) this.rewards[row + N] = outsideOption[t];

      this.typeWelfare[t] =
        choice.rule === 'hardmax' && choice.tieTolerance === 0 ? this.writeHardmaxRow(row) : this.writeChoiceRow(row);
    }
    this.cachedProfile.set(profile);
    this.cacheValid = true;
  }

  /**
   * Writes the exact-tie hardmax probabilities of the row starting at
   * `row` in place and returns the row's expected reward. This is the
   * hardmaxProbabilities rule inlined, because the profile may change every
   * round and this runs for every type.
   */
  private writeHardmaxRow(row: number): number {
    const A = this.alternatives;
    const rewards = this.rewards;
    let max = -Infinity;
    let winners = 0;
    for (let a = 0; a < A; a++) {
      const r = rewards[row + a];
      if (r > max) {
        max = r;
        winners = 1;
      } else if (r === max) {
        winners++;
      }
    }
    const share = 1 / winners;
    for (let a = 0; a < A; a++) this.probabilities[row + a] = rewards[row + a] === max ? share : 0;
    return max;
  }

  /** Writes the row's probabilities under any choice rule and returns its expected reward. */
  private writeChoiceRow(row: number): number {
    const A = this.alternatives;
    // Scratch rows instead of subarray views, which would allocate per type.
    for (let a = 0; a < A; a++) this.rowRewards[a] = this.rewards[row + a];
    choiceProbabilities(this.market.choice, this.rowRewards, A, this.rowProbabilities);
    let welfare = 0;
    for (let a = 0; a < A; a++) {
      this.probabilities[row + a] = this.rowProbabilities[a];
      welfare += this.rowProbabilities[a] * this.rowRewards[a];
    }
    return welfare;
  }

  /** Adds the type-weighted choice probabilities to `shares` and returns the welfare. */
  private splitByWeights(weights: Float64Array, shares: Float64Array): number {
    const { numTypes: T, numPlatforms: N } = this.market;
    const A = this.alternatives;
    let welfare = 0;
    for (let t = 0; t < T; t++) {
      const w = weights[t];
      if (w === 0) continue;
      const row = t * A;
      for (let i = 0; i < N; i++) shares[i] += w * this.probabilities[row + i];
      welfare += w * this.typeWelfare[t];
    }
    return welfare;
  }

  private serveExpected(shares: Float64Array): number {
    return this.splitByWeights(this.typeWeights, shares);
  }

  private serveCounts(rng: Rng, users: number, shares: Float64Array): number {
    const { numTypes: T, numPlatforms: N, weights } = this.market;
    sampleMultinomial(rng, users, weights, T, this.typeCounts);
    for (let t = 0; t < T; t++) this.typeWeights[t] = this.typeCounts[t] / users;
    if (this.market.choice.rule === 'hardmax') return this.splitByWeights(this.typeWeights, shares);

    const A = this.alternatives;
    let welfare = 0;
    for (let t = 0; t < T; t++) {
      const n = this.typeCounts[t];
      if (n === 0) continue;
      const row = t * A;
      for (let a = 0; a < A; a++) this.rowProbabilities[a] = this.probabilities[row + a];
      sampleMultinomial(rng, n, this.rowProbabilities, A, this.choiceCounts);
      for (let a = 0; a < A; a++) {
        const fraction = this.choiceCounts[a] / users;
        if (a < N) shares[a] += fraction;
        welfare += fraction * this.rewards[row + a];
      }
    }
    return welfare;
  }

  private servePerUser(rng: Rng, users: number, shares: Float64Array): number {
    const { numTypes: T, numPlatforms: N } = this.market;
    const A = this.alternatives;
    this.typeCounts.fill(0);
    let welfare = 0;
    for (let u = 0; u < users; u++) {
      const t = this.drawType(rng.next());
      this.typeCounts[t]++;
      const row = t * A;
      const a = this.drawChoice(rng, row);
      if (a < N) shares[a] += 1;
      welfare += this.rewards[row + a];
    }
    for (let i = 0; i < N; i++) shares[i] /= users;
    for (let t = 0; t < T; t++) this.typeWeights[t] = this.typeCounts[t] / users;
    return welfare / users;
  }

  /**
   * Returns the first type whose cumulative weight exceeds `u` times the
   * total, or the last type when none does: the inverse CDF at `u`. The
   * search starts at the guide table's type for `u`, so it takes O(1)
   * steps on average where a binary search takes log2(T) unpredictable
   * branches. The backward step corrects a start that rounding put past
   * the result.
   */
  private drawType(u: number): number {
    const cumulative = this.cumulativeWeights;
    const last = cumulative.length - 1;
    const target = u * cumulative[last];
    let t = this.typeGuide[Math.floor(u * this.typeGuide.length)];
    while (t < last && cumulative[t] <= target) t++;
    while (t > 0 && cumulative[t - 1] > target) t--;
    return t;
  }

  /**
   * Draws one user's alternative from the cached probabilities of the type
   * whose row starts at `row`. Hardmax ties have equal probabilities, so
   * this also breaks them uniformly at random.
   */
  private drawChoice(rng: Rng, row: number): number {
    const A = this.alternatives;
    let u = rng.next();
    let last = 0;
    for (let a = 0; a < A; a++) {
      const p = this.probabilities[row + a];
      if (p <= 0) continue;
      last = a;
      if (u < p) return a;
      u -= p;
    }
    return last;
  }
}

function sameProfile(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
