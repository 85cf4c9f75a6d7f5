/**
 * Simulation options of a sweep point. A sweep file gives the options of
 * `genmarket simulate` as JSON fields named like its flags in camelCase
 * (`--response-temperature` is `responseTemperature`). They are checked
 * by the parser of the command line with the same defaults, so a point
 * runs exactly like `genmarket simulate --seed <point seed>` with those
 * flags. Messages name the field path in the sweep file.
 */
import { z } from 'zod';
import {
  buildRunOptions,
  SIMULATE_DEFAULTS,
  type OptionNames,
  type SimulateOptionKey,
  type SimulateSettings,
} from '../cli/commands/simulateOptions.js';
import { ESTIMATES, RESPONSE_RULES, SCHEDULES } from '../dynamics/options.js';
import { InputError } from '../errors.js';
import type { Market } from '../market/market.js';
import type { RunOptions } from '../runlog/format.js';

const numberOrText = (expected: string) => z.union([z.number(), z.string()], { error: `must be ${expected}` });
const oneOf = (choices: readonly string[]) => z.string({ error: `must be one of ${choices.join(', ')}` });
const flag = z.boolean({ error: 'must be true or false' });

/**
 * JSON types of the options a sweep may set. Values and combinations are
 * checked afterwards by `buildRunOptions`, as on the command line. Run-log
 * options are absent because sweep points write no run log, and the seed
 * is the point's seed.
 */
const simulationOptionsSchema = z
  .object({
    rounds: numberOrText('a whole number of rounds'),
    users: numberOrText('a whole number of users or "infinite"'),
    perUser: flag,
    schedule: oneOf(SCHEDULES),
    inertia: numberOrText('a probability'),
    response: oneOf(RESPONSE_RULES),
    epsilon: numberOrText('a probability'),
    responseTemperature: numberOrText('a positive number'),
    estimates: oneOf(ESTIMATES),
    ratingNoise: flag,
    start: z.union([z.array(z.string()), z.string()], { error: 'must be a list of model names, one per platform' }),
    window: numberOrText('a whole number of rounds'),
    stop: flag,
  })
  .partial();

/** Names of the simulation options a sweep may set. */
export const SIMULATION_OPTION_NAMES: readonly string[] = Object.keys(simulationOptionsSchema.shape);

/** Returns the field path in the sweep file of one simulation option of a point. */
export type LocateOption = (key: string) => string;

/** Locates every option under the sweep's own `simulation` object. */
export const locateInSweepOptions: LocateOption = (key) => `simulation.${key}`;

function sweepOptionNames(locate: LocateOption): OptionNames {
  return {
    option: (key: SimulateOptionKey) => locate(key),
    setting: (key: SimulateOptionKey, value: string) => `"${key}": ${JSON.stringify(value)}`,
  };
}

/**
 * Builds the run options of a point from its simulation options, its
 * market and its seed. Raises an InputError that names the field path
 * given by `locate` for an unknown option, a value of the wrong type or a
 * value the command line would reject.
 */
export function sweepRunOptions(
  simulation: Record<string, unknown> | null,
  market: Market,
  seed: number,
  locate: LocateOption = locateInSweepOptions,
): RunOptions {
  const options = simulation ?? {};
  for (const key of Object.keys(options)) {
    if (key === 'seed') {
      throw new InputError(
        `${locate(key)}: a point's simulation runs with the point's seed: set it with the seed axis, a point's seed or the sweep's base seed`,
      );
    }
    if (!SIMULATION_OPTION_NAMES.includes(key)) {
      throw new InputError(`${locate(key)}: unknown simulation option: expected one of ${SIMULATION_OPTION_NAMES.join(', ')}`);
    }
  }
  const parsed = simulationOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${locate(String(issue.path[0]))}: ${issue.message}`);
  }
  const settings: SimulateSettings = { ...SIMULATE_DEFAULTS, ...parsed.data, seed: String(seed) };
  return buildRunOptions(settings, market, sweepOptionNames(locate));
}
