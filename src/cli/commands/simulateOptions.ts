/**
 * Parsing and checking of the `simulate` options, shared by the command
 * line and by sweeps of the `simulate` task. Every error names the option
 * and the value and raises an InputError, so the command exits with
 * status 2.
 */
import { InputError } from '../../errors.js';
import {
  DEFAULT_EPSILON,
  DEFAULT_INERTIA,
  DEFAULT_RESPONSE_TEMPERATURE,
  defaultStart,
  ESTIMATES,
  RESPONSE_RULES,
  SCHEDULES,
  type DynamicsOptions,
  type Estimates,
  type ResponseRule,
  type Schedule,
} from '../../dynamics/options.js';
import type { Market } from '../../market/market.js';
import type { RunOptions } from '../../runlog/format.js';

/**
 * Settings of one run. The command line gives every value as text. A
 * sweep file gives JSON numbers, booleans and, for `start`, a list of
 * model names, which the same checks accept.
 */
export interface SimulateSettings {
  rounds: string | number;
  seed: string;
  users: string | number;
  perUser?: boolean;
  schedule: string;
  inertia?: string | number;
  response: string;
  epsilon?: string | number;
  responseTemperature?: string | number;
  estimates: string;
  ratingNoise?: boolean;
  /** Starting model of each platform: names separated by commas, or a list of names. */
  start?: string | string[];
  window: string | number;
  stop: boolean;
  logStride: string | number;
  checkpointEvery: string | number;
}

/** Option values as commander returns them. */
export interface SimulateFlags extends SimulateSettings {
  rounds: string;
  users: string;
  inertia?: string;
  epsilon?: string;
  responseTemperature?: string;
  start?: string;
  window: string;
  logStride: string;
  checkpointEvery: string;
  log?: string | false;
  resume?: string;
  json?: boolean;
  progress: boolean;
}

/** Defaults of the options that have one, as text the way commander passes them. */
export const SIMULATE_DEFAULTS = {
  rounds: '1000000',
  seed: '1',
  users: '10000',
  schedule: 'round-robin',
  response: 'best',
  estimates: 'exact',
  window: '1000',
  stop: true,
  logStride: '1000',
  checkpointEvery: '100000',
} as const satisfies Partial<SimulateSettings>;

export type SimulateOptionKey = keyof SimulateSettings;

/** Option names for messages: command-line flags, or field paths of a sweep file. */
export interface OptionNames {
  /** Names the option, such as `--log-stride` or `grid.simulation[0].logStride`. */
  option(key: SimulateOptionKey): string;
  /** Names the option set to `value` as the user would write it, such as `--schedule inertia`. */
  setting(key: SimulateOptionKey, value: string): string;
}

function flagName(key: SimulateOptionKey): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Names options by their command-line flags. */
export const FLAG_NAMES: OptionNames = {
  option: flagName,
  setting: (key, value) => `${flagName(key)} ${value}`,
};

/** Returns a number from text (empty text is NaN) or the number itself. */
function toNumber(value: string | number, allowUnderscores: boolean): number {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return Number.NaN;
  return Number(allowUnderscores ? value.replaceAll('_', '') : value);
}

/** Returns a whole number ≥ `min` from `value`, accepting text forms like 1e6 and 1_000_000. */
export function parseCount(option: string, value: string | number, min: number): number {
  const number = toNumber(value, true);
  if (!Number.isSafeInteger(number) || number < min) {
    throw new InputError(`invalid ${option} ${JSON.stringify(value)}: expected a whole number of at least ${min}`);
  }
  return number;
}

function parseNumber(option: string, value: string | number, valid: (x: number) => boolean, expected: string): number {
  const number = toNumber(value, false);
  if (!Number.isFinite(number) || !valid(number)) {
    throw new InputError(`invalid ${option} ${JSON.stringify(value)}: expected ${expected}`);
  }
  return number;
}

function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(`invalid ${option} ${JSON.stringify(value)}: expected one of ${choices.join(', ')}`);
  }
  return value as T;
}

function parseUsers(option: string, value: string | number): number | null {
  if (typeof value === 'string' && value.toLowerCase() === 'infinite') return null;
  const number = toNumber(value, true);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new InputError(`invalid ${option} ${JSON.stringify(value)}: expected a whole number of users of at least 1, or "infinite"`);
  }
  return number;
}

