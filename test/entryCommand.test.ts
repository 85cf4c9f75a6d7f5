import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntryCommand, type EntryCommandOptions } from '../src/cli/commands/entry.js';
import { InputError } from '../src/errors.js';
import { profilePayoffs } from '../src/game/profilePayoffs.js';
import { buildMarket, parseScenario } from '../src/market/loadScenario.js';
import { runCli } from './cli.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-entry-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let logCount = 0;

function options(overrides: Partial<EntryCommandOptions> = {}): EntryCommandOptions {
  logCount += 1;
  return {
    scheme: 'both',
    steps: 150,
    seed: '1',
    restarts: 1,
    learningRate: 0.05,
    retrainRounds: 10,
    curvePoints: 10,
    maxClasses: 1_000_000,
    log: join(directory, `entry-${logCount}.ndjson`),
    ...overrides,
  };
}

/** Hardmax market in R^2 with a kernel type and a Monte Carlo (linear-sigmoid) type. */
const monteCarloScenario = {
  name: 'monte-carlo-entry',
  outputSpace: { dimension: 2 },
  monteCarlo: { samples: 2000, seed: 'entry' },
  userTypes: [
    { name: 'near', weight: 0.55, reward: { kind: 'gaussianKernel', center: [0, 0], width: 1 } },
    { name: 'upward', weight: 0.45, reward: { kind: 'linearSigmoid', direction: [0, 3], offset: -6 } },
  ],
  models: [
    { name: 'A', distribution: { kind: 'gaussian', mean: [0, 0], sigma: 0.2 } },
    { name: 'B', distribution: { kind: 'gaussian', mean: [0.5, 0.5], sigma: 0.5 } },
  ],
  platforms: 2,
  choice: { rule: 'hardmax', tieTolerance: 0.01 },
  entrant: { name: 'E', provider: 'newcomer' },
};

