/**
 * Welfare and share trajectories at a resolution that adapts so memory
 * stays flat over millions of rounds. Each point averages `stride`
 * consecutive rounds. When `capacity` points are stored, adjacent pairs
 * are merged and the stride doubles, so a run of R rounds keeps between
 * capacity/2 and capacity points of R/capacity to 2R/capacity rounds
 * each. Welfare statistics over all rounds are exact (streaming).
 */
import type { RoundEvent } from '../dynamics/engine.js';
import type { RoundObserver } from './observer.js';
import { addValue, emptyStats, summarizeStats, type StreamingStatsState, type StreamingSummary } from './streamingStats.js';

export const DEFAULT_TRAJECTORY_CAPACITY = 512;

export interface Trajectory {
  /** Rounds averaged per point; the last point may cover fewer. */
  stride: number;
  /** Last round of each point. */
  rounds: number[];
  /** Mean welfare per point. */
  welfare: number[];
  /** Mean share of each platform per point: shares[point][platform]. */
  shares: number[][];
}

export interface TrajectoryResult {
  /** Welfare statistics over every round observed. */
  welfare: StreamingSummary | null;
  /** Welfare of the last round observed. */
  finalWelfare: number | null;
  /** Mean realised share of each platform over all rounds. */
  meanShares: number[];
  /** Realised shares of the last round observed. */
  finalShares: number[];
  trajectory: Trajectory;
}

export interface TrajectorySnapshot {
  stats: StreamingStatsState;
  shareSums: number[];
  finalWelfare: number | null;
  finalShares: number[];
  points: Trajectory;
  bucketRounds: number;
  bucketWelfare: number;
  bucketShares: number[];
}

export class TrajectoryObserver implements RoundObserver<TrajectoryResult, TrajectorySnapshot> {
  private stats = emptyStats();
  private readonly shareSums: Float64Array;
  private finalWelfare: number | null = null;
  private readonly finalShares: Float64Array;
  private points: Trajectory = { stride: 1, rounds: [], welfare: [], shares: [] };
  private bucketRounds = 0;
  private bucketWelfare = 0;
  private readonly bucketShares: Float64Array;

  constructor(
    numPlatforms: number,
    private readonly capacity = DEFAULT_TRAJECTORY_CAPACITY,
  ) {
    if (capacity < 2 || capacity % 2 !== 0) throw new Error(`trajectory capacity must be even and at least 2, got ${capacity}`);
    this.shareSums = new Float64Array(numPlatforms);
    this.finalShares = new Float64Array(numPlatforms);
    this.bucketShares = new Float64Array(numPlatforms);
  }

  observe(event: RoundEvent): void {
    const { shares, welfare } = event;
    addValue(this.stats, welfare);
    this.finalWelfare = welfare;
    this.finalShares.set(shares);
    for (let i = 0; i < shares.length; i++) {
      this.shareSums[i] += shares[i];
      this.bucketShares[i] += shares[i];
    }
    this.bucketWelfare += welfare;
    this.bucketRounds++;
    if (this.bucketRounds === this.points.stride) this.closeBucket(event.round);
  }

  private closeBucket(round: number): void {
    const n = this.bucketRounds;
    this.points.rounds.push(round);
    this.points.welfare.push(this.bucketWelfare / n);
    this.points.shares.push(Array.from(this.bucketShares, (s) => s / n));
    this.bucketRounds = 0;
    this.bucketWelfare = 0;
    this.bucketShares.fill(0);
    if (this.points.rounds.length === this.capacity) this.mergePairs();
  }

  /** Halves the number of points by averaging neighbours, which cover equally many rounds. */
  private mergePairs(): void {
    const { rounds, welfare, shares } = this.points;
    const merged: Trajectory = { stride: this.points.stride * 2, rounds: [], welfare: [], shares: [] };
    for (let p = 0; p + 1 < rounds.length; p += 2) {
      merged.rounds.push(rounds[p + 1]);
      merged.welfare.push((welfare[p] + welfare[p + 1]) / 2);
      merged.shares.push(shares[p].map((s, i) => (s + shares[p + 1][i]) / 2));
    }
    this.points = merged;
  }

  result(): TrajectoryResult {
    const rounds = this.stats.count;
    const trajectory: Trajectory = {
      stride: this.points.stride,
      rounds: this.points.rounds.slice(),
      welfare: this.points.welfare.slice(),
      shares: this.points.shares.map((s) => s.slice()),
    };
    if (this.bucketRounds > 0) {
      // Report the partial bucket as a last, shorter point.
      const n = this.bucketRounds;
      trajectory.rounds.push(rounds);
      trajectory.welfare.push(this.bucketWelfare / n);
      trajectory.shares.push(Array.from(this.bucketShares, (s) => s / n));
    }
    return {
      welfare: summarizeStats(this.stats),
      finalWelfare: this.finalWelfare,
      meanShares: Array.from(this.shareSums, (s) => (rounds > 0 ? s / rounds : 0)),
      finalShares: Array.from(this.finalShares),
      trajectory,
    };
  }

  snapshot(): TrajectorySnapshot {
    return {
      stats: { ...this.stats },
      shareSums: Array.from(this.shareSums),
      finalWelfare: this.finalWelfare,
      finalShares: Array.from(this.finalShares),
      points: {
        stride: this.points.stride,
        rounds: this.points.rounds.slice(),
        welfare: this.points.welfare.slice(),
        shares: this.points.shares.map((s) => s.slice()),
      },
      bucketRounds: this.bucketRounds,
      bucketWelfare: this.bucketWelfare,
      bucketShares: Array.from(this.bucketShares),
    };
  }

  restore(snapshot: TrajectorySnapshot): void {
    // JSON turns the ±Infinity bounds of an empty stream into null.
    this.stats = snapshot.stats.count > 0 ? { ...snapshot.stats } : emptyStats();
    this.shareSums.set(snapshot.shareSums);
    this.finalWelfare = snapshot.finalWelfare;
    this.finalShares.set(snapshot.finalShares);
    this.points = {
      stride: snapshot.points.stride,
      rounds: snapshot.points.rounds.slice(),
      welfare: snapshot.points.welfare.slice(),
      shares: snapshot.points.shares.map((s) => s.slice()),
    };
    this.bucketRounds = snapshot.bucketRounds;
    this.bucketWelfare = snapshot.bucketWelfare;
    this.bucketShares.set(snapshot.bucketShares);
  }
}
