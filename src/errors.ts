/**
 * Error raised for invalid user input: a scenario, a log, a sweep file or a
 * command-line option. The command-line layer prints `message` alone and
 * exits with status 2, so the message must name the field or value, the
 * problem, and what to do.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(message: string) {
    super(message);
  }
}

/**
 * Error raised when a request is valid but too large to carry out, such as
 * an equilibrium enumeration over too many permutation classes.
 */
export class LimitError extends Error {
  override readonly name = 'LimitError';

  constructor(message: string) {
    super(message);
  }
}