function writeScenario(name: string, scenario: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

describe('entry on bundled scenarios', () => {
  it('best response wins the underserved niche', () => {
    const { report } = runEntryCommand('scenarios/underserved-niche.json', options());
    expect(report.incumbentProfile).toEqual(['base', 'base', 'base', 'base']);
    expect(report.standard!.captureShare).toBeCloseTo(0.25, 9);
    expect(report.bestResponse!.captureShare).toBeCloseTo(0.4, 9);
    expect(report.bestResponse!.dynamics.profile).toContain('challenger');
    expect(report.bestResponse!.distinctModelsAfter).toBe(2);
    expect(report.bestResponse!.welfareAfter).toBeGreaterThan(report.bestResponse!.welfareBefore);
  });

  it('best response gains nothing against a spread incumbent', () => {
    const { report } = runEntryCommand('scenarios/spread-incumbent.json', options());
    expect(report.standard!.captureShare).toBeCloseTo(0.6, 9);
    expect(report.bestResponse!.captureShare).toBeCloseTo(0.6, 9);
    expect(report.standard!.providerPayoff).toBeCloseTo(report.bestResponse!.providerPayoff, 9);
  });
});

describe('entry report', () => {
  it('share equals engine share for trained parameters', () => {
    const path = writeScenario('monte-carlo.json', monteCarloScenario);
    const { report } = runEntryCommand(path, options());

    for (const scheme of [report.standard!, report.bestResponse!]) {
      // Load the trained entrant as an ordinary scenario model; the loader computes its rewards.
      const withEntrant = structuredClone(monteCarloScenario) as any;
      withEntrant.models.push({
        name: 'E',
        provider: 'newcomer',
        distribution: { kind: 'mixture', components: scheme.parameters.components },
      });
      delete withEntrant.entrant;
      const market = buildMarket(parseScenario(withEntrant));
      const platform = market.platformNames.indexOf(scheme.platform);
      const profile = Int32Array.from(report.incumbentProfile, (name) => market.modelNames.indexOf(name));
      profile[platform] = 2;
      expect(market.rewards[2 * 2 + 1]).toBe(scheme.rewards.upward);
      expect(profilePayoffs(market, profile).shares[platform]).toBe(scheme.captureShare);
      expect(scheme.rewardStdErrors.upward).toBeGreaterThan(0);
      expect(scheme.rewardStdErrors.near).toBe(0);
    }
  });

  it('same seed gives identical reports', () => {
    const path = writeScenario('monte-carlo-seed.json', monteCarloScenario);
    const first = runEntryCommand(path, options({ restarts: 2 })).report;
    const second = runEntryCommand(path, options({ restarts: 2 })).report;
    expect(second).toEqual(first);
  });

  it('reports the fields of each scheme', () => {
    const { report } = runEntryCommand('scenarios/underserved-niche.json', options({ retrain: true }));
    for (const scheme of [report.standard!, report.bestResponse!, report.retrained!]) {
      expect(typeof scheme.captureShare).toBe('number');
      expect(typeof scheme.adoptedAtEquilibrium).toBe('boolean');
      expect(typeof scheme.providerPayoff).toBe('number');
      expect(typeof scheme.welfareBefore).toBe('number');
      expect(typeof scheme.welfareAfter).toBe('number');
      expect(typeof scheme.distinctModelsBefore).toBe('number');
      expect(typeof scheme.distinctModelsAfter).toBe('number');
      expect(scheme.parameters.components).toHaveLength(1);
      expect(scheme.curve.length).toBeLessThanOrEqual(10);
    }
    expect(report.retrained!.converged).toBe(true);
    expect(report.retrained!.rounds.length).toBeGreaterThan(0);
  });

  it('runs only the requested scheme', () => {
    const { report } = runEntryCommand('scenarios/underserved-niche.json', options({ scheme: 'standard' }));
    expect(report.standard).toBeDefined();
    expect(report.bestResponse).toBeUndefined();
  });

  it('writes the training curve as NDJSON', () => {
    const { logPath } = runEntryCommand('scenarios/spread-incumbent.json', options({ steps: 20 }));
    const records = readFileSync(logPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(records[0].msg).toBe('entry started');
    expect(records.at(-1).msg).toBe('entry finished');
    const steps = records.filter((r) => r.msg === 'training step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((r) => r.step >= 0 && r.step < 20)).toBe(true);
    expect(new Set(steps.map((r) => r.scheme))).toEqual(new Set(['standard', 'best-response']));
  });
});

describe('entry errors', () => {
  const cases: [string, () => unknown, string][] = [
    ['scenario without reward functions', () => runEntryCommand('scenarios/two-niches.json', options()),
      'userTypes[0].reward is missing'],
    ['unknown profile model', () => runEntryCommand('scenarios/spread-incumbent.json', options({ profile: 'allround,nope,legacy' })),
      '"nope" is not a model of this scenario'],
    ['profile of wrong length', () => runEntryCommand('scenarios/spread-incumbent.json', options({ profile: 'allround' })),
      '--profile names 1 models but the scenario has 3 platforms'],
    ['kappa end above start', () => runEntryCommand('scenarios/spread-incumbent.json', options({ kappaStart: 0.01, kappaEnd: 0.1 })),
      '--kappa-end (0.1) must not exceed --kappa-start (0.01)'],
    ['entrant name taken', () => runEntryCommand(writeScenario('taken.json', { ...monteCarloScenario, entrant: { name: 'A' } }), options()),
      'entrant name "A" is already a model'],
  ];

  for (const [label, run, message] of cases) {
    it(`rejects ${label}`, () => {
      expect(run).toThrow(InputError);
      expect(run).toThrow(message);
    });
  }
});

describe('genmarket entry', () => {
  it('prints both schemes as JSON', () => {
    const log = join(directory, 'cli.ndjson');
    const result = runCli(['entry', 'scenarios/spread-incumbent.json', '--json', '--steps', '50', '--log', log]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toContain('standard');
    expect(Object.keys(report)).toContain('bestResponse');
    expect(result.stderr).toContain(`training log: ${log}`);
  });

  it('names the invalid field', () => {
    const bad = structuredClone(monteCarloScenario) as any;
    bad.models[1].distribution.mean = [0, 0, 0];
    const result = runCli(['entry', writeScenario('bad.json', bad), '--log', join(directory, 'bad.ndjson')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('models[1].distribution.mean: has 3 coordinates but outputSpace.dimension is 2');
  });
});