/** Returns the model index of each platform named in `--start m1,m2,...` or in a list of names. */
export function parseStart(value: string | readonly string[], market: Market, option = '--start'): number[] {
  const names = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (names.length !== market.numPlatforms) {
    throw new InputError(
      `invalid ${option} ${JSON.stringify(value)}: it names ${names.length} models but the run has ` +
        `${market.numPlatforms} platforms (${market.platformNames.join(', ')}); give one model per platform`,
    );
  }
  return names.map((name) => {
    const index = market.modelNames.indexOf(name);
    if (index === -1) {
      const known = market.modelNames.slice(0, 10).join(', ') + (market.numModels > 10 ? ', ...' : '');
      throw new InputError(`invalid ${option} ${JSON.stringify(value)}: "${name}" is not a model of the scenario (models: ${known})`);
    }
    return index;
  });
}

/** Rejects an option that only applies with another option value. */
function requireWith(given: string | number | undefined, option: string, applies: boolean, condition: string): void {
  if (given !== undefined && !applies) {
    throw new InputError(`${option} ${given} has no effect unless ${condition}: remove it or add ${condition}`);
  }
}

/**
 * Builds the run options of a new run from its settings. Messages name
 * the options with `names`, which defaults to the command-line flags.
 */
export function buildRunOptions(settings: SimulateSettings, market: Market, names: OptionNames = FLAG_NAMES): RunOptions {
  const { option, setting } = names;
  const schedule = parseChoice<Schedule>(option('schedule'), settings.schedule, SCHEDULES);
  const response = parseChoice<ResponseRule>(option('response'), settings.response, RESPONSE_RULES);
  const estimates = parseChoice<Estimates>(option('estimates'), settings.estimates, ESTIMATES);
  const users = parseUsers(option('users'), settings.users);

  requireWith(settings.inertia, option('inertia'), schedule === 'inertia', setting('schedule', 'inertia'));
  requireWith(settings.epsilon, option('epsilon'), response === 'epsilon-greedy', setting('response', 'epsilon-greedy'));
  requireWith(settings.responseTemperature, option('responseTemperature'), response === 'logit', setting('response', 'logit'));
  if (settings.perUser && users === null) {
    throw new InputError(`${option('perUser')} needs a finite number of users: set ${option('users')} to a whole number`);
  }
  if (settings.ratingNoise && !market.rewardStdDevs) {
    throw new InputError(
      `${option('ratingNoise')} needs reward standard deviations, but scenario "${market.name}" has no rewardStdDevs: ` +
        'add rewardStdDevs (one per user type) to its models',
    );
  }
  if (settings.ratingNoise && estimates === 'learned') {
    throw new InputError(
      `${option('ratingNoise')} has no effect with ${setting('estimates', 'learned')}, because learners do not use S: remove one of them`,
    );
  }
  if (settings.seed === '') throw new InputError(`invalid ${option('seed')} "": expected a non-empty seed`);

  const dynamics: DynamicsOptions = {
    seed: settings.seed,
    users,
    perUser: settings.perUser ?? false,
    schedule,
    inertia:
      settings.inertia === undefined
        ? DEFAULT_INERTIA
        : parseNumber(option('inertia'), settings.inertia, (p) => p > 0 && p <= 1, 'a probability in (0, 1]'),
    response,
    epsilon:
      settings.epsilon === undefined
        ? DEFAULT_EPSILON
        : parseNumber(option('epsilon'), settings.epsilon, (e) => e >= 0 && e <= 1, 'a probability in [0, 1]'),
    responseTemperature:
      settings.responseTemperature === undefined
        ? DEFAULT_RESPONSE_TEMPERATURE
        : parseNumber(option('responseTemperature'), settings.responseTemperature, (t) => t > 0, 'a positive number (payoff units)'),
    estimates,
    ratingNoise: settings.ratingNoise ?? false,
    start: settings.start !== undefined ? parseStart(settings.start, market, option('start')) : defaultStart(market),
  };
  return {
    dynamics,
    run: {
      maxRounds: parseCount(option('rounds'), settings.rounds, 1),
      window: parseCount(option('window'), settings.window, 1),
      stopAtOutcome: settings.stop,
    },
    log: {
      stride: parseCount(option('logStride'), settings.logStride, 1),
      checkpointEvery: parseCount(option('checkpointEvery'), settings.checkpointEvery, 1),
    },
  };
}
