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

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'not found: check the path',
  EISDIR: 'is a directory: give a file',
  ENOTDIR: 'has a path part that is not a directory: check the path',
  EACCES: 'permission denied: check the file and folder permissions',
  EPERM: 'operation not permitted: check the file and folder permissions',
  ENOSPC: 'could not be written because the disk is full',
  EROFS: 'is on a read-only file system',
  EMFILE: 'could not be opened because too many files are open',
};

/**
 * Returns an InputError for a failed file operation, with the errno code
 * turned into plain words, e.g. `scenario file a.json not found: check the path`.
 */
export function fileError(what: string, path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const words = code !== undefined ? FILE_ERRORS[code] : undefined;
  if (words) return new InputError(`${what} ${path} ${words}`);
  return new InputError(`${what} ${path} failed: ${err instanceof Error ? err.message : String(err)}`);
}
