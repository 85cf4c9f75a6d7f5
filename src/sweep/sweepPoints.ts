/**
 * Expanding a sweep file into points: the grid's cartesian product (first
 * axis slowest) followed by the explicit points, each resolved against the
 * scenario and identified by a key built from its parameters.
 *
 * The key is what `--resume` matches on, so it leaves out the point's
 * position and the scenario path: reordering or moving files keeps results.
 */
import { InputError } from '../errors.js';
import type { ChoiceRule, Market } from '../market/market.js';
import { resolveModelNames, topModelsByAverage } from '../market/modelSelection.js';
import { pointMarket } from './runPoint.js';
import { sweepRunOptions, type LocateOption } from './simulationOptions.js';
import {
  TOP_POOL_PATTERN,
  type ChoiceSpec,
  type PoolSpec,
  type SweepFile,
  type SweepPointSpec,
  type SweepTask,
} from './sweepSchema.js';

/** The parameters one point runs with, complete enough to replay it alone. */
export interface PointParams {
  platforms: number;
  choice: ChoiceRule;
  /** Model names of the pool, in scenario order. */
  pool: string[];
  /** The pool as written in the sweep file, or null for the scenario's whole pool. */
  poolSpec: PoolSpec | null;
  seed: number;
  /** Simulation options, the sweep's merged under the point's, or null when neither gives any. */
  simulation: Record<string, unknown> | null;
}

export interface SweepPoint {
  /** Position in the sweep's list of points, from 0. */
  index: number;
  key: string;
  task: SweepTask;
  params: PointParams;
}

export interface ExpandedPoints {
  points: SweepPoint[];
  /**
   * Grid or list entries dropped because an earlier point has the same
   * parameters, not counting hardmax entries that differ only in temperature.
   */
  duplicates: number;
}

/** A point's settings, each with the path of the sweep field it came from. */
type Located = { [K in keyof SweepPointSpec]?: { value: NonNullable<SweepPointSpec[K]>; path: string } };

const AXES = ['platforms', 'choice', 'temperature', 'pool', 'simulation', 'seed'] as const;

/** Returns JSON with object keys sorted, so equal values give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Returns the 32-bit FNV-1a hash of a string. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function gridSpecs(sweep: SweepFile): Located[] {
  const grid = sweep.grid;
  if (!grid || Object.keys(grid).length === 0) return [];
  let specs: Located[] = [{}];
  for (const axis of AXES) {
    const values = grid[axis] as unknown[] | undefined;
    if (!values) continue;
    const next: Located[] = [];
    for (const spec of specs) {
      values.forEach((value, i) => next.push({ ...spec, [axis]: { value, path: `grid.${axis}[${i}]` } }));
    }
    specs = next;
  }
  return specs;
}

function listedSpecs(sweep: SweepFile): Located[] {
  return (sweep.points ?? []).map((point, i) => {
    const spec: Located = {};
    for (const axis of AXES) {
      const value = point[axis];
      if (value !== undefined) Object.assign(spec, { [axis]: { value, path: `points[${i}].${axis}` } });
    }
    return spec;
  });
}

function resolveChoice(market: Market, spec: Located): ChoiceRule {
  const requested: ChoiceSpec | undefined = spec.choice?.value;
  const temperature = spec.temperature?.value;
  const scenario = market.choice;

  if (requested === undefined) {
    if (temperature !== undefined) return { rule: 'softmax', temperature };
    return scenario;
  }
  if (requested === 'hardmax') {
    return { rule: 'hardmax', tieTolerance: scenario.rule === 'hardmax' ? scenario.tieTolerance : 0 };
  }
  if (requested === 'softmax') {
    if (temperature !== undefined) return { rule: 'softmax', temperature };
    if (scenario.rule === 'softmax') return scenario;
    throw new InputError(
      `${spec.choice!.path}: "softmax" needs a temperature, but neither the point nor the hardmax scenario gives one: ` +
        'add a temperature axis or value, or write {"rule": "softmax", "temperature": τ}',
    );
  }
  if (requested.rule === 'softmax' && temperature !== undefined) return { rule: 'softmax', temperature };
  return requested.rule === 'hardmax' ? { rule: 'hardmax', tieTolerance: requested.tieTolerance } : requested;
}

function resolvePool(market: Market, spec: Located): string[] {
  const pool = spec.pool;
  if (!pool) return [...market.modelNames];
  let indices: number[];
  if (typeof pool.value === 'string') {
    const count = Number(TOP_POOL_PATTERN.exec(pool.value)![1]);
    try {
      indices = topModelsByAverage(market, count);
    } catch (err) {
      throw new InputError(`${pool.path}: ${(err as Error).message}`);
    }
  } else {
    indices = resolveModelNames(market, pool.value, pool.path);
  }
  return [...indices].sort((a, b) => a - b).map((j) => market.modelNames[j]);
}

function resolveParams(sweep: SweepFile, market: Market, spec: Located): Omit<PointParams, 'seed'> & { seed?: number } {
  const simulation =
    sweep.simulation || spec.simulation ? { ...(sweep.simulation ?? {}), ...(spec.simulation?.value ?? {}) } : null;
  const choice = resolveChoice(market, spec);
  return {
    platforms: spec.platforms?.value ?? market.numPlatforms,
    // Hardmax ignores the temperature, so drop it from the key too.
    choice: choice.rule === 'softmax' ? { rule: 'softmax', temperature: choice.temperature } : choice,
    pool: resolvePool(market, spec),
    poolSpec: spec.pool?.value ?? null,
    seed: spec.seed?.value,
    simulation,
  };
}

/** Locates a simulation option in the point's own `simulation` value when it sets the option, else in the sweep's. */
function locateOption(spec: Located): LocateOption {
  return (key) => {
    const own = spec.simulation;
    return own && Object.hasOwn(own.value, key) ? `${own.path}.${key}` : `simulation.${key}`;
  };
}

