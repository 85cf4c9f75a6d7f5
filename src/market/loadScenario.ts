/**
 * Reading scenario files: parse JSON, validate against the schema, and
 * build the typed-array `Market` the engine works on.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fileError, InputError } from '../errors.js';
import { computeRewardRows, toMonteCarloSettings, toRewardFunction } from '../generative/scenarioModels.js';
import type { ChoiceRule, Market } from './market.js';
import { refinedScenarioSchema, type ScenarioFile } from './scenarioSchema.js';

/** Formats a zod issue path as `models[2].rewards`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Turns a zod error into one message that lists each field and problem. */
export function describeIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, 10).map((i) => {
    const hint = i.code === 'unrecognized_keys' ? ': remove it or fix its spelling' : '';
    return `  ${formatPath(i.path)}: ${i.message}${hint}`;
  });
  const more = error.issues.length > 10 ? `\n  ... and ${error.issues.length - 10} more` : '';
  return `${source} is not a valid scenario:\n${lines.join('\n')}${more}`;
}

/** Validates parsed JSON and returns the scenario with defaults filled in. */
export function parseScenario(data: unknown, source = 'scenario'): ScenarioFile {
  const result = refinedScenarioSchema.safeParse(data);
  if (!result.success) throw new InputError(describeIssues(source, result.error));
  return result.data;
}

/** Reads a scenario file and returns the validated scenario object. */
export function readScenarioFile(path: string): ScenarioFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError('scenario file', path, err);
  }
  // Editors on some systems start UTF-8 files with a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseScenario(data, path);
}

/** Builds the engine's `Market` from a validated scenario. */
export function buildMarket(scenario: ScenarioFile): Market {
  const numTypes = scenario.userTypes.length;
  const numModels = scenario.models.length;

  const weights = Float64Array.from(scenario.userTypes, (t) => t.weight);
  const total = weights.reduce((s, w) => s + w, 0);
  for (let t = 0; t < numTypes; t++) weights[t] /= total;

  const rewards = new Float64Array(numModels * numTypes);
  const generated = generativeRewardRows(scenario);
  scenario.models.forEach((m, j) => rewards.set(m.rewards ?? generated[j]!.values, j * numTypes));

  let rewardStdDevs: Float64Array | null = null;
  if (scenario.models.some((m) => m.rewardStdDevs)) {
    rewardStdDevs = new Float64Array(numModels * numTypes);
    scenario.models.forEach((m, j) => {
      if (m.rewardStdDevs) rewardStdDevs!.set(m.rewardStdDevs, j * numTypes);
    });
  }

  const platforms = scenario.platforms;
  const numPlatforms = typeof platforms === 'number' ? platforms : platforms.length;
  const platformNames =
    typeof platforms === 'number'
      ? Array.from({ length: platforms }, (_, i) => `P${i + 1}`)
      : platforms.map((p) => p.name);

  const modelIndex = new Map(scenario.models.map((m, j) => [m.name, j]));
  let initialProfile: Int32Array | null = null;
  if (Array.isArray(platforms) && platforms.every((p) => p.initialModel !== undefined)) {
    initialProfile = Int32Array.from(platforms, (p) => modelIndex.get(p.initialModel!)!);
  }

  const choice: ChoiceRule =
    scenario.choice.rule === 'softmax'
      ? { rule: 'softmax', temperature: scenario.choice.temperature }
      : { rule: 'hardmax', tieTolerance: scenario.choice.tieTolerance ?? 0 };

  return {
    name: scenario.name,
    typeNames: scenario.userTypes.map((t) => t.name),
    weights,
    modelNames: scenario.models.map((m) => m.name),
    providers: scenario.models.map((m) => m.provider ?? m.name),
    rewards,
    rewardStdDevs,
    outsideOption: scenario.outsideOption ? Float64Array.from(scenario.outsideOption.rewards) : null,
    platformNames,
    initialProfile,
    choice,
    numTypes,
    numModels,
    numPlatforms,
  };
}

/**
 * Computes S for the models that give a distribution. The schema ensures
 * that such scenarios have an output space and a reward for every user type.
 */
function generativeRewardRows(scenario: ScenarioFile) {
  if (!scenario.models.some((m) => m.distribution !== undefined)) return scenario.models.map(() => null);
  return computeRewardRows(
    scenario.models,
    scenario.userTypes.map((t) => toRewardFunction(t.reward!)),
    scenario.outputSpace!.dimension,
    toMonteCarloSettings(scenario.monteCarlo),
  );
}

/** Reads, validates and builds the market of a scenario file. */
export function loadMarket(path: string): Market {
  return buildMarket(readScenarioFile(path));
}
