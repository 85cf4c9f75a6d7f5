/**
 * One run of best-response dynamics: the engine, its round stream, the
 * observers subscribed to it and the stop control. Effects (files,
 * signals, progress output) are left to the caller, which adds its own
 * subscribers after the observers.
 */
import { connectable, Subject, type Subscription } from 'rxjs';
import { DynamicsEngine, type EngineSnapshot, type RoundEvent } from '../dynamics/engine.js';
import { isDeterministic, revisionPassLength, type DynamicsOptions } from '../dynamics/options.js';
import { roundStream, RunControl, type StopReason } from '../dynamics/roundStream.js';
import type { Market } from '../market/market.js';
import { ConvergenceObserver, type ConvergenceSnapshot } from '../observers/convergence.js';
import { CycleObserver, type CycleSnapshot } from '../observers/cycle.js';
import { DiversityObserver, type DiversitySnapshot } from '../observers/diversity.js';
import type { RoundObserver } from '../observers/observer.js';
import { ProfileTimeObserver, type ProfileTimeSnapshot } from '../observers/profileTime.js';
import { TrajectoryObserver, type TrajectorySnapshot } from '../observers/trajectory.js';

export interface RunSettings {
  /** Rounds to play at most. */
  maxRounds: number;
  /** Rounds a profile must stay unchanged to count as converged under stochastic dynamics. */
  window: number;
  /** Stop as soon as the run converges or a cycle is proven. */
  stopAtOutcome: boolean;
}

export interface ObserverSnapshots {
  convergence: ConvergenceSnapshot;
  cycle: CycleSnapshot;
  trajectory: TrajectorySnapshot;
  diversity: DiversitySnapshot;
  profileTime: ProfileTimeSnapshot;
}

/** The full state of a run after some round, as stored in a run-log checkpoint. */
export interface SimulationCheckpoint {
  engine: EngineSnapshot;
  observers: ObserverSnapshots;
}

export interface RunHooks {
  /** Called for every round after all observers, in the order given. */
  subscribers?: ((event: RoundEvent) => void)[];
  /** Called when the stream yields to the event loop, with the rounds played. */
  onYield?: (round: number) => void;
}

export class Simulation {
  readonly engine: DynamicsEngine;
  readonly control = new RunControl();
  readonly deterministic: boolean;
  readonly convergence: ConvergenceObserver;
  readonly cycle: CycleObserver;
  readonly trajectory: TrajectoryObserver;
  readonly diversity: DiversityObserver;
  readonly profileTime: ProfileTimeObserver;

  constructor(
    readonly market: Market,
    readonly options: DynamicsOptions,
    readonly settings: RunSettings,
  ) {
    this.engine = new DynamicsEngine(market, options);
    this.deterministic = isDeterministic(options);
    const stayRounds = this.deterministic
      ? revisionPassLength(options.schedule, market.numPlatforms)
      : settings.window;
    this.convergence = new ConvergenceObserver(market, {
      stayRounds,
      onConverged: () => this.stopAtOutcome('converged'),
    });
    this.cycle = new CycleObserver({
      deterministic: this.deterministic,
      initialProfile: options.start,
      onCycle: () => this.stopAtOutcome('cycle'),
    });
    this.trajectory = new TrajectoryObserver(market.numPlatforms);
    this.diversity = new DiversityObserver(market.numModels, market.numPlatforms);
    this.profileTime = new ProfileTimeObserver(market.numModels, market.numPlatforms);
  }

  private stopAtOutcome(reason: StopReason): void {
    if (this.settings.stopAtOutcome) this.control.request(reason);
  }

  private observers(): RoundObserver<unknown, unknown>[] {
    return [this.convergence, this.cycle, this.trajectory, this.diversity, this.profileTime];
  }

  checkpoint(): SimulationCheckpoint {
    return {
      engine: this.engine.snapshot(),
      observers: {
        convergence: this.convergence.snapshot(),
        cycle: this.cycle.snapshot(),
        trajectory: this.trajectory.snapshot(),
        diversity: this.diversity.snapshot(),
        profileTime: this.profileTime.snapshot(),
      },
    };
  }

  restore(checkpoint: SimulationCheckpoint): void {
    this.engine.restore(checkpoint.engine);
    this.convergence.restore(checkpoint.observers.convergence);
    this.cycle.restore(checkpoint.observers.cycle);
    this.trajectory.restore(checkpoint.observers.trajectory);
    this.diversity.restore(checkpoint.observers.diversity);
    this.profileTime.restore(checkpoint.observers.profileTime);
  }

  /**
   * Plays rounds until a stop is requested or `settings.maxRounds` is
   * reached, and returns the stop reason. Rethrows an error raised by the
   * engine or by any subscriber.
   */
  async run(hooks: RunHooks = {}): Promise<StopReason> {
    const source = roundStream(this.engine, this.control, {
      maxRounds: this.settings.maxRounds,
      onYield: hooks.onYield,
    });
    // Subscribe everyone before the first round is played.
    const rounds$ = connectable(source, { connector: () => new Subject<RoundEvent>(), resetOnDisconnect: false });
    const subscriptions: Subscription[] = [];
    const guard = (handle: (event: RoundEvent) => void) => (event: RoundEvent) => {
      try {
        handle(event);
      } catch (err) {
        this.control.fail(err);
      }
    };
    for (const observer of this.observers()) subscriptions.push(rounds$.subscribe(guard((e) => observer.observe(e))));
    for (const subscriber of hooks.subscribers ?? []) subscriptions.push(rounds$.subscribe(guard(subscriber)));

    const done = new Promise<void>((resolve, reject) => {
      subscriptions.push(rounds$.subscribe({ complete: resolve, error: reject }));
    });
    const connection = rounds$.connect();
    try {
      await done;
    } finally {
      connection.unsubscribe();
      for (const s of subscriptions) s.unsubscribe();
    }
    if (this.control.error !== null) throw this.control.error;
    return this.control.reason ?? 'max-rounds';
  }
}
