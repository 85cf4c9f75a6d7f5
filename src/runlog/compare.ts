/**
 * Field-by-field comparison of a logged record with a re-run's record.
 * The re-run's record goes through a JSON round trip first, so both sides
 * are compared as the log stores them (for example -0 as 0).
 */

export interface FieldDifference {
  /** Path of the first differing field, as `shares[1]` or `engine.rng.s0`. */
  field: string;
  logged: unknown;
  rerun: unknown;
}

/** Returns the first field where `rerun` differs from `logged`, or null when equal. */
export function firstDifference(logged: unknown, rerun: unknown): FieldDifference | null {
  return differ(logged, JSON.parse(JSON.stringify(rerun)) as unknown, '');
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function differ(a: unknown, b: unknown, path: string): FieldDifference | null {
  if (Object.is(a, b)) return null;
  const difference = { field: path === '' ? '(record)' : path, logged: a, rerun: b };
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return difference;
  if (Array.isArray(a) !== Array.isArray(b)) return difference;

  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const d = differ(a[i], b[i], join(path, i));
      if (d) return d;
    }
    return null;
  }

  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    const d = differ(left[key], right[key], join(path, key));
    if (d) return d;
  }
  return null;
}

/** Formats a value for a mismatch message, shortening long JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