/**
 * Checks the simulation options of a simulate point on the point's market
 * (its platform count and pool decide which starting profiles are valid).
 */
function checkSimulationOptions(market: Market, params: PointParams, spec: Located): void {
  sweepRunOptions(params.simulation, pointMarket(market, params), params.seed, locateOption(spec));
}

/** Returns the identity of a point: its task and parameters except the pool as written. */
export function pointKey(task: SweepTask, params: PointParams): string {
  const { platforms, choice, pool, seed, simulation } = params;
  return stableStringify({ task, platforms, choice, pool, seed, simulation });
}

/**
 * Expands and resolves every point of `sweep` on the scenario's market.
 * Raises InputError listing each invalid field with its path.
 */
export function expandSweepPoints(sweep: SweepFile, market: Market): ExpandedPoints {
  const problems = new Set<string>();
  const points: SweepPoint[] = [];
  const seen = new Set<string>();
  let duplicates = 0;

  for (const spec of [...gridSpecs(sweep), ...listedSpecs(sweep)]) {
    let resolved: ReturnType<typeof resolveParams>;
    try {
      resolved = resolveParams(sweep, market, spec);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.add(err.message);
      continue;
    }
    const seed = resolved.seed ?? fnv1a32(`${sweep.seed}|${pointKey(sweep.task, { ...resolved, seed: 0 })}`);
    const params: PointParams = { ...resolved, seed };
    if (sweep.task === 'simulate') {
      try {
        checkSimulationOptions(market, params, spec);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        problems.add(err.message);
        continue;
      }
    }
    const key = pointKey(sweep.task, params);
    if (seen.has(key)) {
      // A hardmax point repeated once per temperature is the documented
      // grid behaviour, not a duplicate worth reporting.
      const temperatureIgnored = params.choice.rule === 'hardmax' && spec.temperature !== undefined;
      if (!temperatureIgnored) duplicates++;
      continue;
    }
    seen.add(key);
    points.push({ index: points.length, key, task: sweep.task, params });
  }

  if (problems.size > 0) {
    const lines = [...problems].slice(0, 10).map((p) => `  ${p}`);
    if (problems.size > 10) lines.push(`  ... and ${problems.size - 10} more`);
    throw new InputError(`invalid sweep points:\n${lines.join('\n')}`);
  }
  return { points, duplicates };
}
