/**
 * Series of a `genmarket simulate` run log: the shares and welfare of
 * every logged round, the deployed model of each platform in every round,
 * the events, the closing summary, and the scenario from the header. The
 * report needs the scenario for the reference welfare lines and the
 * best-response graph. The log is read by the reader of replay and resume.
 *
 * A round record's profile is the profile that served users in that
 * round, before the round's revisions. A revision in round r takes effect
 * from round r + 1. Round records are written only every `--log-stride`
 * rounds, so the deployed models come from the start profile and the
 * revisions, which the log contains for every round.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { writeShares } from '../game/profilePayoffs.js';
import { formatPath } from '../market/loadScenario.js';
import type { Market } from '../market/market.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import type { RunRecord, SummaryRecord } from '../runlog/format.js';
import { analyzeLog, headerMarket } from '../runlog/logLayout.js';
import type { LogEntry, RunLog } from '../runlog/reader.js';
import { describeFields } from './logRecords.js';

/** Events kept for the page; later ones are only counted. */
export const MAX_LISTED_EVENTS = 200;

export interface RunRound {
  round: number;
  /** Model name deployed by each platform in this round. */
  profile: string[];
  shares: number[];
  welfare: number;
}

/** The profile that serves users from `round` on, until the next change. */
export interface ProfileChange {
  round: number;
  profile: string[];
}

export interface RunEvent {
  round: number;
  description: string;
}

export interface RunLogSeries {
  source: string;
  scenarioName: string;
  seed: string;
  scenario: ScenarioFile;
  numPlatforms: number;
  platformNames: string[];
  /** Rounds played up to the last complete round of the log. */
  lastRound: number;
  /** Rounds between round records (`--log-stride`). */
  logStride: number;
  /** The round records, in round order. */
  rounds: RunRound[];
  /** The profile of round 1 and every later change, up to `lastRound`. */
  profileChanges: ProfileChange[];
  /** Profile after the revisions of the last round, which serves the next round. */
  finalProfile: string[];
  /** Exact welfare of `finalProfile` under the population weights π. */
  finalProfileWelfare: number;
  /** The first MAX_LISTED_EVENTS events. */
  events: RunEvent[];
  /** Number of events in the log, listed or not. */
  eventCount: number;
  /** The summary that ends the log, or null when the log was cut off before it. */
  summary: SummaryRecord | null;
  notes: string[];
}

const index = z.number().int().min(0);

const roundSchema = z
  .object({
    profile: z.array(index),
    shares: z.array(z.number().finite()),
    welfare: z.number().finite(),
  })
  .loose();

const revisionSchema = z.object({ platform: index, from: index, to: index }).loose();

/** Raises an InputError naming the line when a record does not match `schema`. */
function checkRecord<T>(schema: z.ZodType<T>, entry: LogEntry, path: string): T {
  const result = schema.safeParse(entry.record);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `${path} line ${entry.line}: invalid ${entry.record.type} record: ${formatPath(issue.path)}: ${issue.message}`,
    );
  }
  return result.data;
}

function modelNames(market: Market, profile: readonly number[], where: string): string[] {
  return profile.map((j) => {
    const name = market.modelNames[j];
    if (name === undefined) throw new InputError(`${where}: model index ${j} is not a model of the scenario (it has ${market.numModels})`);
    return name;
  });
}

function parseRound(entry: LogEntry, market: Market, path: string): RunRound {
  const { profile, shares, welfare } = checkRecord(roundSchema, entry, path);
  const where = `${path} line ${entry.line}`;
  if (profile.length !== market.numPlatforms || shares.length !== market.numPlatforms) {
    throw new InputError(
      `${where}: round ${entry.record.round} has ${profile.length} profile entries and ${shares.length} shares, ` +
        `but the run has ${market.numPlatforms} platforms: the log is corrupted`,
    );
  }
  return { round: entry.record.round, profile: modelNames(market, profile, where), shares, welfare };
}

/** Describes an event with platform and model names in place of the indices the log stores. */
function describeEvent(record: RunRecord, market: Market): string {
  const model = (j: number) => market.modelNames[j] ?? `model ${j}`;
  const profile = (p: readonly number[]) => p.map(model).join(', ');
  switch (record.type) {
    case 'revision':
      return `revision: ${market.platformNames[record.platform]} switches from ${model(record.from)} to ${model(record.to)} for the next round`;
    case 'convergence':
      return `convergence at ${profile(record.profile)}`;
    case 'cycle':
      return `cycle of period ${record.period}: ${record.profiles.map((p) => `(${profile(p)})`).join(' → ')}`;
    default:
      return `${record.type} ${describeFields(record as unknown as Record<string, unknown>, ['type', 'round'])}`.trim();
  }
}

/** Record types that are neither rounds nor events of the market. */
const SKIPPED_TYPES = new Set<RunRecord['type']>(['header', 'round', 'checkpoint', 'summary']);

/**
 * Extracts the series of a run log up to its last complete round. Raises
 * an InputError naming the line of a record that does not fit the
 * header's scenario.
 */
export function extractRunLog(log: RunLog): RunLogSeries {
  const source = log.path;
  const notes = [...log.notes];
  const { scenario, market } = headerMarket(log);
  const layout = analyzeLog(log);
  if (layout.lastRound === 0) {
    throw new InputError(`${source} contains no complete round: the run stopped before it finished round 1, so there is nothing to plot`);
  }
  if (layout.partialRecords > 0) {
    const count = layout.partialRecords;
    notes.push(`${source} ends in the middle of round ${layout.lastRound + 1}: left out its ${count} record${count === 1 ? '' : 's'}`);
  }

  const rounds: RunRound[] = [];
  const events: RunEvent[] = [];
  let eventCount = 0;
  const current = Array.from(log.header.options.dynamics.start);
  const profileChanges: ProfileChange[] = [{ round: 1, profile: modelNames(market, current, source) }];
  for (const entry of layout.kept) {
    const { record } = entry;
    if (record.type === 'round') rounds.push(parseRound(entry, market, source));
    if (record.type === 'revision') {
      const { platform, to } = checkRecord(revisionSchema, entry, source);
      if (platform >= market.numPlatforms || to >= market.numModels) {
        throw new InputError(`${source} line ${entry.line}: revision of platform ${platform} to model ${to} does not fit the scenario: the log is corrupted`);
      }
      current[platform] = to;
      const next = { round: record.round + 1, profile: modelNames(market, current, source) };
      if (profileChanges.at(-1)!.round === next.round) profileChanges[profileChanges.length - 1] = next;
      else profileChanges.push(next);
    }
    if (SKIPPED_TYPES.has(record.type)) continue;
    eventCount++;
    if (events.length < MAX_LISTED_EVENTS) events.push({ round: record.round, description: describeEvent(record, market) });
  }

  // A revision in the last round changes the profile only for a round that was never played.
  const finalProfile = profileChanges.at(-1)!.profile;
  if (profileChanges.at(-1)!.round > layout.lastRound) profileChanges.pop();
  if (layout.finalSummary === null) {
    notes.push(`${source} does not end with a summary, because the run was killed or the log was cut off, so the outcome is unknown`);
  }

  return {
    source,
    scenarioName: scenario.name,
    seed: log.header.seed,
    scenario,
    numPlatforms: market.numPlatforms,
    platformNames: market.platformNames,
    lastRound: layout.lastRound,
    logStride: log.header.options.log.stride,
    rounds,
    profileChanges,
    finalProfile,
    finalProfileWelfare: writeShares(market, current, new Float64Array(market.numPlatforms)),
    events,
    eventCount,
    summary: layout.finalSummary,
    notes,
  };
}
