/**
 * Series of a `genmarket simulate` run log: the profile, platform shares
 * and welfare of every round, the events, the closing summary, and the
 * scenario from the header, which the report needs for the reference
 * welfare lines and the best-response graph.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatPath, parseScenario, readScenarioFile } from '../market/loadScenario.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { describeFields, explicitType, isHeaderRecord, isRoundRecord, isSummaryRecord, PINO_FIELDS } from './logRecords.js';
import type { NdjsonContent } from './readNdjson.js';

export interface RunRound {
  round: number;
  /** Model name deployed by each platform. */
  profile: string[];
  shares: number[];
  welfare: number;
}

export interface RunEvent {
  round: number | null;
  description: string;
}

export interface RunLogSeries {
  source: string;
  scenarioName: string;
  seed: string | null;
  /** Scenario from the header, or null when the header has none. */
  scenario: ScenarioFile | null;
  /** Platform count of the run, which may differ from the scenario's (`--platforms`). */
  numPlatforms: number;
  platformNames: string[];
  rounds: RunRound[];
  events: RunEvent[];
  summary: Record<string, unknown> | null;
  notes: string[];
}

const roundSchema = z
  .object({
    round: z.number().int().min(0),
    profile: z.array(z.union([z.string(), z.number().int().min(0)])),
    shares: z.array(z.number().finite()),
    welfare: z.number().finite(),
  })
  .loose();

function readHeaderScenario(value: unknown, source: string): ScenarioFile {
  if (typeof value === 'string') {
    const nearLog = isAbsolute(value) ? value : resolve(dirname(source), value);
    return readScenarioFile(existsSync(nearLog) ? nearLog : value);
  }
  return parseScenario(value, `${source} header scenario`);
}

function modelName(entry: string | number, scenario: ScenarioFile | null, where: string): string {
  if (typeof entry === 'string') return entry;
  const model = scenario?.models[entry];
  if (!model) throw new InputError(`${where}: profile entry ${entry} is not a model index of the scenario`);
  return model.name;
}

function parseRound(record: Record<string, unknown>, scenario: ScenarioFile | null, where: string): RunRound {
  const result = roundSchema.safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(`${where}: invalid round record: ${formatPath(issue.path)}: ${issue.message}`);
  }
  const { round, profile, shares, welfare } = result.data;
  if (profile.length !== shares.length) {
    throw new InputError(`${where}: round ${round} has ${profile.length} profile entries but ${shares.length} shares: give one per platform`);
  }
  return { round, profile: profile.map((entry) => modelName(entry, scenario, where)), shares, welfare };
}

function platformNamesOf(header: Record<string, unknown> | null, scenario: ScenarioFile | null, count: number): string[] {
  const fromHeader = header?.platformNames ?? header?.platforms;
  if (Array.isArray(fromHeader) && fromHeader.length === count && fromHeader.every((n) => typeof n === 'string')) {
    return fromHeader as string[];
  }
  if (scenario && Array.isArray(scenario.platforms) && scenario.platforms.length === count) {
    return scenario.platforms.map((p) => p.name);
  }
  return Array.from({ length: count }, (_, i) => `P${i + 1}`);
}

/** Record types that carry run state for resuming, not events of the market. */
const STATE_TYPES = new Set(['checkpoint']);

/**
 * Describes an event record with model and platform names where the
 * simulator logs indices: `revision` (platform, from, to), `convergence`
 * (profile) and `cycle` (period, profiles). Other records list their fields.
 */
function describeEvent(record: Record<string, unknown>, scenario: ScenarioFile | null, platformNames: string[]): string {
  const type = explicitType(record) ?? (typeof record.msg === 'string' ? record.msg : 'event');
  const model = (entry: unknown) =>
    typeof entry === 'number' ? (scenario?.models[entry]?.name ?? `model ${entry}`) : String(entry);
  const profile = (value: unknown) => (Array.isArray(value) ? value.map(model).join(', ') : String(value));

  if (type === 'revision' && typeof record.platform === 'number') {
    const platform = platformNames[record.platform] ?? `platform ${record.platform}`;
    return `revision: ${platform} switches from ${model(record.from)} to ${model(record.to)}`;
  }
  if (type === 'convergence' && Array.isArray(record.profile)) return `convergence at ${profile(record.profile)}`;
  if (type === 'cycle' && Array.isArray(record.profiles)) {
    return `cycle of period ${String(record.period)}: ${record.profiles.map((p) => `(${profile(p)})`).join(' → ')}`;
  }
  return `${type} ${describeFields(record, ['type', 'kind', 'record', 'round'])}`.trim();
}

/** Extracts the series of a run log; raises an InputError naming the file when it has no rounds. */
export function extractRunLog(content: NdjsonContent, source: string): RunLogSeries {
  const notes = [...content.notes];
  const headerIndex = content.records.findIndex(isHeaderRecord);
  const header = headerIndex >= 0 ? content.records[headerIndex] : null;
  let scenario: ScenarioFile | null = null;
  if (header && header.scenario !== undefined) scenario = readHeaderScenario(header.scenario, source);
  else notes.push(`${source}: the log has no header with a scenario, so reference welfare and the best-response graph are left out`);

  const rounds: RunRound[] = [];
  const eventRecords: Record<string, unknown>[] = [];
  let summary: Record<string, unknown> | null = null;
  content.records.forEach((record, k) => {
    const where = `${source} line ${content.lineNumbers[k]}`;
    if (k === headerIndex || STATE_TYPES.has(explicitType(record) ?? '')) return;
    if (isRoundRecord(record)) rounds.push(parseRound(record, scenario, where));
    else if (isSummaryRecord(record)) summary = record;
    else if (Object.keys(record).some((key) => !PINO_FIELDS.has(key))) eventRecords.push(record);
  });
  if (rounds.length === 0) {
    throw new InputError(`${source} contains no round records: expected lines like {"type":"round","round":1,"profile":[...],"shares":[...],"welfare":...}`);
  }

  const numPlatforms = rounds[0].shares.length;
  const mismatch = rounds.find((r) => r.shares.length !== numPlatforms);
  if (mismatch) {
    throw new InputError(`${source}: round ${mismatch.round} has ${mismatch.shares.length} platforms but round ${rounds[0].round} has ${numPlatforms}`);
  }
  const platformNames = platformNamesOf(header, scenario, numPlatforms);
  const events: RunEvent[] = eventRecords.map((record) => ({
    round: typeof record.round === 'number' ? record.round : null,
    description: describeEvent(record, scenario, platformNames),
  }));
  const seed = header?.seed;
  return {
    source,
    scenarioName: scenario?.name ?? (typeof header?.name === 'string' ? header.name : source),
    seed: seed === undefined || seed === null ? null : String(seed),
    scenario,
    numPlatforms,
    platformNames,
    rounds,
    events,
    summary,
    notes,
  };
}
