import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRows, parseTopicCounts } from '../../src/arena/topics.js';
import { InputError } from '../../src/errors.js';

function rejectionOf(text: string): string {
  try {
    parseTopicCounts(text, 'topics.csv');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('parseTopicCounts accepted invalid input');
}

describe('parseCsvRows', () => {
  it('splits plain fields and skips blank lines', () => {
    expect(parseCsvRows('a,b\n1,2\n\n', 'x')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields with commas and quotes', () => {
    expect(parseCsvRows('"Arts, Crafts","say ""hi"""\r\nx,y', 'x')).toEqual([
      ['Arts, Crafts', 'say "hi"'],
      ['x', 'y'],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsvRows('a,"b\n1,2', 'x')).toThrow(/unterminated quoted field/);
  });
});

describe('parseTopicCounts', () => {
  it('reads the fixture in file order', () => {
    const topics = parseTopicCounts(readFileSync('test/fixtures/arena/topics.csv', 'utf8'), 'topics.csv');
    expect(topics).toEqual([
      { topic: 'Tech Programming', count: 3508 },
      { topic: 'Math Puzzles', count: 1384 },
      { topic: 'Creative Arts', count: 1196 },
      { topic: 'Miscellaneous', count: 696 },
      { topic: 'Multidisciplinary Studies', count: 693 },
    ]);
  });

  it('reads the bundled table of 10,000 prompts', () => {
    const topics = parseTopicCounts(readFileSync('scenarios/data/arena/prompt-topic-shares.csv', 'utf8'), 'shares.csv');
    expect(topics).toHaveLength(10);
    expect(topics.reduce((sum, t) => sum + t.count, 0)).toBe(10_000);
  });

  it('finds columns by header name', () => {
    const topics = parseTopicCounts('\uFEFFcount,broad_category\n5,A\n7,"B, C"\n', 'topics.csv');
    expect(topics).toEqual([
      { topic: 'A', count: 5 },
      { topic: 'B, C', count: 7 },
    ]);
  });

  it('rejects a missing column', () => {
    expect(rejectionOf('broad_category,percentage\nA,50\n')).toContain('missing column "count"');
  });

  it('rejects a non-integer count', () => {
    expect(rejectionOf('broad_category,count\nA,12.5\n')).toContain(
      'topics.csv line 2: count of "A" must be a non-negative whole number, got "12.5"',
    );
  });

  it('rejects a repeated topic', () => {
    expect(rejectionOf('broad_category,count\nA,1\nA,2\n')).toContain('line 3: topic "A" appears twice');
  });

  it('rejects an empty topic name', () => {
    expect(rejectionOf('broad_category,count\n,1\n')).toContain('line 2: broad_category is empty');
  });

  it('rejects a table without prompts', () => {
    expect(rejectionOf('')).toContain('is empty');
    expect(rejectionOf('broad_category,count\n')).toContain('no topic rows');
    expect(rejectionOf('broad_category,count\nA,0\n')).toContain('every topic count is 0');
  });
});
