import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRADLEY_TERRY_TEMPERATURE, buildArenaScenario } from '../../src/arena/buildScenario.js';
import { readArenaInputs } from '../../src/arena/readArenaInputs.js';
import { DEFAULT_TOPIC_MAPPING } from '../../src/arena/topicMapping.js';
import { readScenarioFile } from '../../src/market/loadScenario.js';

const inputs = readArenaInputs({
  leaderboard: 'scenarios/data/arena/leaderboard-text.json',
  leaderboardDate: '2025-12',
  topics: 'scenarios/data/arena/prompt-topic-shares.csv',
  topicsDate: '2025-02',
  organizations: 'scenarios/data/arena/model-prices.json',
});

const TOP_12 = [
  'gemini-3-pro',
  'gemini-2.5-pro',
  'grok-4.1-thinking',
  'claude-opus-4-5-20251101',
  'gpt-5.1-high',
  'ernie-5.0-preview-1103',
  'grok-4.1',
  'claude-opus-4-5-20251101-thinking-32k',
  'glm-4.6',
  'qwen3-max-preview',
  'mistral-large-3',
  'mistral-medium-2508',
];

describe('bundled arena data', () => {
  it('maps every topic of the table', () => {
    expect(Object.keys(DEFAULT_TOPIC_MAPPING).sort()).toEqual(inputs.topics!.counts.map((t) => t.topic).sort());
  });

  it('rates every kept model everywhere', () => {
    for (const [category, models] of Object.entries(inputs.leaderboard)) {
      expect(Object.keys(models), category).toHaveLength(24);
    }
  });
});

describe.each(['hardmax', 'softmax'] as const)('bundled %s scenarios', (rule) => {
  it.each([2, 3, 5])('match the importer for %i platforms', (platforms) => {
    const name = `arena-top12-${rule}-${platforms}`;
    const path = `scenarios/${name}.json`;
    expect(existsSync(path), `${path} is missing: run npm run arena:scenarios`).toBe(true);
    const expected = buildArenaScenario(inputs, {
      models: { kind: 'top', count: 12 },
      platforms,
      choice: rule === 'softmax' ? { rule, temperature: BRADLEY_TERRY_TEMPERATURE } : { rule },
      fillGaps: false,
      name,
      schemaRef: './scenario.schema.json',
    });
    const committed = readScenarioFile(path);
    expect(committed, `${path} is stale: run npm run arena:scenarios`).toEqual(expected);
    expect(committed.models.map((m) => m.name)).toEqual(TOP_12);
    expect(JSON.parse(readFileSync(path, 'utf8')).source.leaderboard.asOf).toBe('2025-12');
  });
});
