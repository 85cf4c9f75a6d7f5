/**
 * The `import-arena` command: builds a scenario from an LMArena leaderboard
 * export, optionally weighting its categories by a prompt-topic table.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { BRADLEY_TERRY_TEMPERATURE, buildArenaScenario, type ArenaOptions } from '../../arena/buildScenario.js';
import { readArenaInputs } from '../../arena/readArenaInputs.js';
import { parseModelSpec, type ModelSpec } from '../../arena/selectModels.js';
import { fileError, InputError } from '../../errors.js';
import type { ScenarioFile } from '../../market/scenarioSchema.js';

interface ImportArenaFlags {
  topics?: string;
  topicsDate?: string;
  leaderboardDate?: string;
  models: ModelSpec;
  categories?: string[];
  mapping?: string;
  organizations?: string;
  fillGaps: boolean;
  platforms: number;
  choice: 'hardmax' | 'softmax';
  temperature?: number;
  name?: string;
  schema?: string;
  out?: string;
}

function parseModelsOption(value: string): ModelSpec {
  try {
    return parseModelSpec(value);
  } catch (err) {
    if (err instanceof InputError) throw new InvalidArgumentError(err.message);
    throw err;
  }
}

function parseCategoriesOption(value: string): string[] {
  const categories = value.split(',').map((c) => c.trim());
  if (categories.some((c) => c === '')) {
    throw new InvalidArgumentError('a category name is empty. Separate names with single commas');
  }
  return categories;
}

function parsePlatformsOption(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError('expected a whole number of platforms, at least 1');
  }
  return Number(value);
}

function parseTemperatureOption(value: string): number {
  const temperature = Number(value);
  if (value.trim() === '' || !Number.isFinite(temperature) || temperature <= 0) {
    throw new InvalidArgumentError('expected a positive number in rating points, such as 173.7178');
  }
  return temperature;
}

/** Formats a scenario as JSON with each array of numbers on one line. */
export function formatScenarioJson(scenario: ScenarioFile): string {
  const text = JSON.stringify(scenario, null, 2);
  return `${text.replace(/\[\s+([-+.\deE]+(?:,\s+[-+.\deE]+)*)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`)}\n`;
}

/** Converts the parsed flags to importer options, rejecting combinations that do not fit. */
export function toArenaOptions(flags: ImportArenaFlags): ArenaOptions {
  if (flags.temperature !== undefined && flags.choice !== 'softmax') {
    throw new InputError('--temperature applies only to --choice softmax');
  }
  if (flags.topicsDate !== undefined && flags.topics === undefined) {
    throw new InputError('--topics-date needs --topics: it dates the topic table');
  }
  return {
    models: flags.models,
    categories: flags.categories,
    platforms: flags.platforms,
    choice:
      flags.choice === 'softmax'
        ? { rule: 'softmax', temperature: flags.temperature ?? BRADLEY_TERRY_TEMPERATURE }
        : { rule: 'hardmax' },
    fillGaps: flags.fillGaps,
    name: flags.name,
    schemaRef: flags.schema,
  };
}

/** Reads the input files, builds the scenario and writes it to `--out` or stdout. */
export function runImportArena(leaderboardPath: string, flags: ImportArenaFlags): ScenarioFile {
  const options = toArenaOptions(flags);
  const inputs = readArenaInputs({
    leaderboard: leaderboardPath,
    leaderboardDate: flags.leaderboardDate,
    topics: flags.topics,
    topicsDate: flags.topicsDate,
    mapping: flags.mapping,
    organizations: flags.organizations,
  });
  const scenario = buildArenaScenario(inputs, options);
  const text = formatScenarioJson(scenario);
  if (flags.out === undefined) {
    process.stdout.write(text);
  } else {
    try {
      writeFileSync(flags.out, text);
    } catch (err) {
      throw fileError('scenario file', flags.out, err);
    }
    process.stderr.write(
      `wrote ${flags.out}: ${scenario.models.length} models, ${scenario.userTypes.length} user types\n`,
    );
  }
  return scenario;
}

/** Registers `import-arena` on the given program. */
export function registerImportArena(program: Command): Command {
  return program
    .command('import-arena')
    .description('Build a scenario from an LMArena leaderboard export ({category: {model: {rating, rating_q025, rating_q975}}})')
    .argument('<leaderboard>', 'leaderboard JSON file')
    .option('--topics <csv>', 'prompt-topic table (columns broad_category, count) that weights the categories; equal weights without it')
    .option('--topics-date <date>', 'date of the topic table, recorded in the scenario source')
    .option('--leaderboard-date <date>', 'date of the leaderboard snapshot, recorded in the scenario source')
    .addOption(
      new Option('--models <spec>', 'top:N for the N highest "full" ratings, or a comma-separated list of model names')
        .argParser(parseModelsOption)
        .default(parseModelSpec('top:12'), 'top:12'),
    )
    .option('--categories <list>', 'comma-separated categories that become user types (default: the categories of the mapping)', parseCategoriesOption)
    .option('--mapping <file>', 'JSON object mapping each topic to a category (default: the built-in mapping)')
    .option('--organizations <file>', 'JSON list of {model_api_name, organization}, such as LMArena\'s model-prices.json; sets each model\'s provider')
    .option('--fill-gaps', 'use a model\'s "full" rating for categories in which it has none, instead of excluding it', false)
    .option('--platforms <n>', 'number of platforms', parsePlatformsOption, 3)
    .addOption(new Option('--choice <rule>', 'user choice rule').choices(['hardmax', 'softmax']).default('hardmax'))
    .option(
      '--temperature <t>',
      `softmax temperature in rating points (default: 400 / ln 10 ≈ ${BRADLEY_TERRY_TEMPERATURE.toFixed(4)}, the Bradley–Terry model)`,
      parseTemperatureOption,
    )
    .option('--name <name>', 'scenario name (default: arena-<models>-<choice>-<platforms>, such as arena-top12-hardmax-3)')
    .option('--schema <ref>', 'set the scenario\'s $schema field to this path or URL, relative to the output file, such as ./scenario.schema.json')
    .option('--out <file>', 'write the scenario to this file instead of stdout')
    .action((leaderboard: string, flags: ImportArenaFlags) => {
      runImportArena(leaderboard, flags);
    });
}
