import { describe, expect, it } from 'vitest';
import {
  BRADLEY_TERRY_TEMPERATURE,
  buildArenaScenario,
  type ArenaOptions,
} from '../../src/arena/buildScenario.js';
import { readArenaInputs } from '../../src/arena/readArenaInputs.js';
import { InputError } from '../../src/errors.js';
import { buildMarket, parseScenario } from '../../src/market/loadScenario.js';

const DIR = 'test/fixtures/arena';
const inputs = readArenaInputs({
  leaderboard: `${DIR}/leaderboard.json`,
  leaderboardDate: '2025-12',
  topics: `${DIR}/topics.csv`,
  topicsDate: '2025-02',
  mapping: `${DIR}/mapping.json`,
  organizations: `${DIR}/model-prices.json`,
});
const base: ArenaOptions = {
  models: { kind: 'top', count: 4 },
  platforms: 2,
  choice: { rule: 'hardmax' },
  fillGaps: false,
};

function rejectionOf(options: Partial<ArenaOptions>, inputsOverride = inputs): string {
  try {
    buildArenaScenario(inputsOverride, { ...base, ...options });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('buildArenaScenario accepted invalid options');
}

describe('buildArenaScenario', () => {
  const scenario = buildArenaScenario(inputs, base);

  it('makes one user type per mapped category', () => {
    expect(scenario.userTypes.map((t) => t.name)).toEqual(['coding', 'math', 'creative_writing', 'full', 'expert']);
  });

  it('weights types by topic share', () => {
    const total = 3508 + 1384 + 1196 + 696 + 693;
    expect(scenario.userTypes.map((t) => t.weight)).toEqual([3508, 1384, 1196, 696, 693].map((c) => c / total));
    expect(scenario.userTypes[0].description).toBe('Prompts on Tech Programming (46.92%)');
  });

  it('sums topics that share a category', () => {
    const merged = { ...inputs, mapping: { ...inputs.mapping, 'Multidisciplinary Studies': 'math' } };
    const result = buildArenaScenario(merged, base);
    const math = result.userTypes.find((t) => t.name === 'math')!;
    expect(math.weight).toBeCloseTo((1384 + 693) / 7477, 15);
    expect(math.description).toBe('Prompts on Math Puzzles (18.51%) and Multidisciplinary Studies (9.27%)');
    expect(result.userTypes.map((t) => t.name)).not.toContain('expert');
  });

  it('drops topics outside the chosen categories', () => {
    const result = buildArenaScenario(inputs, { ...base, categories: ['math', 'coding'] });
    expect(result.userTypes.map((t) => [t.name, t.weight])).toEqual([
      ['math', 1384 / 7477],
      ['coding', 3508 / 7477],
    ]);
    const mapping = result.source!.mapping as { droppedTopics: string[] };
    expect(mapping.droppedTopics).toEqual(['Creative Arts', 'Miscellaneous', 'Multidisciplinary Studies']);
  });

  it('uses ratings as rewards', () => {
    const gemini = scenario.models[0];
    expect(gemini.name).toBe('gemini-3-pro');
    expect(gemini.rewards).toEqual(
      ['coding', 'math', 'creative_writing', 'full', 'expert'].map((c) => inputs.leaderboard[c]['gemini-3-pro'].rating),
    );
  });

  it('derives σ from the 95% interval', () => {
    const glm = scenario.models.find((m) => m.name === 'glm-4.6')!;
    const coding = inputs.leaderboard.coding['glm-4.6'];
    expect(glm.rewardStdDevs![0]).toBeCloseTo((coding.rating_q975 - coding.rating_q025) / 3.92, 12);
    expect(glm.rewardStdDevs![0]).toBeCloseTo(4.4511, 4);
  });

  it('sets providers from organisations', () => {
    expect(scenario.models.map((m) => m.provider)).toEqual(['Google', 'Anthropic', 'OpenAI', undefined]);
    const providers = scenario.source!.providers as { modelsWithoutProvider: string[] };
    expect(providers.modelsWithoutProvider).toEqual(['glm-4.6']);
  });

  it('passes the scenario loader', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(scenario)), 'round trip')).toEqual(scenario);
    const market = buildMarket(scenario);
    expect(market.numTypes).toBe(5);
    expect(market.numModels).toBe(4);
    expect(market.numPlatforms).toBe(2);
    expect(market.rewardStdDevs).not.toBeNull();
  });

  it('records the provenance', () => {
    const source = scenario.source!;
    expect(source.leaderboard).toMatchObject({ file: `${DIR}/leaderboard.json`, asOf: '2025-12' });
    expect(source.topics).toMatchObject({ file: `${DIR}/topics.csv`, asOf: '2025-02', prompts: 7477 });
    expect(source.mapping).toMatchObject({ origin: `${DIR}/mapping.json`, topicToCategory: inputs.mapping });
    expect(source.modelSelection).toContain('The 4 highest "full" ratings among the 4 models');
    expect(source.gaps).toContain('None');
  });

  it('records filled gaps', () => {
    const result = buildArenaScenario(inputs, { ...base, models: { kind: 'top', count: 5 }, fillGaps: true });
    expect(result.models[4].rewards![4]).toBe(inputs.leaderboard.full['deepseek-v3.1-terminus'].rating);
    expect(result.source!.gaps).toMatchObject({
      filled: [{ model: 'deepseek-v3.1-terminus', category: 'expert' }],
    });
  });

  it('names the scenario from the options', () => {
    expect(scenario.name).toBe('arena-top4-hardmax-2');
    const softmax = buildArenaScenario(inputs, {
      ...base,
      models: { kind: 'list', names: ['glm-4.6', 'gpt-5.1-high'] },
      choice: { rule: 'softmax', temperature: BRADLEY_TERRY_TEMPERATURE },
    });
    expect(softmax.name).toBe('arena-2models-softmax-2');
    expect(softmax.choice).toEqual({ rule: 'softmax', temperature: 400 / Math.LN10 });
    expect(BRADLEY_TERRY_TEMPERATURE).toBeCloseTo(173.7178, 4);
  });

  it('weights equally without topics', () => {
    const result = buildArenaScenario({ ...inputs, topics: undefined }, base);
    expect(result.userTypes.map((t) => t.weight)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(result.source!.weights).toBe('Equal: no topic table was given');
  });

  it('rejects an unknown category', () => {
    expect(rejectionOf({ categories: ['coding', 'poetry'] })).toContain(
      '--categories names "poetry", which test/fixtures/arena/leaderboard.json does not contain',
    );
  });

  it('rejects a repeated category', () => {
    expect(rejectionOf({ categories: ['coding', 'coding'] })).toContain('--categories lists "coding" twice');
  });

  it('rejects a category without topics', () => {
    const mapping = { ...inputs.mapping, 'Multidisciplinary Studies': 'math' };
    expect(rejectionOf({ categories: ['coding', 'expert'] }, { ...inputs, mapping })).toContain(
      'category "expert" receives no topic',
    );
  });

  it('rejects a topic missing from the mapping', () => {
    const { Miscellaneous: _, ...mapping } = inputs.mapping;
    expect(rejectionOf({}, { ...inputs, mapping })).toContain('the topic mapping has no entry for "Miscellaneous"');
  });

  it('rejects a mapping entry for an unknown topic', () => {
    const mapping = { ...inputs.mapping, Poetry: 'creative_writing' };
    expect(rejectionOf({}, { ...inputs, mapping })).toContain('the topic mapping names "Poetry"');
  });

  it('rejects a mapping to an unknown category', () => {
    const mapping = { ...inputs.mapping, Miscellaneous: 'misc' };
    expect(rejectionOf({}, { ...inputs, mapping })).toContain('the topic mapping names "misc"');
  });

  it('rejects a fractional platform count', () => {
    expect(rejectionOf({ platforms: 1.5 })).toContain('--platforms must be a whole number');
  });
});
