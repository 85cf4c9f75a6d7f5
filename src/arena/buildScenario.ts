/**
 * Assembly of a scenario from LMArena data. Leaderboard categories become
 * user types, weighted by the share of prompts on the topics mapped to
 * them. Each model's rating in a category is its reward for that user type,
 * and the 95% interval gives the rating noise σ.
 */
import { InputError } from '../errors.js';
import { parseScenario } from '../market/loadScenario.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { ratingStdDev, type Leaderboard } from './leaderboard.js';
import { describeProvenance } from './provenance.js';
import { mappedCategories, weightsFromTopics, type CategoryWeight, type TopicMapping } from './topicMapping.js';
import type { TopicCount } from './topics.js';
import { missingCategories, selectModels, type ModelSpec } from './selectModels.js';

/**
 * Softmax temperature under which the choice shares of Elo ratings equal
 * Bradley–Terry win probabilities: exp(R / τ) = 10^(R / 400).
 */
export const BRADLEY_TERRY_TEMPERATURE = 400 / Math.LN10;

export type ChoiceSpec = { rule: 'hardmax' } | { rule: 'softmax'; temperature: number };

/** Parsed input data, with the file names and dates recorded as provenance. */
export interface ArenaInputs {
  leaderboard: Leaderboard;
  leaderboardFile: string;
  /** Date of the leaderboard snapshot, given by the user because the file has none. */
  leaderboardDate?: string;
  topics?: { counts: TopicCount[]; file: string; date?: string };
  mapping: TopicMapping;
  /** File the mapping came from, or undefined for DEFAULT_TOPIC_MAPPING. */
  mappingFile?: string;
  organizations?: { byModel: Map<string, string>; file: string };
}

export interface ArenaOptions {
  models: ModelSpec;
  /** Categories that become user types. The default is the categories of the mapping. */
  categories?: string[];
  platforms: number;
  choice: ChoiceSpec;
  /** If true, a model's missing category ratings are replaced by its `full` rating. */
  fillGaps: boolean;
  /** Scenario name. The default is built from the options, such as arena-top12-hardmax-3. */
  name?: string;
  /** Value of the scenario's `$schema` field, a path or URL of the JSON Schema for editors. */
  schemaRef?: string;
}

/** Returns the default scenario name, such as `arena-top12-softmax-3`. */
export function defaultScenarioName(options: ArenaOptions): string {
  const models = options.models.kind === 'top' ? `top${options.models.count}` : `${options.models.names.length}models`;
  return `arena-${models}-${options.choice.rule}-${options.platforms}`;
}

function chooseCategories(inputs: ArenaInputs, requested: string[] | undefined): string[] {
  const categories = requested ?? mappedCategories(inputs.mapping);
  const repeated = categories.filter((c, i) => categories.indexOf(c) !== i);
  if (repeated.length > 0) throw new InputError(`--categories lists "${repeated[0]}" twice`);
  const missing = missingCategories(inputs.leaderboard, categories);
  if (missing.length > 0) {
    const origin = requested ? '--categories' : 'the topic mapping';
    throw new InputError(
      `${origin} names ${missing.map((c) => `"${c}"`).join(', ')}, which ${inputs.leaderboardFile} does not contain. ` +
        `Its categories are: ${Object.keys(inputs.leaderboard).join(', ')}`,
    );
  }
  return categories;
}

function categoryWeights(inputs: ArenaInputs, categories: string[]): { weights: CategoryWeight[]; droppedTopics: string[] } {
  if (!inputs.topics) {
    const weights = categories.map((category) => ({ category, share: 1 / categories.length, topics: [] }));
    return { weights, droppedTopics: [] };
  }
  return weightsFromTopics(inputs.topics.counts, inputs.mapping, categories, inputs.topics.file);
}

function describeUserType(weight: CategoryWeight, counts: TopicCount[] | undefined): string {
  if (!counts) return 'Equal weight: no topic table was given';
  const total = counts.reduce((sum, t) => sum + t.count, 0);
  const parts = weight.topics.map((topic) => {
    const count = counts.find((t) => t.topic === topic)!.count;
    return `${topic} (${((100 * count) / total).toFixed(2)}%)`;
  });
  return `Prompts on ${parts.join(' and ')}`;
}

/**
 * Builds a scenario from parsed LMArena data and validates it with the
 * scenario loader. Raises InputError when the options do not fit the data,
 * with a message that names the category, topic or model concerned.
 */
export function buildArenaScenario(inputs: ArenaInputs, options: ArenaOptions): ScenarioFile {
  if (!Number.isInteger(options.platforms) || options.platforms < 1) {
    throw new InputError(`--platforms must be a whole number of at least 1, got ${options.platforms}`);
  }
  const categories = chooseCategories(inputs, options.categories);
  const { weights, droppedTopics } = categoryWeights(inputs, categories);
  const selection = selectModels(inputs.leaderboard, categories, options.models, options.fillGaps);
  const name = options.name ?? defaultScenarioName(options);

  const choice =
    options.choice.rule === 'softmax'
      ? { rule: 'softmax' as const, temperature: options.choice.temperature }
      : { rule: 'hardmax' as const, tieTolerance: 0 };

  const models = selection.models.map((model) => {
    const provider = inputs.organizations?.byModel.get(model.name);
    return {
      name: model.name,
      ...(provider !== undefined ? { provider } : {}),
      rewards: model.ratings.map((r) => r.rating),
      rewardStdDevs: model.ratings.map(ratingStdDev),
    };
  });

  const modelText =
    options.models.kind === 'top' ? `the top ${options.models.count} models by overall rating` : `${models.length} named models`;
  const choiceText =
    options.choice.rule === 'softmax'
      ? `softmax choice at temperature ${options.choice.temperature.toFixed(4)}`
      : 'hardmax choice';
  const dateText = inputs.leaderboardDate ? ` (${inputs.leaderboardDate})` : '';

  const scenario = {
    ...(options.schemaRef !== undefined ? { $schema: options.schemaRef } : {}),
    name,
    description:
      `LMArena text leaderboard${dateText}: ${modelText}, ${categories.length} user types from leaderboard categories, ` +
      `${choiceText}, ${options.platforms} platforms.`,
    userTypes: weights.map((w) => ({
      name: w.category,
      weight: w.share,
      description: describeUserType(w, inputs.topics?.counts),
    })),
    models,
    platforms: options.platforms,
    choice,
    source: describeProvenance(inputs, options, {
      categories,
      droppedTopics,
      eligibleCount: selection.eligibleCount,
      filledGaps: selection.filledGaps,
      modelsWithoutProvider: inputs.organizations
        ? models.filter((m) => !('provider' in m)).map((m) => m.name)
        : [],
    }),
  };
  return parseScenario(scenario, `generated scenario ${name}`);
}
