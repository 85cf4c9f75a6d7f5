/** The first record of a run log, which contains everything needed to re-run it. */
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { GENMARKET_VERSION } from '../version.js';
import { RUN_LOG_FORMAT, RUN_LOG_FORMAT_VERSION, type HeaderRecord, type RunOptions } from './format.js';

export function buildHeader(scenarioPath: string, scenario: ScenarioFile, options: RunOptions): HeaderRecord {
  return {
    type: 'header',
    round: 0,
    format: RUN_LOG_FORMAT,
    formatVersion: RUN_LOG_FORMAT_VERSION,
    genmarketVersion: GENMARKET_VERSION,
    startedAt: new Date().toISOString(),
    scenarioPath,
    scenario,
    seed: options.dynamics.seed,
    options,
  };
}
