/**
 * The mapping from prompt topics to leaderboard categories, and the user
 * type weights it yields. Each topic maps to one category, and several
 * topics may map to the same category. A category's weight is the share of
 * prompts whose topic maps to it.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatPath } from '../market/loadScenario.js';
import type { TopicCount } from './topics.js';

/** Topic name → leaderboard category. */
export type TopicMapping = Record<string, string>;

/**
 * Default mapping for the 10 broad topics of LMArena's English prompts.
 * The leaderboard has no category for humanities, communication or games,
 * so those topics take the nearest occupational (`industry_*`) category,
 * and prompts with no clear topic take the overall rating (`full`).
 */
export const DEFAULT_TOPIC_MAPPING: TopicMapping = {
  'Tech Programming': 'coding',
  'Math Puzzles': 'math',
  'Creative Arts': 'creative_writing',
  // Prompts that fit no topic are rated best by the rating over all prompts.
  Miscellaneous: 'full',
  'Multidisciplinary Studies': 'industry_life_and_physical_and_social_science',
  // Health questions dominate this topic. Interpersonal writing has no category of its own.
  'Communication & Healthcare': 'industry_medicine_and_healthcare',
  // Careers, management and finance.
  'Professional Development': 'industry_business_and_management_and_financial_operations',
  'Language Education': 'industry_writing_and_literature_and_language',
  // Philosophy and education are closest to the social sciences in that category.
  'Philosophy & Education': 'industry_life_and_physical_and_social_science',
  'Game Strategies': 'industry_entertainment_and_sports_and_media',
};

export const topicMappingSchema = z.record(
  z.string().min(1, { error: 'topic names must not be empty' }),
  z.string({ error: 'expected a category name (string)' }).min(1, { error: 'category name must not be empty' }),
  { error: 'expected an object mapping topic names to category names, such as {"Tech Programming": "coding"}' },
);

/** Validates parsed JSON as a topic mapping. */
export function parseTopicMapping(data: unknown, source: string): TopicMapping {
  const result = topicMappingSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new InputError(`${source} is not a valid topic mapping:\n${lines.join('\n')}`);
  }
  if (Object.keys(result.data).length === 0) {
    throw new InputError(`${source} is not a valid topic mapping: it maps no topics`);
  }
  return result.data;
}

/** Returns the distinct categories of a mapping, in order of first appearance. */
export function mappedCategories(mapping: TopicMapping): string[] {
  return [...new Set(Object.values(mapping))];
}

export interface CategoryWeight {
  category: string;
  /** Share of all counted prompts whose topic maps to this category. */
  share: number;
  /** Topics that map to this category, in the order of the topic table. */
  topics: string[];
}

export interface TopicWeights {
  weights: CategoryWeight[];
  /** Topics that map to a category outside the chosen ones, and so carry no weight. */
  droppedTopics: string[];
}

/**
 * Computes each chosen category's weight from the topic counts. Shares are
 * relative to all counted prompts, dropped topics included, and the
 * scenario loader normalises them. Raises InputError when a topic has no
 * mapping entry, a mapping entry names no topic in the table, or a chosen
 * category receives no topic.
 */
export function weightsFromTopics(
  topics: readonly TopicCount[],
  mapping: TopicMapping,
  categories: readonly string[],
  topicsSource: string,
): TopicWeights {
  const topicNames = new Set(topics.map((t) => t.topic));
  const unmapped = topics.filter((t) => !(t.topic in mapping)).map((t) => `"${t.topic}"`);
  if (unmapped.length > 0) {
    throw new InputError(
      `the topic mapping has no entry for ${unmapped.join(', ')} from ${topicsSource}: map every topic to a category`,
    );
  }
  const unknown = Object.keys(mapping).filter((topic) => !topicNames.has(topic));
  if (unknown.length > 0) {
    throw new InputError(
      `the topic mapping names ${unknown.map((t) => `"${t}"`).join(', ')}, which ${topicsSource} does not contain: ` +
        `use the topic names of that file (${[...topicNames].map((t) => `"${t}"`).join(', ')})`,
    );
  }

  const total = topics.reduce((sum, t) => sum + t.count, 0);
  const chosen = new Set(categories);
  const weights = categories.map((category) => {
    const mapped = topics.filter((t) => mapping[t.topic] === category);
    if (mapped.length === 0) {
      throw new InputError(
        `category "${category}" receives no topic in the topic mapping, so its weight would be 0: ` +
          'map a topic to it or leave it out of --categories',
      );
    }
    const count = mapped.reduce((sum, t) => sum + t.count, 0);
    return { category, share: count / total, topics: mapped.map((t) => t.topic) };
  });
  const droppedTopics = topics.filter((t) => !chosen.has(mapping[t.topic])).map((t) => t.topic);
  return { weights, droppedTopics };
}
