import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const valid = {
  name: 'v',
  userTypes: [
    { name: 'coding', weight: 2 },
    { name: 'math', weight: 1 },
  ],
  models: [
    { name: 'm1', rewards: [1, 0] },
    { name: 'm2', rewards: [0, 1] },
  ],
  platforms: [
    { name: 'A', initialModel: 'm1' },
    { name: 'B', initialModel: 'm2' },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'genmarket-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyzeText(name: string, text: string) {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, text);
  return runCli(['analyze', path]);
}

const cases: [string, unknown, RegExp][] = [
  ['short reward list', { ...valid, models: [{ name: 'm1', rewards: [1] }, valid.models[1]] }, /models\[0\]\.rewards: has 1 rewards but there are 2 user types/],
  ['huge number', null, /models\[0\]\.rewards\[0\]: must be a finite number/],
  ['negative weight', { ...valid, userTypes: [{ name: 'coding', weight: -1 }, valid.userTypes[1]] }, /userTypes\[0\]\.weight: must be non-negative/],
  ['all-zero weights', { ...valid, userTypes: [{ name: 'coding', weight: 0 }, { name: 'math', weight: 0 }] }, /userTypes: weights sum to 0/],
  ['duplicate model names', { ...valid, models: [valid.models[0], { ...valid.models[1], name: 'm1' }] }, /models\[1\]\.name: "m1" duplicates models\[0\]\.name/],
  ['unknown initial model', { ...valid, platforms: [{ name: 'A', initialModel: 'gpt-9' }, valid.platforms[1]] }, /platforms\[0\]\.initialModel: "gpt-9" is not a model/],
  ['zero temperature', { ...valid, choice: { rule: 'softmax', temperature: 0 } }, /choice\.temperature: must be positive/],
  ['zero platforms', { ...valid, platforms: 0 }, /platforms: must be at least 1 platform/],
  ['empty platform list', { ...valid, platforms: [] }, /platforms: needs at least one platform/],
  ['unknown choice rule', { ...valid, choice: { rule: 'argmax' } }, /choice\.rule: rule must be "hardmax" or "softmax"/],
  ['missing name', { ...valid, name: undefined }, /name: must be a string/],
];

describe('invalid scenarios', () => {
  for (const [label, scenario, message] of cases) {
    it(`rejects ${label}`, () => {
      const text = scenario === null ? JSON.stringify(valid).replace('"rewards":[1,0]', '"rewards":[1e999,0]') : JSON.stringify(scenario);
      const result = analyzeText(label.replace(/\W+/g, '-'), text);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('rejects malformed JSON', () => {
    const result = analyzeText('malformed', '{"name": "x",');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not valid JSON/);
  });

  it('rejects a missing file', () => {
    const result = runCli(['analyze', join(dir, 'absent.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/absent\.json.*not found/);
  });

  it('accepts the valid scenario', () => {
    const result = analyzeText('valid', JSON.stringify(valid));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('scenario edge cases', () => {
  it('rejects a misspelled key', () => {
    const result = analyzeText('typo', JSON.stringify({ ...valid, choise: { rule: 'softmax', temperature: 1 } }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unrecognized key: "choise": remove it or fix its spelling/);
  });

  it('rejects weights whose sum overflows', () => {
    const result = analyzeText('overflow', JSON.stringify({ ...valid, userTypes: [{ name: 'a', weight: 1e308 }, { name: 'b', weight: 1e308 }] }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/userTypes: weights sum past the largest finite number/);
  });

  it('rejects control characters and commas in names', () => {
    const result = analyzeText('names', JSON.stringify({ ...valid, models: [{ name: 'a\u001b[31m', rewards: [1, 0] }, { name: 'b,c', rewards: [0, 1] }] }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/models\[0\]\.name: must not contain control characters/);
    expect(result.stderr).toMatch(/models\[1\]\.name: must not contain a comma/);
  });

  it('accepts a byte-order mark', () => {
    const result = analyzeText('bom', `\ufeff${JSON.stringify(valid)}`);
    expect(result.status).toBe(0);
  });

  it('rejects too many platforms up front', () => {
    const result = analyzeText('many', JSON.stringify({ ...valid, platforms: 5000 }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/platforms: must be at most 1000 platforms/);
  });

  it('exits 2 on a bad option value', () => {
    const result = runCli(['analyze', 'scenarios/two-niches.json', '--platforms', '-1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--platforms must be a whole number from 1 to 1000/);
  });
});
