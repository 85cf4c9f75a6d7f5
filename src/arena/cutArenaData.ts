/**
 * Cuts the LMArena files bundled in scenarios/data/arena/ from full downloads: the
 * categories of the built-in topic mapping, and the top N models by `full`
 * rating among those rated in all of them.
 *
 * Usage: node dist/arena/cutArenaData.js <leaderboard.json> <model-prices.json> <N> <out-dir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

const leaderboard = parseLeaderboard(JSON.parse(readFileSync(leaderboardPath, 'utf8')), leaderboardPath);
const categories = mappedCategories(DEFAULT_TOPIC_MAPPING);
const selection = selectModels(leaderboard, categories, { kind: 'top', count: Number(countText) }, false);
const models = selection.models.map((m) => m.name);

const subset: Leaderboard = {};
for (const category of categories) {
  subset[category] = Object.fromEntries(models.map((m) => [m, leaderboard[category][m]]));
}
writeFileSync(join(outDir, 'leaderboard-text.json'), `${JSON.stringify(subset, null, 2)}\n`);

// Rows are kept whole, so prices and licences stay next to the organisation.
const modelList = JSON.parse(readFileSync(modelListPath, 'utf8')) as { model_api_name: string }[];
parseOrganizations(modelList, modelListPath);
const kept = modelList.filter((row) => models.includes(row.model_api_name));
writeFileSync(join(outDir, 'model-prices.json'), `${JSON.stringify(kept, null, 2)}\n`);

process.stderr.write(`kept ${models.length} models in ${categories.length} categories and ${kept.length} model-list rows\n`);
