/**
 * Schema of the generative parts of a scenario: model distributions, user
 * reward functions, the output space, Monte Carlo settings and the entrant.
 * `refineGenerative` adds the checks that span fields, such as dimensions.
 */
import { z } from 'zod';

const finite = (what: string) => z.number({ error: `must be a finite number (${what})` });

const positive = (what: string) =>
  finite(what).gt(0, { error: `must be positive (${what})` });

const vector = (what: string) =>
  z.array(finite(what), { error: `must be a list of numbers (${what})` }).min(1, { error: 'must not be empty' });

const componentSchema = z
  .object({
    weight: positive('mixture weight').describe('Mixture weight; the weights of a mixture must sum to 1'),
    mean: vector('component mean').describe('Component mean, one coordinate per output dimension'),
    sigma: positive('component standard deviation').describe('Standard deviation of every coordinate'),
  })
  .strict();

export const distributionSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('gaussian'),
        mean: vector('mean').describe('Mean μ, one coordinate per output dimension'),
        sigma: positive('standard deviation').describe('Standard deviation σ of every coordinate: N(μ, σ²I)'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('mixture'),
        components: z.array(componentSchema).min(1, { error: 'needs at least one component' }),
      })
      .strict(),
  ],
  { error: 'kind must be "gaussian" or "mixture"' },
);

export const rewardFunctionSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('gaussianKernel'),
        center: vector('ideal point').describe('Ideal point c of the user type'),
        width: positive('kernel width').describe('Width s in r(x) = exp(−‖x − c‖²/(2s²))'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('negativeSquaredDistance'),
        center: vector('ideal point').describe('Ideal point c of the user type'),
        scale: positive('scale').default(1).describe('Scale a in r(x) = −a‖x − c‖²'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('linearSigmoid'),
        direction: vector('preference direction').describe('Direction w in r(x) = 1/(1 + exp(−(w·x + b)))'),
        offset: finite('offset').default(0).describe('Offset b in r(x) = 1/(1 + exp(−(w·x + b)))'),
      })
      .strict(),
  ],
  { error: 'kind must be "gaussianKernel", "negativeSquaredDistance" or "linearSigmoid"' },
);

export const outputSpaceSchema = z
  .object({
    dimension: z
      .number({ error: 'must be a positive integer' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .describe('Dimension d of the output space R^d'),
  })
  .strict();

export const monteCarloSchema = z
  .object({
    samples: z
      .number({ error: 'must be an integer' })
      .int({ error: 'must be a whole number' })
      .min(2, { error: 'must be at least 2: a standard error needs two draws' })
      .max(10_000_000, { error: 'must be at most 10,000,000: the draws are held in memory' })
      .default(4096)
      .describe('Number of draws for rewards without a closed form'),
    seed: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).default('genmarket'),
  })
  .strict();

export const entrantSchema = z
  .object({
    name: z.string().min(1, { error: 'must not be empty' }).default('entrant'),
    provider: z.string().min(1, { error: 'must not be empty' }).optional().describe('Defaults to the entrant name'),
    distribution: distributionSchema.optional().describe('Starting point of training; defaults to N(0, I)'),
  })
  .strict();

export type DistributionSpec = z.infer<typeof distributionSchema>;
export type RewardFunctionSpec = z.infer<typeof rewardFunctionSchema>;
export type MonteCarloSpec = z.infer<typeof monteCarloSchema>;
export type EntrantSpec = z.infer<typeof entrantSchema>;

/** The fields of a scenario that `refineGenerative` checks. */
export interface GenerativeFields {
  userTypes: { reward?: RewardFunctionSpec }[];
  models: { rewards?: number[]; distribution?: DistributionSpec }[];
  outputSpace?: { dimension: number };
  entrant?: EntrantSpec;
}

type ReportIssue = (path: (string | number)[], message: string) => void;

/** Tolerance on the sum of mixture weights, which must be 1. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Adds the checks that relate generative fields to each other and to the output space. */
export function refineGenerative(scenario: GenerativeFields, issue: ReportIssue): void {
  scenario.models.forEach((model, j) => {
    if (model.rewards === undefined && model.distribution === undefined) {
      issue(['models', j], 'has neither rewards nor distribution: give rewards (one per user type) or a distribution');
    }
    if (model.rewards !== undefined && model.distribution !== undefined) {
      issue(['models', j], 'has both rewards and distribution: give only one of them');
    }
  });

  const usesDistributions = scenario.models.some((m) => m.distribution !== undefined) || scenario.entrant !== undefined;
  const usesRewardFunctions = scenario.userTypes.some((t) => t.reward !== undefined);
  if (usesDistributions) {
    scenario.userTypes.forEach((type, t) => {
      if (type.reward === undefined) {
        issue(['userTypes', t, 'reward'], 'missing: models with a distribution need a reward function for every user type');
      }
    });
  }
  if (!usesDistributions && !usesRewardFunctions) return;

  if (scenario.outputSpace === undefined) {
    issue(['outputSpace'], 'missing: give {"dimension": d} for scenarios with distributions or reward functions');
    return;
  }
  const dimension = scenario.outputSpace.dimension;

  scenario.models.forEach((model, j) => {
    if (model.distribution) checkDistribution(model.distribution, ['models', j, 'distribution'], dimension, issue);
  });
  if (scenario.entrant?.distribution) {
    checkDistribution(scenario.entrant.distribution, ['entrant', 'distribution'], dimension, issue);
  }
  scenario.userTypes.forEach((type, t) => {
    const reward = type.reward;
    if (reward === undefined) return;
    const field = reward.kind === 'linearSigmoid' ? 'direction' : 'center';
    const vectorValue = reward.kind === 'linearSigmoid' ? reward.direction : reward.center;
    checkLength(vectorValue, ['userTypes', t, 'reward', field], dimension, issue);
  });
}

function checkDistribution(
  distribution: DistributionSpec,
  path: (string | number)[],
  dimension: number,
  issue: ReportIssue,
): void {
  if (distribution.kind === 'gaussian') {
    checkLength(distribution.mean, [...path, 'mean'], dimension, issue);
    return;
  }
  distribution.components.forEach((component, k) => {
    checkLength(component.mean, [...path, 'components', k, 'mean'], dimension, issue);
  });
  const total = distribution.components.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) {
    issue([...path, 'components'], `mixture weights sum to ${total} but must sum to 1: rescale the weights`);
  }
}

function checkLength(values: number[], path: (string | number)[], dimension: number, issue: ReportIssue): void {
  if (values.length !== dimension) {
    const count = values.length === 1 ? '1 coordinate' : `${values.length} coordinates`;
    issue(path, `has ${count} but outputSpace.dimension is ${dimension}: give one coordinate per dimension`);
  }
}
