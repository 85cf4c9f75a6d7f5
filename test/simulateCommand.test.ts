import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './cli.js';

const CONDORCET = 'scenarios/condorcet-cycle.json';
const directory = mkdtempSync(join(tmpdir(), 'genmarket-simulate-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function simulateJson(args: string[]) {
  const result = runCli(['simulate', ...args, '--json', '--no-log']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe('simulate --json', () => {
  it('reports the Condorcet cycle', () => {
    // Infinitely many users make the realised welfare exact.
    const summary = simulateJson([CONDORCET, '--users', 'infinite']);
    expect(summary.outcome).toBe('cycle');
    expect(summary.rounds).toBe(13);
    expect(summary.seed).toBe('1');
    expect(summary.finalProfile).toEqual(['a', 'b']);
    expect(summary.cycle.period).toBe(6);
    expect(summary.cycle.profiles).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
      ['b', 'a'],
      ['c', 'a'],
      ['c', 'b'],
    ]);
    expect(summary.shares).toHaveLength(2);
    expect(summary.welfare.mean).toBeCloseTo(8 / 3, 12);
    expect(summary.log).toBeNull();
  });

  it('converges on the two-niche market', () => {
    const summary = simulateJson(['scenarios/two-niches.json']);
    expect(summary.outcome).toBe('converged');
    expect(summary.convergence.profile).toEqual(summary.finalProfile);
    expect(summary.finalProfile.slice().sort()).toEqual(['m1', 'm1', 'm1', 'm2']);
  });

  it('starts from --start', () => {
    const summary = simulateJson([CONDORCET, '--start', 'c,c', '--rounds', '1']);
    expect(summary.rounds).toBe(1);
    expect(summary.finalProfile).toEqual(['b', 'c']);
  });

  it('runs every stochastic option', () => {
    const runs = [
      ['--schedule', 'inertia', '--inertia', '0.4'],
      ['--response', 'epsilon-greedy', '--epsilon', '0.05'],
      ['--response', 'logit', '--response-temperature', '0.02'],
      ['--users', '500', '--per-user', '--estimates', 'sample'],
      ['--estimates', 'learned', '--users', '1e4'],
    ];
    for (const options of runs) {
      const summary = simulateJson([CONDORCET, '--rounds', '2000', ...options]);
      expect(summary.deterministic).toBe(false);
      expect(summary.rounds).toBe(2000);
      expect(summary.cycle).toBeUndefined();
    }
  });

  it('evaluates noisy ratings from rewardStdDevs', () => {
    const summary = simulateJson(['scenarios/arena-top12-hardmax-3.json', '--rating-noise', '--rounds', '300', '--window', '100']);
    expect(summary.deterministic).toBe(false);
    expect(summary.rounds).toBeLessThanOrEqual(300);
  });
});

describe('simulate option errors', () => {
  it.each([
    [['--rounds', '0'], 'invalid --rounds "0"'],
    [['--rounds', 'many'], 'invalid --rounds "many"'],
    [['--users', '-3'], 'invalid --users "-3"'],
    [['--schedule', 'sometimes'], 'invalid --schedule "sometimes": expected one of round-robin, random, simultaneous, inertia'],
    [['--response', 'worst'], 'invalid --response "worst"'],
    [['--estimates', 'guess'], 'invalid --estimates "guess"'],
    [['--schedule', 'inertia', '--inertia', '1.5'], 'invalid --inertia "1.5"'],
    [['--inertia', '0.5'], '--inertia 0.5 has no effect unless --schedule inertia'],
    [['--epsilon', '0.5'], '--epsilon 0.5 has no effect unless --response epsilon-greedy'],
    [['--response', 'logit', '--response-temperature', '0'], 'invalid --response-temperature "0"'],
    [['--users', 'infinite', '--per-user'], '--per-user needs a finite number of users'],
    [['--start', 'a'], 'invalid --start "a": it names 1 models but the run has 2 platforms'],
    [['--start', 'a,z'], 'invalid --start "a,z": "z" is not a model of the scenario'],
    [['--rating-noise'], '--rating-noise needs reward standard deviations'],
    [['--log-stride', '0'], 'invalid --log-stride "0"'],
  ])('rejects %j', (options, message) => {
    const result = runCli(['simulate', CONDORCET, '--no-log', ...options]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('needs a scenario or --resume', () => {
    const result = runCli(['simulate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing scenario file');
  });
});

describe('simulate run log', () => {
  it('writes the default log under logs/', () => {
    const result = runCli(['simulate', join(repoRoot, CONDORCET)], { cwd: directory });
    expect(result.status).toBe(0);
    const logs = readdirSync(join(directory, 'logs'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^condorcet-cycle-seed1-.*\.ndjson$/);
    expect(result.stdout).toContain(`Run log: ${join('logs', logs[0])}`);
  });
});
