/**
 * Schema and validation of an LMArena leaderboard export: an object that
 * maps each category (`coding`, `math`, `full` for all prompts, ...) to the
 * models rated in it, each with an Elo-scale rating and its 95% bootstrap
 * interval.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatPath } from '../market/loadScenario.js';

/** Maximum number of field problems listed in one error message. */
const MAX_LISTED_ISSUES = 10;

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `a ${typeof value}`;
}

const finiteNumber = z.number({
  error: (issue) => `expected a finite number, got ${describeValue(issue.input)}`,
});

export const ratingSchema = z
  .object(
    {
      rating: finiteNumber,
      rating_q025: finiteNumber,
      rating_q975: finiteNumber,
    },
    { error: (issue) => `expected an object {rating, rating_q025, rating_q975}, got ${describeValue(issue.input)}` },
  )
  .loose()
  .refine((r) => r.rating_q025 <= r.rating_q975, {
    error: 'rating_q025 is above rating_q975: the 95% interval bounds are swapped',
  });

export const leaderboardSchema = z.record(
  z.string(),
  z.record(z.string(), ratingSchema, {
    error: (issue) => `expected an object mapping model names to ratings, got ${describeValue(issue.input)}`,
  }),
  { error: (issue) => `expected an object mapping category names to models, got ${describeValue(issue.input)}` },
);

/** Rating of one model in one category, with its 95% interval. */
export type Rating = z.infer<typeof ratingSchema>;

/** Category name → model name → rating. */
export type Leaderboard = z.infer<typeof leaderboardSchema>;

/**
 * Validates parsed JSON as a leaderboard. Raises InputError that lists each
 * bad field by path, such as `coding.gpt-5.rating: expected a finite number`.
 */
export function parseLeaderboard(data: unknown, source: string): Leaderboard {
  const result = leaderboardSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    if (issues.length > MAX_LISTED_ISSUES) lines.push(`  ... and ${issues.length - MAX_LISTED_ISSUES} more`);
    throw new InputError(
      `${source} is not a valid LMArena leaderboard ({category: {model: {rating, rating_q025, rating_q975}}}):\n${lines.join('\n')}`,
    );
  }
  if (Object.keys(result.data).length === 0) {
    throw new InputError(`${source} is not a valid LMArena leaderboard: it contains no categories`);
  }
  return result.data;
}

/**
 * Returns the rating noise σ implied by a 95% interval, assuming a normal
 * distribution: the interval spans 2 × 1.96 σ.
 */
export function ratingStdDev(rating: Rating): number {
  return (rating.rating_q975 - rating.rating_q025) / 3.92;
}
