/**
 * The rounds of a run as an RxJS Observable. Rounds are emitted
 * synchronously, one `next` per round with the engine's reused event
 * object, and the loop yields to the event loop every `yieldEveryMs` so a
 * SIGINT handler or a progress bar can run during long runs.
 */
import { Observable } from 'rxjs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DynamicsEngine, RoundEvent } from './engine.js';

/** Reason a run stopped. */
export type StopReason = 'converged' | 'cycle' | 'max-rounds' | 'interrupted' | 'log-error' | 'error';

/**
 * Stop requests shared by the stream and every component that may end a
 * run: observers that detect an outcome, the SIGINT handler and the run
 * log. The stream
 * checks it after each round, so every subscriber receives the last round.
 */
export class RunControl {
  reason: StopReason | null = null;
  error: unknown = null;

  /** Asks the run to stop after the current round; the first request wins. */
  request(reason: StopReason): void {
    if (this.reason === null) this.reason = reason;
  }

  /** Stops the run because of an error that is rethrown once the run ends. */
  fail(error: unknown): void {
    if (this.error === null) this.error = error;
    this.request('error');
  }
}

export interface RoundStreamOptions {
  maxRounds: number;
  /** Wall-clock time between yields to the event loop, in milliseconds. */
  yieldEveryMs?: number;
  /** Called at each yield with the number of rounds played so far. */
  onYield?: (round: number) => void;
}

/** Returns the rounds of `engine` until `control` requests a stop or `maxRounds` is reached. */
export function roundStream(
  engine: DynamicsEngine,
  control: RunControl,
  options: RoundStreamOptions,
): Observable<RoundEvent> {
  const yieldEveryMs = options.yieldEveryMs ?? 50;
  return new Observable<RoundEvent>((subscriber) => {
    const play = async (): Promise<void> => {
      let lastYield = performance.now();
      let lastCheck = lastYield;
      let roundsSinceCheck = 0;
      // Reading the clock every round would cost more than a fast round, so
      // the check interval adapts to keep checks about 1 to 5 ms apart.
      let checkInterval = 1;
      while (!subscriber.closed && control.reason === null) {
        if (engine.round >= options.maxRounds) {
          control.request('max-rounds');
          break;
        }
        subscriber.next(engine.step());

        if (++roundsSinceCheck < checkInterval) continue;
        roundsSinceCheck = 0;
        const now = performance.now();
        if (now - lastCheck < 1) checkInterval = Math.min(checkInterval * 2, 1 << 16);
        else if (now - lastCheck > 5) checkInterval = Math.max(1, checkInterval >> 1);
        lastCheck = now;
        if (now - lastYield >= yieldEveryMs) {
          options.onYield?.(engine.round);
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      subscriber.complete();
    };
    play().catch((err: unknown) => subscriber.error(err));
  });
}
