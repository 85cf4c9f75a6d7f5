/**
 * Schema of scenario files, the JSON interchange format of genmarket.
 *
 * A scenario lists user types with weights, a model pool with one reward
 * per user type, the platforms and the choice rule. A generative scenario
 * instead gives each model a `distribution` over R^d and each user type a
 * `reward` function, and the loader computes the rewards (see
 * src/generative/scenarioSchema.ts). The schema checks each
 * field's shape; `refineScenario` adds the checks that span fields (reward
 * list lengths, unique names, known initial models). `npm run schema`
 * writes the JSON Schema generated from it to `scenarios/scenario.schema.json`
 * so editors can complete scenario files.
 */
import { z } from 'zod';
import {
  distributionSchema,
  entrantSchema,
  monteCarloSchema,
  outputSpaceSchema,
  refineGenerative,
  rewardFunctionSchema,
} from '../generative/scenarioSchema.js';

const finite = (what: string) =>
  z.number({ error: `must be a finite number (${what})` });

/**
 * Control characters and bidirectional overrides in names would reach the
 * terminal raw, recolouring or reordering the tables genmarket prints.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const name = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .refine((s) => !UNPRINTABLE.test(s), { error: 'must not contain control characters or direction overrides' })
  .describe('Unique name');

/** Model names appear in comma-separated option lists such as --start and --base. */
const modelName = name.refine((s) => !s.includes(','), {
  error: 'must not contain a comma: options such as --start and --base list model names separated by commas',
});

/** Largest platform count genmarket accepts; enumeration tables and reports grow with it. */
export const MAX_PLATFORMS = 1000;

export const userTypeSchema = z
  .object({
    name,
    weight: finite('population weight')
      .min(0, { error: 'must be non-negative: weights are population shares' })
      .describe('Population weight; weights are normalised to sum to 1'),
    description: z.string().optional(),
    reward: rewardFunctionSchema.optional().describe('Reward function r_θ(x) over the output space'),
  })
  .strict();

export const modelSchema = z
  .object({
    name: modelName,
    provider: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty: leave provider out to use the model name' })
      .optional()
      .describe('Model provider; defaults to the model name'),
    rewards: z
      .array(finite('expected reward'))
      .optional()
      .describe('Expected reward S[j][θ] for each user type, in the order of userTypes'),
    distribution: distributionSchema
      .optional()
      .describe('Output distribution g_j over R^d; the loader computes S[j][θ] = E[r_θ(x)]'),
    rewardStdDevs: z
      .array(finite('reward standard deviation').min(0, { error: 'must be non-negative' }))
      .optional()
      .describe('Standard deviation of each reward (rating noise), one per user type'),
  })
  .strict();

export const platformSchema = z
  .object({
    name,
    initialModel: z.string().optional().describe('Model this platform deploys at the start'),
  })
  .strict();

