/**
 * Schema of sweep files. A sweep names a base scenario and the points to
 * run on it: the cartesian product of `grid` followed by the explicit
 * `points`. Each point may set the platform count, the choice rule, the
 * softmax temperature, the model pool, the seed and simulation options.
 * Whatever a point leaves out comes from the scenario.
 *
 * The schema checks shapes only. `resolveSweep` checks what depends on the
 * scenario (model names, top:N, a temperature for softmax).
 */
import { z } from 'zod';
import { choiceSchema } from '../market/scenarioSchema.js';

/** Tasks a sweep point can run. */
export const SWEEP_TASKS = ['analyze', 'simulate'] as const;
export type SweepTask = (typeof SWEEP_TASKS)[number];

const platforms = z
  .number({ error: 'must be a whole number of platforms' })
  .int({ error: 'must be a whole number of platforms' })
  .min(1, { error: 'must be at least 1 platform' });

const temperature = z
  .number({ error: 'must be a number' })
  .gt(0, { error: 'must be positive: softmax needs a temperature above 0' })
  .describe('Softmax temperature in reward units; hardmax points ignore it');

const choice = z
  .union([z.enum(['hardmax', 'softmax']), choiceSchema], {
    error: 'must be "hardmax", "softmax" or a choice object like {"rule": "softmax", "temperature": 0.1}',
  })
  .describe('Choice rule; "softmax" alone takes the temperature of the point or of the scenario');

const modelName = z.string({ error: 'must be a model name' }).min(1, { error: 'must not be empty' });

export const TOP_POOL_PATTERN = /^top:([1-9][0-9]*)$/;

const pool = z
  .union(
    [
      z.array(modelName).min(1, { error: 'needs at least one model' }),
      z.string().regex(TOP_POOL_PATTERN, { error: 'must be "top:N" with N a positive whole number' }),
    ],
    { error: 'must be a list of model names or "top:N" (the N models with the highest average reward)' },
  )
  .describe('Model pool: a list of names, or top:N by population-weighted average reward');

const seed = z
  .number({ error: 'must be a whole number from 0 to 4294967295' })
  .int({ error: 'must be a whole number from 0 to 4294967295' })
  .min(0, { error: 'must be a whole number from 0 to 4294967295' })
  .max(2 ** 32 - 1, { error: 'must be a whole number from 0 to 4294967295' });

const simulation = z
  .record(z.string(), z.unknown(), { error: 'must be an object of simulation options' })
  .describe('Options of genmarket simulate as camelCase fields, such as {"rounds": 2000, "schedule": "random"}; the simulate task checks them');

/** Axis values must be non-empty lists: an empty axis would make the grid empty. */
const axis = <T extends z.ZodType>(value: T) => z.array(value).min(1, { error: 'needs at least one value' });

export const sweepPointSchema = z
  .object({ platforms, temperature, choice, pool, seed, simulation })
  .partial()
  .strict();

export const sweepGridSchema = z
  .object({
    platforms: axis(platforms),
    temperature: axis(temperature),
    choice: axis(choice),
    pool: axis(pool),
    seed: axis(seed),
    simulation: axis(simulation),
  })
  .partial()
  .strict();

export const sweepSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1, { error: 'must not be empty' }).optional().describe('Sweep name; defaults to the file name'),
    description: z.string().optional(),
    scenario: z
      .string({ error: 'must be the path of a scenario file' })
      .min(1, { error: 'must not be empty' })
      .describe('Base scenario file, relative to the sweep file'),
    task: z
      .enum(SWEEP_TASKS, { error: `must be one of ${SWEEP_TASKS.map((t) => `"${t}"`).join(', ')}` })
      .default('analyze'),
    seed: seed.default(0).describe('Base seed from which points without a seed derive theirs'),
    grid: sweepGridSchema.optional().describe('Axes whose cartesian product gives points'),
    points: z.array(sweepPointSchema).optional().describe('Explicit points, run after the grid'),
    analysis: z
      .object({
        tolerance: z.number().min(0, { error: 'must be non-negative' }).default(1e-12),
        maxClasses: z.number().int().min(1, { error: 'must be a positive whole number' }).default(50_000_000),
      })
      .strict()
      .default({ tolerance: 1e-12, maxClasses: 50_000_000 })
      .describe('ε of the Nash condition and the limit on permutation classes'),
    simulation: simulation.optional().describe('Simulation options shared by every point; a point may override them'),
  })
  .strict()
  .superRefine((sweep, ctx) => {
    const gridAxes = sweep.grid ? Object.keys(sweep.grid).length : 0;
    const listed = sweep.points?.length ?? 0;
    if (gridAxes === 0 && listed === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'has no points: give a grid with at least one axis, a non-empty points list, or both' });
    }
  });

export type SweepFile = z.infer<typeof sweepSchema>;
export type SweepPointSpec = z.infer<typeof sweepPointSchema>;
export type ChoiceSpec = NonNullable<SweepPointSpec['choice']>;
export type PoolSpec = NonNullable<SweepPointSpec['pool']>;
