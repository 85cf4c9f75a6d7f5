/**
 * File reading for the LMArena importer: the only part of src/arena that
 * touches the file system. Each reader raises InputError naming the file
 * when it cannot be read or parsed.
 */
import { readFileSync } from 'node:fs';
import { fileError, InputError } from '../errors.js';
import type { ArenaInputs } from './buildScenario.js';
import { parseLeaderboard } from './leaderboard.js';
import { parseOrganizations } from './organizations.js';
import { DEFAULT_TOPIC_MAPPING, parseTopicMapping } from './topicMapping.js';
import { parseTopicCounts } from './topics.js';

export interface ArenaFiles {
  leaderboard: string;
  leaderboardDate?: string;
  topics?: string;
  topicsDate?: string;
  /** Topic mapping JSON. The built-in default applies when it is absent. */
  mapping?: string;
  /** Model list with `model_api_name` and `organization`. */
  organizations?: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError(what, path, err);
  }
}

function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${what} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Reads and validates every input file of an import. */
export function readArenaInputs(files: ArenaFiles): ArenaInputs {
  const inputs: ArenaInputs = {
    leaderboard: parseLeaderboard(readJson(files.leaderboard, 'leaderboard'), files.leaderboard),
    leaderboardFile: files.leaderboard,
    leaderboardDate: files.leaderboardDate,
    mapping: files.mapping
      ? parseTopicMapping(readJson(files.mapping, 'topic mapping'), files.mapping)
      : DEFAULT_TOPIC_MAPPING,
    mappingFile: files.mapping,
  };
  if (files.topics) {
    inputs.topics = {
      counts: parseTopicCounts(readText(files.topics, 'topic table'), files.topics),
      file: files.topics,
      date: files.topicsDate,
    };
  }
  if (files.organizations) {
    const data = readJson(files.organizations, 'model list');
    inputs.organizations = { byModel: parseOrganizations(data, files.organizations), file: files.organizations };
  }
  return inputs;
}
