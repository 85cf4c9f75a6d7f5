/**
 * Classification of NDJSON log records. Logs written with pino carry its
 * own fields (`level`, `time`, `pid`, `hostname`, `msg`) beside the record's
 * data. These helpers read the record type from an explicit `type` field
 * and fall back to the fields a record carries.
 */

/** Fields that pino adds to every record; they carry no report data. */
export const PINO_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v', 'name']);

/** Returns the explicit record type (`type`, else `kind`, else `record`), lower-cased, or null. */
export function explicitType(record: Record<string, unknown>): string | null {
  for (const key of ['type', 'kind', 'record']) {
    const value = record[key];
    if (typeof value === 'string') return value.toLowerCase();
  }
  return null;
}

/** Returns whether a record looks like a round of a simulate run: a round number and the platform shares. */
export function isRoundRecord(record: Record<string, unknown>): boolean {
  const type = explicitType(record);
  if (type !== null) return type === 'round';
  return typeof record.round === 'number' && Array.isArray(record.shares);
}

/** Returns whether a record is a run header: explicitly typed, or carrying the scenario and the seed. */
export function isHeaderRecord(record: Record<string, unknown>): boolean {
  const type = explicitType(record);
  if (type !== null) return type === 'header';
  return 'scenario' in record && 'seed' in record;
}

/** Returns whether a record is one point of an entrant's training curve. */
export function isTrainingRecord(record: Record<string, unknown>): boolean {
  return typeof record.step === 'number' && typeof record.objective === 'number';
}

/** Finds an entry report as `genmarket entry --json` prints it, in the record itself or under `report`. */
export function findEntryReport(record: Record<string, unknown>): Record<string, unknown> | null {
  if (Array.isArray(record.incumbentProfile) && ('standard' in record || 'bestResponse' in record)) return record;
  const nested = record.report;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    return findEntryReport(nested as Record<string, unknown>);
  }
  return null;
}

/** Formats a record's scalar fields as `key=value` pairs, leaving out pino's own fields and `skip`. */
export function describeFields(record: Record<string, unknown>, skip: readonly string[]): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (PINO_FIELDS.has(key) || skip.includes(key)) continue;
    if (value === null || typeof value !== 'object') parts.push(`${key}=${String(value)}`);
    else parts.push(`${key}=${JSON.stringify(value)}`);
  }
  return parts.join(' ');
}
