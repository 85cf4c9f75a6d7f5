import { Command, CommanderError } from 'commander';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatScenarioJson, registerImportArena } from '../../src/cli/commands/importArena.js';
import { InputError } from '../../src/errors.js';
import { readScenarioFile } from '../../src/market/loadScenario.js';

const DIR = 'test/fixtures/arena';
const outDir = mkdtempSync(join(tmpdir(), 'genmarket-arena-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs `import-arena` with the given arguments; returns commander's error output. */
async function run(args: string[]): Promise<string> {
  let errorOutput = '';
  const program = new Command('genmarket')
    .exitOverride()
    .configureOutput({ writeErr: (text) => (errorOutput += text), writeOut: () => {} });
  registerImportArena(program);
  await program.parseAsync(['import-arena', ...args], { from: 'user' });
  return errorOutput;
}

async function commanderRejection(args: string[]): Promise<string> {
  let errorOutput = '';
  const program = new Command('genmarket')
    .exitOverride()
    .configureOutput({ writeErr: (text) => (errorOutput += text), writeOut: () => {} });
  registerImportArena(program);
  await expect(program.parseAsync(['import-arena', ...args], { from: 'user' })).rejects.toBeInstanceOf(
    CommanderError,
  );
  return errorOutput;
}

describe('import-arena command', () => {
  it('writes a loadable scenario', async () => {
    const out = join(outDir, 'softmax.json');
    await run([
      `${DIR}/leaderboard.json`,
      '--topics', `${DIR}/topics.csv`,
      '--mapping', `${DIR}/mapping.json`,
      '--models', 'top:3',
      '--choice', 'softmax',
      '--platforms', '2',
      '--out', out,
    ]);
    const scenario = readScenarioFile(out);
    expect(scenario.name).toBe('arena-top3-softmax-2');
    expect(scenario.models.map((m) => m.name)).toEqual(['gemini-3-pro', 'claude-opus-4-5-20251101', 'gpt-5.1-high']);
    expect(scenario.choice).toEqual({ rule: 'softmax', temperature: 400 / Math.LN10 });
    expect(scenario.platforms).toBe(2);
  });

  it('passes options through', async () => {
    const out = join(outDir, 'custom.json');
    await run([
      `${DIR}/leaderboard.json`,
      '--categories', 'coding,expert',
      '--mapping', `${DIR}/mapping.json`,
      '--models', 'glm-4.6,deepseek-v3.1-terminus',
      '--fill-gaps',
      '--choice', 'softmax',
      '--temperature', '100',
      '--name', 'custom',
      '--schema', './scenario.schema.json',
      '--out', out,
    ]);
    const scenario = readScenarioFile(out);
    expect(scenario.name).toBe('custom');
    expect(scenario.$schema).toBe('./scenario.schema.json');
    expect(scenario.userTypes.map((t) => [t.name, t.weight])).toEqual([
      ['coding', 0.5],
      ['expert', 0.5],
    ]);
    expect(scenario.models.map((m) => m.name)).toEqual(['glm-4.6', 'deepseek-v3.1-terminus']);
    expect(scenario.choice).toEqual({ rule: 'softmax', temperature: 100 });
    expect(scenario.platforms).toBe(3);
  });

  it('puts number arrays on one line', async () => {
    const out = join(outDir, 'format.json');
    await run([`${DIR}/leaderboard.json`, '--mapping', `${DIR}/mapping.json`, '--models', 'top:2', '--out', out]);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/"rewards": \[1486\.\d+, 1473\.\d+, 1491\.\d+, 1486\.\d+, 1475\.\d+\]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(formatScenarioJson(readScenarioFile(out))));
  });

  it('rejects a malformed leaderboard by field', async () => {
    const bad = join(outDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ coding: { 'gpt-5': { rating: 'n/a', rating_q025: 1, rating_q975: 2 } } }));
    const failure = run([bad, '--categories', 'coding', '--models', 'gpt-5']);
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow('coding.gpt-5.rating: expected a finite number');
  });

  it('rejects a file that is not JSON', async () => {
    const bad = join(outDir, 'text.json');
    writeFileSync(bad, 'rating,model\n');
    await expect(run([bad])).rejects.toThrow(`leaderboard ${bad} is not valid JSON`);
  });

  it('rejects a missing file', async () => {
    await expect(run([join(outDir, 'absent.json')])).rejects.toThrow(/leaderboard .*absent\.json not found: check the path/);
  });

  it('rejects a malformed mapping', async () => {
    const bad = join(outDir, 'mapping.json');
    writeFileSync(bad, JSON.stringify({ 'Tech Programming': 3 }));
    await expect(run([`${DIR}/leaderboard.json`, '--mapping', bad])).rejects.toThrow(
      'Tech Programming: expected a category name (string)',
    );
  });

  it('rejects a malformed organisation list', async () => {
    const bad = join(outDir, 'orgs.json');
    writeFileSync(bad, JSON.stringify([{ model_api_name: 'glm-4.6' }]));
    await expect(run([`${DIR}/leaderboard.json`, '--organizations', bad])).rejects.toThrow(
      '[0].organization: expected the organisation name (string)',
    );
  });

  it('rejects temperature with hardmax', async () => {
    await expect(run([`${DIR}/leaderboard.json`, '--temperature', '100'])).rejects.toThrow(
      '--temperature applies only to --choice softmax',
    );
  });

  it('rejects topics date without topics', async () => {
    await expect(run([`${DIR}/leaderboard.json`, '--topics-date', '2025-02'])).rejects.toThrow(
      '--topics-date needs --topics',
    );
  });

  it('rejects invalid option values', async () => {
    expect(await commanderRejection([`${DIR}/leaderboard.json`, '--models', 'top:many'])).toContain(
      'expected top:N with a whole number N',
    );
    expect(await commanderRejection([`${DIR}/leaderboard.json`, '--platforms', '0'])).toContain(
      'expected a whole number of platforms, at least 1',
    );
    expect(await commanderRejection([`${DIR}/leaderboard.json`, '--choice', 'argmax'])).toContain(
      'Allowed choices are hardmax, softmax',
    );
    expect(await commanderRejection([`${DIR}/leaderboard.json`, '--temperature', '-1'])).toContain(
      'expected a positive number',
    );
    expect(await commanderRejection([`${DIR}/leaderboard.json`, '--categories', 'coding,'])).toContain(
      'a category name is empty',
    );
  });
});
