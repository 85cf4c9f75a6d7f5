/**
 * Parsing and checking of the `simulate` options. Every error names the
 * option and the value and raises an InputError, so the command exits
 * with status 2.
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

/** Option values as commander returns them. */
export interface SimulateFlags {
  rounds: string;
  seed: string;
  users: string;
  perUser?: boolean;
  schedule: string;
  inertia?: string;
  response: string;
  epsilon?: string;
  responseTemperature?: string;
  estimates: string;
  ratingNoise?: boolean;
  start?: string;
  window: string;
  stop: boolean;
  log?: string | false;
  logStride: string;
  checkpointEvery: string;
  resume?: string;
  json?: boolean;
  progress: boolean;
}

/** Returns a whole number ≥ `min` from `value`, accepting forms like 1e6. */
export function parseCount(option: string, value: string, min: number): number {
  const number = Number(value.replaceAll('_', ''));
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < min) {
    throw new InputError(`invalid ${option} ${JSON.stringify(value)}: expected a whole number of at least ${min}`);
  }
  return number;
}

function parseNumber(option: string, value: string, valid: (x: number) => boolean, expected: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || !valid(number)) {
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

function parseUsers(value: string): number | null {
  if (value.toLowerCase() === 'infinite') return null;
  const number = Number(value.replaceAll('_', ''));
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < 1) {
    throw new InputError(`invalid --users ${JSON.stringify(value)}: expected a whole number of users of at least 1, or "infinite"`);
  }
  return number;
}

/** Returns the model index of each platform named in `--start m1,m2,...`. */
export function parseStart(value: string, market: Market): number[] {
  const names = value.split(',').map((s) => s.trim());
  if (names.length !== market.numPlatforms) {
    throw new InputError(
      `invalid --start ${JSON.stringify(value)}: it names ${names.length} models but the scenario has ` +
        `${market.numPlatforms} platforms (${market.platformNames.join(', ')}); give one model per platform`,
    );
  }
  return names.map((name) => {
    const index = market.modelNames.indexOf(name);
    if (index === -1) {
      const known = market.modelNames.slice(0, 10).join(', ') + (market.numModels > 10 ? ', ...' : '');
      throw new InputError(`invalid --start ${JSON.stringify(value)}: "${name}" is not a model of the scenario (models: ${known})`);
    }
    return index;
  });
}

/** Rejects an option that only applies with another option value. */
function requireWith(given: string | undefined, option: string, applies: boolean, condition: string): void {
  if (given !== undefined && !applies) {
    throw new InputError(`${option} ${given} has no effect unless ${condition}: remove it or add ${condition}`);
  }
}

/** Builds the run options from the flags of a new run. */
export function buildRunOptions(flags: SimulateFlags, market: Market): RunOptions {
  const schedule = parseChoice<Schedule>('--schedule', flags.schedule, SCHEDULES);
  const response = parseChoice<ResponseRule>('--response', flags.response, RESPONSE_RULES);
  const estimates = parseChoice<Estimates>('--estimates', flags.estimates, ESTIMATES);
  const users = parseUsers(flags.users);

  requireWith(flags.inertia, '--inertia', schedule === 'inertia', '--schedule inertia');
  requireWith(flags.epsilon, '--epsilon', response === 'epsilon-greedy', '--response epsilon-greedy');
  requireWith(flags.responseTemperature, '--response-temperature', response === 'logit', '--response logit');
  if (flags.perUser && users === null) {
    throw new InputError('--per-user needs a finite number of users: add --users K');
  }
  if (flags.ratingNoise && !market.rewardStdDevs) {
    throw new InputError(
      `--rating-noise needs reward standard deviations, but scenario "${market.name}" has no rewardStdDevs: ` +
        'add rewardStdDevs (one per user type) to its models',
    );
  }
  if (flags.ratingNoise && estimates === 'learned') {
    throw new InputError('--rating-noise has no effect with --estimates learned, because learners do not use S: remove one of them');
  }
  if (flags.seed === '') throw new InputError('invalid --seed "": expected a non-empty seed');

  const dynamics: DynamicsOptions = {
    seed: flags.seed,
    users,
    perUser: flags.perUser ?? false,
    schedule,
    inertia:
      flags.inertia === undefined
        ? DEFAULT_INERTIA
        : parseNumber('--inertia', flags.inertia, (p) => p > 0 && p <= 1, 'a probability in (0, 1]'),
    response,
    epsilon:
      flags.epsilon === undefined
        ? DEFAULT_EPSILON
        : parseNumber('--epsilon', flags.epsilon, (e) => e >= 0 && e <= 1, 'a probability in [0, 1]'),
    responseTemperature:
      flags.responseTemperature === undefined
        ? DEFAULT_RESPONSE_TEMPERATURE
        : parseNumber('--response-temperature', flags.responseTemperature, (t) => t > 0, 'a positive number (payoff units)'),
    estimates,
    ratingNoise: flags.ratingNoise ?? false,
    start: flags.start !== undefined ? parseStart(flags.start, market) : defaultStart(market),
  };
  return {
    dynamics,
    run: {
      maxRounds: parseCount('--rounds', flags.rounds, 1),
      window: parseCount('--window', flags.window, 1),
      stopAtOutcome: flags.stop,
    },
    log: {
      stride: parseCount('--log-stride', flags.logStride, 1),
      checkpointEvery: parseCount('--checkpoint-every', flags.checkpointEvery, 1),
    },
  };
}
