/**
 * Turns an error that reached the top of a command into a message on
 * stderr and an exit status, so users never see a stack trace for bad
 * input.
 */
import { InputError, LimitError } from '../errors.js';

/** Prints the error and returns the exit status: 2 for bad input, 1 otherwise. */
export function reportFailure(err: unknown): number {
  if (err instanceof InputError || err instanceof LimitError) {
    process.stderr.write(`genmarket: ${err.message}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`genmarket: internal error: ${message}\n`);
  if (process.env.GENMARKET_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('Set GENMARKET_DEBUG=1 to print the stack trace when reporting this.\n');
  return 1;
}
