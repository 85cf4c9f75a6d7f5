/**
 * Diversity of what the market serves, per round and averaged over
 * rounds:
 * - distinct models deployed;
 * - Herfindahl index of the platforms' shares of served users,
 *   Σ_i (s_i / Σ_k s_k)², from 1/N (even split) to 1 (monopoly);
 * - entropy −Σ_m q_m ln q_m, in nats, of the share of served users each
 *   model serves, q_m = Σ_{i: a_i = m} s_i / Σ_k s_k.
 * A round in which no user is served counts as Herfindahl 0 and entropy 0.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import type { RoundObserver } from './observer.js';

export interface DiversityValues {
  distinctModels: number;
  herfindahl: number;
  modelEntropy: number;
}

export interface DiversityResult {
  /** Values of the last round observed, or null before any round. */
  final: DiversityValues | null;
  /** Means over all rounds observed. */
  mean: DiversityValues | null;
  minDistinctModels: number | null;
  maxDistinctModels: number | null;
}

export interface DiversitySnapshot {
  rounds: number;
  sums: DiversityValues;
  final: DiversityValues | null;
  minDistinctModels: number | null;
  maxDistinctModels: number | null;
}

export class DiversityObserver implements RoundObserver<DiversityResult, DiversitySnapshot> {
  private rounds = 0;
  private sums: DiversityValues = { distinctModels: 0, herfindahl: 0, modelEntropy: 0 };
  private final: DiversityValues | null = null;
  private minDistinct: number | null = null;
  private maxDistinct: number | null = null;
  /** Served share per model, written only at the models in `touched`. */
  private readonly modelShare: Float64Array;
  private readonly touched: Int32Array;

  constructor(numModels: number, numPlatforms: number) {
    this.modelShare = new Float64Array(numModels);
    this.touched = new Int32Array(numPlatforms);
  }

  observe(event: RoundEvent): void {
    const { servedProfile, shares } = event;
    let served = 0;
    for (let i = 0; i < shares.length; i++) served += shares[i];

    let distinct = 0;
    let herfindahl = 0;
    for (let i = 0; i < servedProfile.length; i++) {
      const model = servedProfile[i];
      if (this.modelShare[model] === 0 && !this.isTouched(model, distinct)) this.touched[distinct++] = model;
      this.modelShare[model] += shares[i];
      if (served > 0) herfindahl += (shares[i] / served) ** 2;
    }

    let entropy = 0;
    for (let d = 0; d < distinct; d++) {
      const model = this.touched[d];
      const q = served > 0 ? this.modelShare[model] / served : 0;
      if (q > 0) entropy -= q * Math.log(q);
      this.modelShare[model] = 0;
    }

    this.rounds++;
    this.sums.distinctModels += distinct;
    this.sums.herfindahl += herfindahl;
    this.sums.modelEntropy += entropy;
    if (this.final === null) this.final = { distinctModels: 0, herfindahl: 0, modelEntropy: 0 };
    this.final.distinctModels = distinct;
    this.final.herfindahl = herfindahl;
    this.final.modelEntropy = entropy;
    if (this.minDistinct === null || distinct < this.minDistinct) this.minDistinct = distinct;
    if (this.maxDistinct === null || distinct > this.maxDistinct) this.maxDistinct = distinct;
  }

  /** Returns whether `model` is among the first `count` entries of `touched`. */
  private isTouched(model: number, count: number): boolean {
    for (let d = 0; d < count; d++) if (this.touched[d] === model) return true;
    return false;
  }

  result(): DiversityResult {
    const n = this.rounds;
    return {
      final: this.final ? { ...this.final } : null,
      mean:
        n > 0
          ? {
              distinctModels: this.sums.distinctModels / n,
              herfindahl: this.sums.herfindahl / n,
              modelEntropy: this.sums.modelEntropy / n,
            }
          : null,
      minDistinctModels: this.minDistinct,
      maxDistinctModels: this.maxDistinct,
    };
  }

  snapshot(): DiversitySnapshot {
    return {
      rounds: this.rounds,
      sums: { ...this.sums },
      final: this.final ? { ...this.final } : null,
      minDistinctModels: this.minDistinct,
      maxDistinctModels: this.maxDistinct,
    };
  }

  restore(snapshot: DiversitySnapshot): void {
    this.rounds = snapshot.rounds;
    this.sums = { ...snapshot.sums };
    this.final = snapshot.final ? { ...snapshot.final } : null;
    this.minDistinct = snapshot.minDistinctModels;
    this.maxDistinct = snapshot.maxDistinctModels;
  }
}