export const choiceSchema = z.discriminatedUnion(
  'rule',
  [
    z
      .object({
        rule: z.literal('hardmax'),
        tieTolerance: finite('tie tolerance')
          .min(0, { error: 'must be non-negative' })
          .default(0)
          .describe('A reward within this distance of the best reward ties with it'),
      })
      .strict(),
    z
      .object({
        rule: z.literal('softmax'),
        temperature: finite('temperature')
          .gt(0, { error: 'must be positive: softmax needs a temperature above 0' })
          .describe('Logit temperature in reward units; 400/ln 10 ≈ 173.72 is Bradley–Terry on the Elo scale'),
      })
      .strict(),
  ],
  { error: 'rule must be "hardmax" or "softmax"' },
);

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: name.describe('Scenario name'),
    description: z.string().optional(),
    userTypes: z.array(userTypeSchema).min(1, { error: 'needs at least one user type' }),
    models: z.array(modelSchema).min(1, { error: 'needs at least one model' }),
    platforms: z
      .union(
        [
          z
            .number()
            .int({ error: 'must be a whole number of platforms' })
            .min(1, { error: 'must be at least 1 platform' })
            .max(MAX_PLATFORMS, { error: `must be at most ${MAX_PLATFORMS} platforms` }),
          z
            .array(platformSchema)
            .min(1, { error: 'needs at least one platform' })
            .max(MAX_PLATFORMS, { error: `must list at most ${MAX_PLATFORMS} platforms` }),
        ],
        { error: 'must be a whole number of platforms or a list of {name, initialModel}' },
      )
      .describe('Number of platforms, or a list of {name, initialModel}'),
    choice: choiceSchema.default({ rule: 'hardmax', tieTolerance: 0 }),
    outsideOption: z
      .object({ rewards: z.array(finite('outside option reward')) })
      .strict()
      .optional()
      .describe('Reward of choosing no platform, one per user type'),
    source: z.record(z.string(), z.unknown()).optional().describe('Provenance: data files, dates, mappings'),
    outputSpace: outputSpaceSchema.optional().describe('Output space R^d of models with a distribution'),
    monteCarlo: monteCarloSchema
      .optional()
      .describe('Draws and seed for expected rewards without a closed form'),
    entrant: entrantSchema.optional().describe('Name, provider and starting distribution of a trained entrant'),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** Adds the checks that relate several fields to each other. */
export function refineScenario(scenario: ScenarioFile, ctx: z.RefinementCtx): void {
  const numTypes = scenario.userTypes.length;
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  reportDuplicates(scenario.userTypes.map((t) => t.name), 'userTypes', issue);
  reportDuplicates(scenario.models.map((m) => m.name), 'models', issue);
  if (Array.isArray(scenario.platforms)) {
    reportDuplicates(scenario.platforms.map((p) => p.name), 'platforms', issue);
  }

  const totalWeight = scenario.userTypes.reduce((sum, t) => sum + t.weight, 0);
  if (numTypes > 0 && totalWeight === 0) {
    issue(['userTypes'], 'weights sum to 0: give at least one user type a positive weight');
  } else if (!Number.isFinite(totalWeight)) {
    issue(['userTypes'], 'weights sum past the largest finite number: scale them down, only their ratios matter');
  }

  refineGenerative(scenario, issue);

  scenario.models.forEach((model, j) => {
    if (model.rewards && model.rewards.length !== numTypes) {
      issue(
        ['models', j, 'rewards'],
        `has ${model.rewards.length} rewards but there are ${numTypes} user types: give one reward per user type, in the order of userTypes`,
      );
    }
    if (model.rewardStdDevs && model.rewardStdDevs.length !== numTypes) {
      issue(
        ['models', j, 'rewardStdDevs'],
        `has ${model.rewardStdDevs.length} entries but there are ${numTypes} user types: give one per user type`,
      );
    }
  });

  if (scenario.outsideOption && scenario.outsideOption.rewards.length !== numTypes) {
    issue(
      ['outsideOption', 'rewards'],
      `has ${scenario.outsideOption.rewards.length} rewards but there are ${numTypes} user types: give one per user type`,
    );
  }

  if (Array.isArray(scenario.platforms)) {
    const known = new Set(scenario.models.map((m) => m.name));
    scenario.platforms.forEach((platform, i) => {
      if (platform.initialModel !== undefined && !known.has(platform.initialModel)) {
        issue(
          ['platforms', i, 'initialModel'],
          `"${platform.initialModel}" is not a model of this scenario: use one of the names in models`,
        );
      }
    });
    const given = scenario.platforms.filter((p) => p.initialModel !== undefined).length;
    if (given > 0 && given < scenario.platforms.length) {
      issue(['platforms'], 'give initialModel for every platform or for none');
    }
  }
}

function reportDuplicates(
  names: string[],
  field: string,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const first = seen.get(n);
    if (first !== undefined) {
      issue([field, i, 'name'], `"${n}" duplicates ${field}[${first}].name: names must be unique`);
    } else {
      seen.set(n, i);
    }
  });
}

export const refinedScenarioSchema = scenarioSchema.superRefine(refineScenario);
