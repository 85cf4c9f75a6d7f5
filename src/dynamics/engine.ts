/**
 * The round transition of stochastic best-response dynamics. `step`
 * advances the dynamic state by one round, in place, and returns the
 * round's event. It is the reducer of a scan over rounds, written to
 * mutate so that the hot loop allocates nothing.
 *
 * A round: (1) sample users, (2) users choose, (3) platforms observe the
 * realised shares, (4) the revising platforms respond to the others'
 * models as served this round. Simultaneous revisers all respond to the
 * same profile.
 */
import type { Market } from '../market/market.js';
import { createRng, restoreRng, type Rng, type RngState } from '../random/rng.js';
import type { DynamicsOptions } from './options.js';
import { PayoffEstimator, type LearnerState } from './payoffEstimates.js';
import { chooseResponse, type ResponseParameters } from './responses.js';
import { nextPosition, selectRevisers } from './schedule.js';
import { UserSampler } from './userSampling.js';

/**
 * Record of one round, passed to the observers. The engine reuses one
 * event object and its arrays for every round, so an observer must copy
 * what it keeps.
 */
export interface RoundEvent {
  /** Number of the round just played, starting at 1. */
  round: number;
  /** Profile that served the users this round. */
  servedProfile: Int32Array;
  /** Profile after this round's revisions, which serves the next round. */
  profile: Int32Array;
  /** Schedule position of the next round (always 0 outside round-robin). */
  schedulePosition: number;
  /** Realised market share of each platform this round. */
  shares: Float64Array;
  /** Realised share of users who took the outside option. */
  outsideShare: number;
  /** Realised welfare: mean reward per user, outside option included. */
  welfare: number;
  /** Whether any platform switched model this round. */
  changed: boolean;
  /** Number of model switches this round; the arrays below hold them. */
  switches: number;
  switchedPlatforms: Int32Array;
  previousModels: Int32Array;
  nextModels: Int32Array;
}

/** The full dynamic state after a round, as stored in run-log checkpoints. */
export interface EngineSnapshot {
  round: number;
  profile: number[];
  schedulePosition: number;
  rng: RngState;
  learner: LearnerState | null;
}

export class DynamicsEngine {
  readonly event: RoundEvent;
  private rng: Rng;
  private readonly sampler: UserSampler;
  private readonly estimator: PayoffEstimator;
  private readonly response: ResponseParameters;
  private readonly revisers: Int32Array;
  private readonly pending: Int32Array;

  constructor(
    readonly market: Market,
    readonly options: DynamicsOptions,
    tolerance?: number,
  ) {
    const N = market.numPlatforms;
    if (options.start.length !== N) {
      throw new Error(`start profile has ${options.start.length} models for ${N} platforms`);
    }
    this.rng = createRng(options.seed);
    this.sampler = new UserSampler(market, options.users, options.perUser);
    this.estimator = new PayoffEstimator(market, options.estimates, options.ratingNoise, tolerance);
    this.response = {
      rule: options.response,
      tolerance: this.estimator.tolerance,
      epsilon: options.epsilon,
      temperature: options.responseTemperature,
    };
    this.revisers = new Int32Array(N);
    this.pending = new Int32Array(N);
    this.event = {
      round: 0,
      servedProfile: Int32Array.from(options.start),
      profile: Int32Array.from(options.start),
      schedulePosition: 0,
      shares: new Float64Array(N),
      outsideShare: 0,
      welfare: 0,
      changed: false,
      switches: 0,
      switchedPlatforms: new Int32Array(N),
      previousModels: new Int32Array(N),
      nextModels: new Int32Array(N),
    };
  }

  get round(): number {
    return this.event.round;
  }

  /** Plays one round and returns its event (the same object every round). */
  step(): RoundEvent {
    const event = this.event;
    const { servedProfile, profile, shares } = event;
    const N = profile.length;
    servedProfile.set(profile);

    event.welfare = this.sampler.serve(this.rng, servedProfile, shares);
    let served = 0;
    for (let i = 0; i < N; i++) served += shares[i];
    event.outsideShare = this.market.outsideOption ? Math.max(0, 1 - served) : 0;
    this.estimator.observe(servedProfile, shares);

    const { schedule, inertia } = this.options;
    const count = selectRevisers(schedule, N, event.schedulePosition, inertia, this.rng, this.revisers);
    if (count > 0) this.estimator.prepareRound(this.rng, this.sampler.typeWeights);
    for (let r = 0; r < count; r++) {
      const platform = this.revisers[r];
      const payoffs = this.estimator.estimate(servedProfile, platform);
      this.pending[r] = chooseResponse(this.response, payoffs, servedProfile[platform], this.rng);
    }

    let switches = 0;
    for (let r = 0; r < count; r++) {
      const platform = this.revisers[r];
      const next = this.pending[r];
      if (next === servedProfile[platform]) continue;
      event.switchedPlatforms[switches] = platform;
      event.previousModels[switches] = servedProfile[platform];
      event.nextModels[switches] = next;
      profile[platform] = next;
      switches++;
    }
    event.switches = switches;
    event.changed = switches > 0;
    event.schedulePosition = nextPosition(schedule, N, event.schedulePosition);
    event.round++;
    return event;
  }

  snapshot(): EngineSnapshot {
    return {
      round: this.event.round,
      profile: Array.from(this.event.profile),
      schedulePosition: this.event.schedulePosition,
      rng: this.rng.state(),
      learner: this.estimator.learnerState(),
    };
  }

  /** Restores the state saved by `snapshot` on an engine built with the same market and options. */
  restore(snapshot: EngineSnapshot): void {
    const event = this.event;
    event.round = snapshot.round;
    event.profile.set(snapshot.profile);
    event.servedProfile.set(snapshot.profile);
    event.schedulePosition = snapshot.schedulePosition;
    event.changed = false;
    event.switches = 0;
    this.rng = restoreRng(snapshot.rng);
    if (snapshot.learner) this.estimator.restoreLearner(snapshot.learner);
  }
}
