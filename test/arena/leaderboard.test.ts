import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLeaderboard, ratingStdDev } from '../../src/arena/leaderboard.js';
import { InputError } from '../../src/errors.js';

const FIXTURE = 'test/fixtures/arena/leaderboard.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;

function rejectionOf(data: unknown): string {
  try {
    parseLeaderboard(data, 'board.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('parseLeaderboard accepted invalid data');
}

describe('parseLeaderboard', () => {
  it('accepts the fixture', () => {
    const board = parseLeaderboard(fixture, FIXTURE);
    expect(Object.keys(board)).toEqual(['coding', 'math', 'creative_writing', 'full', 'expert']);
    expect(Object.keys(board.coding)).toHaveLength(5);
    expect(board.expert['deepseek-v3.1-terminus']).toBeUndefined();
    expect(board.coding['gpt-5.1-high'].rating).toBeCloseTo(1451.411, 3);
  });

  it('keeps extra fields of a rating', () => {
    const board = parseLeaderboard(
      { full: { m: { rating: 1, rating_q025: 0, rating_q975: 2, num_battles: 10 } } },
      'board.json',
    );
    expect(board.full.m.rating).toBe(1);
  });

  it('names a non-numeric rating by path', () => {
    const message = rejectionOf({ coding: { 'gpt-5': { rating: 'high', rating_q025: 1, rating_q975: 2 } } });
    expect(message).toContain('board.json is not a valid LMArena leaderboard');
    expect(message).toContain('coding.gpt-5.rating: expected a finite number, got the string "high"');
  });

  it('names a missing interval bound', () => {
    const message = rejectionOf({ math: { m: { rating: 1, rating_q025: 0 } } });
    expect(message).toContain('math.m.rating_q975: expected a finite number, got missing');
  });

  it('rejects swapped interval bounds', () => {
    const message = rejectionOf({ full: { m: { rating: 1, rating_q025: 3, rating_q975: 2 } } });
    expect(message).toContain('full.m: rating_q025 is above rating_q975');
  });

  it('rejects a category that is not an object', () => {
    const message = rejectionOf({ coding: [1, 2] });
    expect(message).toContain('coding: expected an object mapping model names to ratings, got an array');
  });

  it('rejects a rating that is not an object', () => {
    const message = rejectionOf({ coding: { m: 1400 } });
    expect(message).toContain('coding.m: expected an object {rating, rating_q025, rating_q975}, got 1400');
  });

  it('rejects a top level that is not an object', () => {
    expect(rejectionOf([])).toContain('(top level): expected an object mapping category names to models');
    expect(rejectionOf(null)).toContain('got null');
  });

  it('rejects an empty leaderboard', () => {
    expect(rejectionOf({})).toContain('it contains no categories');
  });

  it('lists at most ten problems', () => {
    const category = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`m${i}`, { rating: null, rating_q025: 0, rating_q975: 1 }]),
    );
    const message = rejectionOf({ coding: category });
    expect(message).toContain('coding.m9.rating');
    expect(message).not.toContain('coding.m10.rating');
    expect(message).toContain('... and 2 more');
  });
});

describe('ratingStdDev', () => {
  it('divides the 95% interval by 3.92', () => {
    expect(ratingStdDev({ rating: 1400, rating_q025: 1390.2, rating_q975: 1409.8 })).toBeCloseTo(5, 12);
  });

  it('is 0 for a point interval', () => {
    expect(ratingStdDev({ rating: 1400, rating_q025: 1400, rating_q975: 1400 })).toBe(0);
  });
});
