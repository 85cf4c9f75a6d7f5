/**
 * Series of a strategic-entry run: the training curve of each scheme and
 * the before/after comparison of welfare, provider payoff and distinct
 * models. The input is the JSON report of `genmarket entry`, an NDJSON log
 * of its training steps, or a log that contains both.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { describeFields, findEntryReport, isTrainingRecord } from './logRecords.js';
import type { NdjsonContent } from './readNdjson.js';

export interface CurvePoint {
  /** Scheme, with the targeted platform, restart and retraining round when the log has them. */
  run: string;
  step: number;
  objective: number;
  averageReward: number | null;
}

export interface ComparisonRow {
  scheme: string;
  measure: 'welfare' | 'provider payoff' | 'distinct models';
  stage: 'before' | 'after';
  value: number;
}

export interface SchemeOutcome {
  scheme: string;
  platform: string | null;
  captureShare: number | null;
  adoptedAtEquilibrium: boolean | null;
  finalProfile: string[] | null;
}

export interface EntrySeries {
  source: string;
  scenarioName: string | null;
  entrant: string | null;
  incumbentProfile: string[] | null;
  curve: CurvePoint[];
  comparison: ComparisonRow[];
  outcomes: SchemeOutcome[];
  /** Facts from the log's first record (scenario, seed) and its last one, when they are not training steps. */
  logFacts: [label: string, value: string][];
  notes: string[];
}

/** Scheme keys of an entry report and their labels. */
const SCHEMES: [key: string, label: string][] = [
  ['standard', 'standard'],
  ['bestResponse', 'best response'],
  ['retrained', 'retrained'],
];

const schemeReportSchema = z
  .object({
    platform: z.string().nullish(),
    captureShare: z.number().nullish(),
    adoptedAtEquilibrium: z.boolean().nullish(),
    welfareBefore: z.number(),
    welfareAfter: z.number(),
    providerPayoffBefore: z.number(),
    providerPayoff: z.number(),
    distinctModelsBefore: z.number(),
    distinctModelsAfter: z.number(),
    dynamics: z.object({ profile: z.array(z.string()) }).loose().nullish(),
    curve: z
      .array(z.object({ step: z.number(), objective: z.number(), averageReward: z.number().nullish() }).loose())
      .default([]),
  })
  .loose();

type SchemeReport = z.infer<typeof schemeReportSchema>;

function comparisonRows(scheme: string, report: SchemeReport): ComparisonRow[] {
  const pairs: [ComparisonRow['measure'], number, number][] = [
    ['welfare', report.welfareBefore, report.welfareAfter],
    ['provider payoff', report.providerPayoffBefore, report.providerPayoff],
    ['distinct models', report.distinctModelsBefore, report.distinctModelsAfter],
  ];
  return pairs.flatMap(([measure, before, after]) => [
    { scheme, measure, stage: 'before' as const, value: before },
    { scheme, measure, stage: 'after' as const, value: after },
  ]);
}

/** Labels one training run, e.g. `best-response vs P1, restart 0, retraining round 2`. */
function trainingRun(record: Record<string, unknown>): string {
  const parts = [typeof record.scheme === 'string' ? record.scheme : 'training'];
  if (typeof record.platform === 'string') parts[0] += ` vs ${record.platform}`;
  if (typeof record.restart === 'number') parts.push(`restart ${record.restart}`);
  if (typeof record.round === 'number') parts.push(`retraining round ${record.round}`);
  return parts.join(', ');
}

function logFacts(records: readonly Record<string, unknown>[]): [string, string][] {
  const facts: [string, string][] = [];
  const first = records[0];
  const last = records[records.length - 1];
  if (records.length < 2 || isTrainingRecord(first) || findEntryReport(first)) return facts;
  if (typeof first.scenario === 'string') facts.push(['scenario file', first.scenario]);
  const options = first.options as Record<string, unknown> | undefined;
  if (options?.seed !== undefined) facts.push(['seed', String(options.seed)]);
  if (!isTrainingRecord(last) && !findEntryReport(last)) facts.push(['result', describeFields(last, [])]);
  return facts;
}

/** Extracts the entry series; raises an InputError naming the file when it has neither curve nor report. */
export function extractEntry(content: NdjsonContent, source: string): EntrySeries {
  const notes = [...content.notes];
  const reports = content.records.map(findEntryReport).filter((r) => r !== null);
  const report = reports.at(-1) ?? null;

  const curve: CurvePoint[] = content.records.filter(isTrainingRecord).map((r) => ({
    run: trainingRun(r),
    step: r.step as number,
    objective: r.objective as number,
    averageReward: typeof r.averageReward === 'number' ? r.averageReward : null,
  }));
  const fromLog = curve.length > 0;

  const comparison: ComparisonRow[] = [];
  const outcomes: SchemeOutcome[] = [];
  for (const [key, label] of SCHEMES) {
    if (!report || report[key] === undefined) continue;
    const parsed = schemeReportSchema.safeParse(report[key]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${source}: invalid "${key}" entry report: ${issue.path.join('.')}: ${issue.message}`);
    }
    const scheme = parsed.data;
    comparison.push(...comparisonRows(label, scheme));
    outcomes.push({
      scheme: label,
      platform: scheme.platform ?? null,
      captureShare: scheme.captureShare ?? null,
      adoptedAtEquilibrium: scheme.adoptedAtEquilibrium ?? null,
      finalProfile: scheme.dynamics?.profile ?? null,
    });
    if (!fromLog) {
      for (const p of scheme.curve) curve.push({ run: label, step: p.step, objective: p.objective, averageReward: p.averageReward ?? null });
    }
  }

  if (curve.length === 0 && comparison.length === 0) {
    throw new InputError(`${source} has neither training steps nor an entry report with before/after measures`);
  }
  if (!report) notes.push(`${source}: no entry report in the log, so the before/after comparison is left out`);
  if (report && !fromLog) notes.push(`${source}: training curves are the points kept in the report, not every step`);

  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : null);
  const entrant = report?.entrant as { name?: unknown } | undefined;
  return {
    source,
    scenarioName: typeof report?.scenario === 'string' ? report.scenario : null,
    entrant: typeof entrant?.name === 'string' ? entrant.name : null,
    incumbentProfile: names(report?.incumbentProfile),
    curve,
    comparison,
    outcomes,
    logFacts: logFacts(content.records),
    notes,
  };
}
