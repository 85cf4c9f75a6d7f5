/**
 * Terminal effects of a long run: a progress bar on stderr, shown only
 * when stderr is a TTY and the run lasts over a second, and SIGINT and
 * SIGTERM handling that stops the run after the current round.
 */
import cliProgress from 'cli-progress';
import type { RunControl } from '../dynamics/roundStream.js';

const PROGRESS_DELAY_MS = 1000;

export class ProgressDisplay {
  private bar: cliProgress.SingleBar | null = null;
  private finished = false;
  private readonly startedAt = Date.now();

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  update(round: number): void {
    if (!this.enabled || this.finished || !process.stderr.isTTY) return;
    if (this.bar === null) {
      if (Date.now() - this.startedAt < PROGRESS_DELAY_MS) return;
      this.bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: 'rounds {bar} {value}/{total} | {rate} rounds/s | eta {eta_formatted}', etaBuffer: 20 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(this.total, round, { rate: '-' });
    }
    const seconds = (Date.now() - this.startedAt) / 1000;
    this.bar.update(round, { rate: seconds > 0 ? Math.round(round / seconds) : '-' });
  }

  /** Removes the bar for good, so messages and the summary print on clean lines. */
  stop(): void {
    this.finished = true;
    this.bar?.stop();
    this.bar = null;
  }
}

/**
 * Installs handlers that turn the first SIGINT or SIGTERM into a stop
 * request. A second signal exits at once with status 130, leaving a log
 * that replay and resume read up to its last complete record.
 */
export function handleInterrupts(
  control: RunControl,
  onSignal: () => void = () => {},
): { signal: () => string | null; dispose: () => void } {
  let received: string | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (received !== null) process.exit(130);
    received = signal;
    onSignal();
    process.stderr.write(`genmarket: ${signal} received, stopping after the current round (press Ctrl-C again to quit at once)\n`);
    control.request('interrupted');
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: () => received,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
