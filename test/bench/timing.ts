/**
 * Timing helpers for the benchmarks: best-of-n wall time of a function,
 * and a line printer that keeps the figures aligned.
 */

/** Runs `fn` `repeats` times and returns the fastest time in seconds with the last result. */
export function bestTime<T>(fn: () => T, repeats = 5): { seconds: number; result: T } {
  let seconds = Infinity;
  let result!: T;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    result = fn();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (elapsed < seconds) seconds = elapsed;
  }
  return { seconds, result };
}

const NAME_WIDTH = 36;
const SIZE_WIDTH = 30;

/** Prints one benchmark figure with its problem size and target. */
export function report(name: string, size: string, figure: string, target?: string, met?: boolean): void {
  const verdict = target === undefined ? '' : `  target ${target}: ${met ? 'met' : 'MISSED'}`;
  process.stdout.write(`${name.padEnd(NAME_WIDTH)} ${size.padEnd(SIZE_WIDTH)} ${figure.padStart(18)}${verdict}\n`);
}

/** Prints a detail line under the last figure, indented to its problem size. */
export function note(text: string): void {
  process.stdout.write(`${''.padEnd(NAME_WIDTH + 1)}${text}\n`);
}
