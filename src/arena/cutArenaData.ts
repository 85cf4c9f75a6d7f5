/**
 * Cuts the LMArena files bundled in scenarios/data/arena/ from full downloads: the
 * categories of the built-in topic mapping, and the top N models by `full`
 * rating among those rated in all of them.
 *
 * Usage: node dist/arena/cutArenaData.js <leaderboard.json> <model-prices.json> <N> <out-dir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileError, InputError } from '../errors.js';
import { reportFailure } from '../cli/failure.js';
import { join } from 'node:path';
import { parseLeaderboard, type Leaderboard } from './leaderboard.js';
import { parseOrganizations } from './organizations.js';
import { selectModels } from './selectModels.js';
import { DEFAULT_TOPIC_MAPPING, mappedCategories } from './topicMapping.js';

const [leaderboardPath, modelListPath, countText, outDir] = process.argv.slice(2);
if (!leaderboardPath || !modelListPath || !countText || !outDir) {
  process.stderr.write('usage: node dist/arena/cutArenaData.js <leaderboard.json> <model-prices.json> <N> <out-dir>\n');
  process.exit(2);
}

/** Reads and parses a JSON file, turning file and syntax errors into input errors. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError('input file', path, err);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

try {
  const leaderboard = parseLeaderboard(readJson(leaderboardPath), leaderboardPath);
  const categories = mappedCategories(DEFAULT_TOPIC_MAPPING);
  const selection = selectModels(leaderboard, categories, { kind: 'top', count: Number(countText) }, false);
  const models = selection.models.map((m) => m.name);

  const subset: Leaderboard = {};
  for (const category of categories) {
    subset[category] = Object.fromEntries(models.map((m) => [m, leaderboard[category][m]]));
  }
  writeFileSync(join(outDir, 'leaderboard-text.json'), `${JSON.stringify(subset, null, 2)}\n`);

  // Rows are kept whole, so prices and licences stay next to the organisation.
  const modelList = readJson(modelListPath) as { model_api_name: string }[];
  parseOrganizations(modelList, modelListPath);
  const kept = modelList.filter((row) => models.includes(row.model_api_name));
  writeFileSync(join(outDir, 'model-prices.json'), `${JSON.stringify(kept, null, 2)}\n`);

  process.stderr.write(`kept ${models.length} models in ${categories.length} categories and ${kept.length} model-list rows\n`);
} catch (err) {
  process.exit(reportFailure(err));
}
