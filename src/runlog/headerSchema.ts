/**
 * Schema of the run-log header, checked when a log is read so that replay
 * and resume fail with a message naming the field instead of misbehaving
 * on a damaged or hand-edited header.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { ESTIMATES, RESPONSE_RULES, SCHEDULES } from '../dynamics/options.js';
import { formatPath } from '../market/loadScenario.js';
import type { HeaderRecord } from './format.js';

const positiveInteger = z.number().int().min(1);

const dynamicsSchema = z.object({
  seed: z.string(),
  users: positiveInteger.nullable(),
  perUser: z.boolean(),
  schedule: z.enum(SCHEDULES as [string, ...string[]]),
  inertia: z.number().gt(0).max(1),
  response: z.enum(RESPONSE_RULES as [string, ...string[]]),
  epsilon: z.number().min(0).max(1),
  responseTemperature: z.number().gt(0),
  estimates: z.enum(ESTIMATES as [string, ...string[]]),
  ratingNoise: z.boolean(),
  start: z.array(z.number().int().min(0)).min(1),
});

const headerSchema = z.object({
  type: z.literal('header'),
  round: z.literal(0),
  format: z.string(),
  formatVersion: z.number(),
  genmarketVersion: z.string(),
  startedAt: z.string(),
  scenarioPath: z.string(),
  scenario: z.record(z.string(), z.unknown()),
  seed: z.string(),
  options: z.object({
    dynamics: dynamicsSchema,
    run: z.object({ maxRounds: z.number().int().min(0), window: positiveInteger, stopAtOutcome: z.boolean() }),
    log: z.object({ stride: positiveInteger, checkpointEvery: positiveInteger }),
  }),
}).refine((header) => header.seed === header.options.dynamics.seed, {
  // The run uses options.dynamics.seed; the top-level copy is for readers, so the two must agree.
  error: 'differs from options.dynamics.seed, the seed the run used',
  path: ['seed'],
});

/** Returns the header after checking its fields, or raises an InputError naming the first bad ones. */
export function validateHeader(path: string, value: unknown): HeaderRecord {
  const result = headerSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new InputError(`${path} has an invalid header (${problems.join('; ')}): the log is corrupted`);
  }
  return value as HeaderRecord;
}
