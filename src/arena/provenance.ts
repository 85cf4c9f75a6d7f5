/**
 * The `source` object of an imported scenario: which files and snapshot
 * dates it came from, how topics map to categories, how models were chosen
 * and how rewards, their noise and any rating gaps were derived.
 */
import type { ArenaInputs, ArenaOptions } from './buildScenario.js';
import { OVERALL_CATEGORY, type FilledGap } from './selectModels.js';

export interface SelectionFacts {
  categories: string[];
  droppedTopics: string[];
  eligibleCount: number;
  filledGaps: FilledGap[];
  /** Models absent from the organisations file, so without a provider. */
  modelsWithoutProvider: string[];
}

function describeSelection(leaderboardFile: string, options: ArenaOptions, facts: SelectionFacts): string {
  const rule = options.fillGaps
    ? `the ${facts.eligibleCount} models of ${leaderboardFile} with a "${OVERALL_CATEGORY}" rating`
    : `the ${facts.eligibleCount} models of ${leaderboardFile} rated in every chosen category`;
  if (options.models.kind === 'top') {
    return `The ${options.models.count} highest "${OVERALL_CATEGORY}" ratings among ${rule}, ties broken by name`;
  }
  return `Named on the command line, in that order, from ${rule}`;
}

function describeGaps(options: ArenaOptions, facts: SelectionFacts): unknown {
  if (!options.fillGaps) return 'None: only models rated in every chosen category were eligible';
  return {
    rule: `A missing category rating is replaced by the model's "${OVERALL_CATEGORY}" rating and interval`,
    filled: facts.filledGaps,
  };
}

/** Builds the provenance record stored under the scenario's `source`. */
export function describeProvenance(inputs: ArenaInputs, options: ArenaOptions, facts: SelectionFacts): Record<string, unknown> {
  const source: Record<string, unknown> = {
    importer: 'genmarket import-arena',
    leaderboard: {
      file: inputs.leaderboardFile,
      asOf: inputs.leaderboardDate ?? 'not given',
      content: 'LMArena text leaderboard: Elo-scale rating and 95% bootstrap interval per category and model',
    },
  };

  if (inputs.topics) {
    const total = inputs.topics.counts.reduce((sum, t) => sum + t.count, 0);
    source.topics = {
      file: inputs.topics.file,
      asOf: inputs.topics.date ?? 'not given',
      prompts: total,
      content: 'Number of sampled prompts per broad topic',
    };
  }

  source.mapping = {
    origin: inputs.mappingFile ?? 'built-in default of genmarket import-arena',
    topicToCategory: inputs.mapping,
    ...(facts.droppedTopics.length > 0 ? { droppedTopics: facts.droppedTopics } : {}),
  };
  if (!inputs.topics) {
    source.weights = 'Equal: no topic table was given';
  } else if (facts.droppedTopics.length === 0) {
    source.weights = 'Share of counted prompts whose topic maps to the category';
  } else {
    source.weights =
      'Share of all counted prompts whose topic maps to the category. The dropped topics leave the weights ' +
      'summing below 1, and the scenario loader normalises them';
  }
  source.categories = facts.categories;
  source.modelSelection = describeSelection(inputs.leaderboardFile, options, facts);
  source.rewards = 'Rating of the model in the category (Elo scale, 400 points = 10:1 odds)';
  source.rewardStdDevs = '(rating_q975 - rating_q025) / 3.92: the normal standard deviation that gives the 95% interval';
  source.gaps = describeGaps(options, facts);
  if (options.choice.rule === 'softmax') {
    source.choice = `Softmax at temperature ${options.choice.temperature}. At 400 / ln 10 ≈ 173.7178 it is the Bradley–Terry model of the Elo scale`;
  }
  if (inputs.organizations) {
    source.providers = {
      file: inputs.organizations.file,
      content: 'organization of each model_api_name',
      ...(facts.modelsWithoutProvider.length > 0 ? { modelsWithoutProvider: facts.modelsWithoutProvider } : {}),
    };
  }
  return source;
}
