/**
 * Turns the rounds of a simulation into run-log records. It subscribes
 * after the observers, so in each round it reads their verdicts for that
 * round. It writes the round's records in the order docs/run-log.md
 * gives: revisions, convergence or cycle, the round record, a checkpoint.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import type { StopReason } from '../dynamics/roundStream.js';
import type { Simulation } from '../simulation/simulation.js';
import { buildSummary, type RunSummary } from '../simulation/summary.js';
import type { LogSettings } from './format.js';
import type { RecordSink } from './recordSink.js';

export class RunRecorder {
  private lastCheckpointRound = -1;

  constructor(
    private readonly sink: RecordSink,
    private readonly simulation: Simulation,
    private readonly settings: LogSettings,
  ) {}

  /** Writes the records of one round. */
  observe(event: RoundEvent): void {
    const { round } = event;

    for (let s = 0; s < event.switches; s++) {
      this.sink.write({
        type: 'revision',
        round,
        platform: event.switchedPlatforms[s],
        from: event.previousModels[s],
        to: event.nextModels[s],
      });
    }

    if (this.simulation.convergence.convergedAt === round) {
      this.sink.write({ type: 'convergence', round, profile: Array.from(event.profile) });
    }

    const cycle = this.simulation.cycle.result();
    if (cycle !== null && cycle.round === round) {
      this.sink.write({
        type: 'cycle',
        round,
        period: cycle.period,
        profiles: cycle.profiles,
        truncated: cycle.truncated,
      });
    }

    // Every one of the first `stride` rounds is recorded, then every
    // stride-th round. Short runs often converge in a few rounds, and this
    // way they still show their share and welfare path.
    if (round <= this.settings.stride || round % this.settings.stride === 0) {
      this.sink.write({
        type: 'round',
        round,
        profile: Array.from(event.servedProfile),
        shares: Array.from(event.shares),
        outsideShare: event.outsideShare,
        welfare: event.welfare,
      });
    }

    if (round % this.settings.checkpointEvery === 0) this.writeCheckpoint();
  }

  private writeCheckpoint(): void {
    const round = this.simulation.engine.round;
    this.sink.write({ type: 'checkpoint', round, ...this.simulation.checkpoint() });
    this.lastCheckpointRound = round;
  }

  /**
   * Writes the records that close a run: a checkpoint of the final state
   * (unless one was just written), an interruption record when a signal
   * stopped the run, and the summary, which is returned.
   */
  finish(stopReason: StopReason, signal: string | null): RunSummary {
    const round = this.simulation.engine.round;
    if (this.lastCheckpointRound !== round) this.writeCheckpoint();
    if (stopReason === 'interrupted') this.sink.write({ type: 'interruption', round, signal: signal ?? 'SIGINT' });
    const summary = buildSummary(this.simulation, stopReason);
    this.sink.write({ type: 'summary', round, ...summary });
    return summary;
  }
}
