/**
 * Reading sweep files: parse JSON, validate against the schema, load the
 * base scenario and expand the points.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { fileError, InputError } from '../errors.js';
import { buildMarket, formatPath, readScenarioFile } from '../market/loadScenario.js';
import type { Market } from '../market/market.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { expandSweepPoints, type SweepPoint } from './sweepPoints.js';
import { sweepSchema, type SweepFile } from './sweepSchema.js';

export interface LoadedSweep {
  /** Sweep name: the file's `name`, or its file name without `.json`. */
  name: string;
  sweep: SweepFile;
  /** Absolute path of the base scenario. */
  scenarioPath: string;
  scenario: ScenarioFile;
  market: Market;
  points: SweepPoint[];
  /** Entries dropped because an earlier point has the same parameters. */
  duplicates: number;
}

function describeSweepIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, 10).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  if (error.issues.length > 10) lines.push(`  ... and ${error.issues.length - 10} more`);
  return `${source} is not a valid sweep file:\n${lines.join('\n')}`;
}

/** Validates parsed JSON as a sweep file. Raises InputError naming each invalid field. */
export function parseSweep(data: unknown, source = 'sweep'): SweepFile {
  const result = sweepSchema.safeParse(data);
  if (!result.success) throw new InputError(describeSweepIssues(source, result.error));
  return result.data;
}

/**
 * Resolves a validated sweep against its scenario: loads the scenario
 * (relative paths start at `baseDirectory`) and expands the points.
 */
export function resolveSweep(sweep: SweepFile, baseDirectory: string, fallbackName: string): LoadedSweep {
  const scenarioPath = resolve(baseDirectory, sweep.scenario);
  let scenario: ScenarioFile;
  try {
    scenario = readScenarioFile(scenarioPath);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`scenario: ${err.message}`);
    throw err;
  }
  const market = buildMarket(scenario);
  const { points, duplicates } = expandSweepPoints(sweep, market);
  return { name: sweep.name ?? fallbackName, sweep, scenarioPath, scenario, market, points, duplicates };
}

/** Reads, validates and resolves a sweep file. */
export function loadSweep(path: string): LoadedSweep {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError('sweep file', path, err);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const sweep = parseSweep(data, path);
  return resolveSweep(sweep, dirname(resolve(path)), basename(path).replace(/\.json$/i, ''));
}
