/**
 * End-to-end check of the CLI: `import-arena` builds scenarios from the
 * fixture, `analyze --json` enumerates their pure equilibria, and a brute
 * force written here, sharing no code with the engine, must find the same
 * equilibria and shares.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const DIR = 'test/fixtures/arena';
const NASH_TOLERANCE = 1e-12;
/**
 * Bound on deviation gains that rounding could push across the Nash
 * tolerance. The test requires that no gain lies between the two.
 */
const AMBIGUOUS_GAIN = 1e-9;

const outDir = mkdtempSync(join(tmpdir(), 'genmarket-arena-e2e-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface PlainScenario {
  userTypes: { weight: number }[];
  models: { name: string; rewards: number[] }[];
  choice: { rule: 'hardmax' } | { rule: 'softmax'; temperature: number };
}

/** Returns each platform's market share, deploying model `profile[i]` on platform i. */
function shares(scenario: PlainScenario, profile: number[]): number[] {
  const totalWeight = scenario.userTypes.reduce((sum, t) => sum + t.weight, 0);
  const result = profile.map(() => 0);
  scenario.userTypes.forEach((type, t) => {
    const rewards = profile.map((j) => scenario.models[j].rewards[t]);
    const best = Math.max(...rewards);
    let probabilities: number[];
    if (scenario.choice.rule === 'hardmax') {
      const winners = rewards.filter((r) => r === best).length;
      probabilities = rewards.map((r) => (r === best ? 1 / winners : 0));
    } else {
      const temperature = scenario.choice.temperature;
      const odds = rewards.map((r) => Math.exp((r - best) / temperature));
      const total = odds.reduce((sum, o) => sum + o, 0);
      probabilities = odds.map((o) => o / total);
    }
    probabilities.forEach((p, i) => (result[i] += (type.weight / totalWeight) * p));
  });
  return result;
}

/**
 * Enumerates all M^N profiles. Returns the pure Nash equilibria as sorted
 * lists of model indices, and the gain of every unilateral deviation.
 */
function bruteForceEquilibria(scenario: PlainScenario, platforms: number): { equilibria: number[][]; gains: number[] } {
  const numModels = scenario.models.length;
  const found = new Set<string>();
  const gains: number[] = [];
  for (let code = 0; code < numModels ** platforms; code++) {
    const profile = Array.from({ length: platforms }, (_, i) => Math.floor(code / numModels ** i) % numModels);
    const current = shares(scenario, profile);
    let stable = true;
    for (let i = 0; i < platforms; i++) {
      for (let k = 0; k < numModels; k++) {
        if (k === profile[i]) continue;
        const deviation = profile.slice();
        deviation[i] = k;
        const gain = shares(scenario, deviation)[i] - current[i];
        gains.push(gain);
        if (gain > NASH_TOLERANCE) stable = false;
      }
    }
    if (stable) found.add(JSON.stringify(profile.slice().sort((a, b) => a - b)));
  }
  return { equilibria: [...found].map((key) => JSON.parse(key) as number[]).sort(), gains };
}

interface AnalysisJson {
  equilibria: { profile: string[]; shares: number[] }[];
}

interface ImportedAnalysis {
  scenario: PlainScenario;
  analysis: AnalysisJson;
}

/** Results by choice rule and platform count, so each CLI pair runs once. */
const analyses = new Map<string, ImportedAnalysis>();

function importAndAnalyze(choice: string, platforms: number): ImportedAnalysis {
  const key = `${choice}-${platforms}`;
  const cached = analyses.get(key);
  if (cached) return cached;

  const out = join(outDir, `fixture-${choice}-${platforms}.json`);
  const imported = runCli([
    'import-arena', `${DIR}/leaderboard.json`,
    '--topics', `${DIR}/topics.csv`,
    '--mapping', `${DIR}/mapping.json`,
    '--models', 'top:4',
    '--choice', choice,
    '--platforms', String(platforms),
    '--out', out,
  ]);
  expect(imported.stderr).toContain(`wrote ${out}: 4 models, 5 user types`);
  expect(imported.status).toBe(0);
  const analyzed = runCli(['analyze', out, '--json']);
  expect(analyzed.stderr).toBe('');
  expect(analyzed.status).toBe(0);
  const result = {
    scenario: JSON.parse(readFileSync(out, 'utf8')) as PlainScenario,
    analysis: JSON.parse(analyzed.stdout) as AnalysisJson,
  };
  analyses.set(key, result);
  return result;
}

describe('import-arena then analyze', () => {
  it.each([
    ['hardmax', 2],
    ['hardmax', 3],
    ['softmax', 2],
    ['softmax', 3],
  ] as const)('matches brute force for %s with %i platforms', (choice, platforms) => {
    const { scenario, analysis } = importAndAnalyze(choice, platforms);
    const names = scenario.models.map((m) => m.name);
    const { equilibria, gains } = bruteForceEquilibria(scenario, platforms);

    const ambiguous = gains.filter((g) => Math.abs(g) > NASH_TOLERANCE && Math.abs(g) < AMBIGUOUS_GAIN);
    expect(ambiguous).toEqual([]);
    expect(equilibria.length).toBeGreaterThan(0);

    const reported = analysis.equilibria.map((e) => e.profile.map((n) => names.indexOf(n)).sort((a, b) => a - b));
    expect(reported.sort()).toEqual(equilibria);

    for (const equilibrium of analysis.equilibria) {
      const profile = equilibrium.profile.map((n) => names.indexOf(n));
      const expected = shares(scenario, profile);
      equilibrium.shares.forEach((share, i) => expect(share).toBeCloseTo(expected[i], 12));
    }
  });

  it('finds the hand-worked hardmax equilibria', () => {
    // Claude Opus 4.5 has the highest rating on coding and expert (56.2% of
    // prompts), Gemini 3 Pro on the other three types (43.8%). Two platforms
    // on Claude each serve half the market, more than the 43.8% that a
    // switch to Gemini wins. With three platforms, the one on Gemini keeps
    // 43.8% against 33.3% from joining Claude, and each Claude platform
    // keeps 28.1% against 21.9% from sharing Gemini's niche.
    const two = importAndAnalyze('hardmax', 2).analysis.equilibria.map((e) => e.profile);
    expect(two).toEqual([['claude-opus-4-5-20251101', 'claude-opus-4-5-20251101']]);
    const three = importAndAnalyze('hardmax', 3).analysis.equilibria.map((e) => [...e.profile].sort());
    expect(three).toEqual([['claude-opus-4-5-20251101', 'claude-opus-4-5-20251101', 'gemini-3-pro']]);
  });

  it('rejects a malformed leaderboard with exit status 2', () => {
    const bad = join(outDir, 'bad-leaderboard.json');
    writeFileSync(bad, JSON.stringify({ coding: { 'gpt-5': { rating: null, rating_q025: 1, rating_q975: 2 } } }));
    const result = runCli(['import-arena', bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('coding.gpt-5.rating: expected a finite number, got null');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('rejects an unknown model with exit status 2', () => {
    const result = runCli(['import-arena', `${DIR}/leaderboard.json`, '--mapping', `${DIR}/mapping.json`, '--models', 'gpt-9']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('genmarket: --models: "gpt-9" is not a model of the leaderboard: check the spelling\n');
  });
});
