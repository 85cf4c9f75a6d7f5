/**
 * Plays a simulation while its records go to a sink, and closes the run
 * with the final checkpoint, interruption and summary records.
 */
import type { RoundEvent } from '../dynamics/engine.js';
import type { StopReason } from '../dynamics/roundStream.js';
import type { Simulation } from '../simulation/simulation.js';
import type { RunSummary } from '../simulation/summary.js';
import type { LogSettings } from './format.js';
import { RunRecorder } from './recorder.js';
import type { RecordSink } from './recordSink.js';

export interface PlayOptions {
  /** Subscribers called after the recorder in every round. */
  subscribers?: ((event: RoundEvent) => void)[];
  onYield?: (round: number) => void;
  /** Name of the signal that interrupted the run, for the interruption record. */
  signal?: () => string | null;
}

export async function playLogged(
  simulation: Simulation,
  sink: RecordSink,
  settings: LogSettings,
  options: PlayOptions = {},
): Promise<{ stopReason: StopReason; summary: RunSummary }> {
  const recorder = new RunRecorder(sink, simulation, settings);
  const stopReason = await simulation.run({
    subscribers: [(event) => recorder.observe(event), ...(options.subscribers ?? [])],
    onYield: options.onYield,
  });
  const summary = recorder.finish(stopReason, options.signal?.() ?? null);
  return { stopReason, summary };
}
