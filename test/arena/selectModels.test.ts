import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLeaderboard } from '../../src/arena/leaderboard.js';
import { parseModelSpec, selectModels } from '../../src/arena/selectModels.js';
import { InputError } from '../../src/errors.js';

const board = parseLeaderboard(
  JSON.parse(readFileSync('test/fixtures/arena/leaderboard.json', 'utf8')),
  'leaderboard.json',
);
const ALL = ['coding', 'math', 'creative_writing', 'full', 'expert'];
const WITHOUT_EXPERT = ['coding', 'math', 'creative_writing', 'full'];

describe('parseModelSpec', () => {
  it('reads top:N', () => {
    expect(parseModelSpec('top:12')).toEqual({ kind: 'top', count: 12 });
  });

  it('reads a list of names', () => {
    expect(parseModelSpec('a, b,c')).toEqual({ kind: 'list', names: ['a', 'b', 'c'] });
  });

  it('rejects malformed specs', () => {
    expect(() => parseModelSpec('top:0')).toThrow(/N must be at least 1/);
    expect(() => parseModelSpec('top:x')).toThrow(/expected top:N with a whole number N/);
    expect(() => parseModelSpec('top:2.5')).toThrow(InputError);
    expect(() => parseModelSpec('a,,b')).toThrow(/a model name is empty/);
  });
});

describe('selectModels', () => {
  it('ranks top:N by full rating', () => {
    const selection = selectModels(board, ALL, { kind: 'top', count: 3 }, false);
    expect(selection.models.map((m) => m.name)).toEqual([
      'gemini-3-pro',
      'claude-opus-4-5-20251101',
      'gpt-5.1-high',
    ]);
    expect(selection.filledGaps).toEqual([]);
  });

  it('skips models with unrated categories', () => {
    const selection = selectModels(board, ALL, { kind: 'top', count: 4 }, false);
    expect(selection.eligibleCount).toBe(4);
    expect(selection.models.map((m) => m.name)).not.toContain('deepseek-v3.1-terminus');
  });

  it('keeps them when their categories are rated', () => {
    const selection = selectModels(board, WITHOUT_EXPERT, { kind: 'top', count: 5 }, false);
    expect(selection.models.map((m) => m.name)[4]).toBe('deepseek-v3.1-terminus');
  });

  it('rejects N above the qualifying count', () => {
    expect(() => selectModels(board, ALL, { kind: 'top', count: 5 }, false)).toThrow(
      /only 4 models are rated in every chosen category .*--fill-gaps/,
    );
  });

  it('returns ratings in category order', () => {
    const [model] = selectModels(board, ['expert', 'coding'], { kind: 'list', names: ['glm-4.6'] }, false).models;
    expect(model.ratings).toEqual([board.expert['glm-4.6'], board.coding['glm-4.6']]);
  });

  it('fills gaps from the full rating', () => {
    const selection = selectModels(board, ALL, { kind: 'top', count: 5 }, true);
    const deepseek = selection.models[4];
    expect(deepseek.name).toBe('deepseek-v3.1-terminus');
    expect(deepseek.ratings[4]).toEqual(board.full['deepseek-v3.1-terminus']);
    expect(selection.filledGaps).toEqual([{ model: 'deepseek-v3.1-terminus', category: 'expert' }]);
  });

  it('keeps the order of a named list', () => {
    const names = ['glm-4.6', 'gemini-3-pro'];
    const selection = selectModels(board, ALL, { kind: 'list', names }, false);
    expect(selection.models.map((m) => m.name)).toEqual(names);
  });

  it('rejects an unknown model name', () => {
    expect(() => selectModels(board, ALL, { kind: 'list', names: ['gpt-9'] }, false)).toThrow(
      '--models: "gpt-9" is not a model of the leaderboard',
    );
  });

  it('rejects a repeated model name', () => {
    expect(() => selectModels(board, ALL, { kind: 'list', names: ['glm-4.6', 'glm-4.6'] }, false)).toThrow(
      '"glm-4.6" is listed twice',
    );
  });

  it('names the unrated categories of a listed model', () => {
    const names = ['deepseek-v3.1-terminus'];
    expect(() => selectModels(board, ALL, { kind: 'list', names }, false)).toThrow(
      '--models: "deepseek-v3.1-terminus" has no rating in expert',
    );
  });

  it('breaks rating ties by name', () => {
    const rating = { rating: 1000, rating_q025: 990, rating_q975: 1010 };
    const tied = parseLeaderboard({ full: { b: rating, a: rating, c: { ...rating, rating: 900 } } }, 'tied.json');
    const selection = selectModels(tied, ['full'], { kind: 'top', count: 3 }, false);
    expect(selection.models.map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it('needs the full category for top:N', () => {
    const rating = { rating: 1000, rating_q025: 990, rating_q975: 1010 };
    const noFull = parseLeaderboard({ coding: { a: rating } }, 'coding.json');
    expect(() => selectModels(noFull, ['coding'], { kind: 'top', count: 1 }, false)).toThrow(
      /ranks models by the "full" category, which the leaderboard lacks/,
    );
    expect(selectModels(noFull, ['coding'], { kind: 'list', names: ['a'] }, false).models).toHaveLength(1);
  });
});
