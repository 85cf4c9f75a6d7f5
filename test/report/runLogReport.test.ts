/**
 * Reports of `genmarket simulate` run logs. The fixtures are real logs
 * written by the compiled command:
 * - run-log.ndjson: `simulate scenarios/majority-beats-average.json --seed 7 --log-stride 1`;
 * - default-stride-log.ndjson: `simulate scenarios/condorcet-cycle.json --seed 3`, whose 13
 *   rounds leave no round record at the default stride of 1000.
 * Other tests run the command themselves and compare the report with the
 * records of the log it wrote and with the exact analysis of the market.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeMarket } from '../../src/analysis/analyzeMarket.js';
import { formatProfile } from '../../src/analysis/formatAnalysis.js';
import { buildMarket, readScenarioFile } from '../../src/market/loadScenario.js';
import type { Market } from '../../src/market/market.js';
import { buildSection } from '../../src/report/buildReport.js';
import { detectInput } from '../../src/report/detectInput.js';
import { runLogSection } from '../../src/report/runLogSection.js';
import { extractRunLog, type RunLogSeries } from '../../src/report/runLogSeries.js';
import { MAX_PLOTTED_ROUNDS } from '../../src/report/runLogSpecs.js';
import { writeReport } from '../../src/report/writeReport.js';
import type { RevisionRecord, RoundRecord, RunRecord } from '../../src/runlog/format.js';
import { runCli } from '../cli.js';

const fixture = 'test/fixtures/report/run-log.ndjson';
const sparseFixture = 'test/fixtures/report/default-stride-log.ndjson';
const directory = mkdtempSync(join(tmpdir(), 'genmarket-run-log-report-'));

function seriesOf(path: string): RunLogSeries {
  const input = detectInput(path);
  if (input.kind !== 'run-log') throw new Error(`detected ${input.kind}`);
  return extractRunLog(input.log);
}

/** Reads a log's records with JSON.parse alone, apart from the reader under test. */
function logRecords(path: string): RunRecord[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as RunRecord);
}

/** Returns the inline data of a spec or of its first layer with the named field. */
function specValues(spec: unknown, field: string): Record<string, unknown>[] {
  const s = spec as { data?: { values?: unknown[] }; layer?: { data?: { values?: unknown[] } }[] };
  const candidates = [s.data?.values, ...(s.layer ?? []).map((l) => l.data?.values)];
  const found = candidates.find((v) => Array.isArray(v) && v.length > 0 && field in (v[0] as object));
  return (found ?? []) as Record<string, unknown>[];
}

interface Segment {
  platform: string;
  model: string;
  start: number;
  end: number;
}

/** Returns the model a platform deploys in a round according to the deployed-model chart. */
function modelInRound(segments: Segment[], platform: string, round: number): string | undefined {
  return segments.find((s) => s.platform === platform && s.start <= round && round < s.end)?.model;
}

/** Returns the exact welfare of the best and worst pure equilibrium and of the optimum. */
function exactReference(market: Market): Record<string, number> {
  const analysis = analyzeMarket(market);
  const welfares = analysis.equilibria.map((e) => e.welfare);
  const reference: Record<string, number> = { 'social optimum': analysis.optimum.welfare };
  if (welfares.length > 0) {
    reference['best equilibrium'] = Math.max(...welfares);
    reference['worst equilibrium'] = Math.min(...welfares);
  }
  return reference;
}

describe('run log series', () => {
  it('reads every round with model names', () => {
    const series = seriesOf(fixture);
    expect(series.scenarioName).toBe('majority-beats-average');
    expect(series.seed).toBe('7');
    expect(series.platformNames).toEqual(['P1', 'P2']);
    expect(series.lastRound).toBe(4);
    expect(series.logStride).toBe(1);
    expect(series.rounds.map((r) => r.round)).toEqual([1, 2, 3, 4]);
    expect(series.rounds.map((r) => r.welfare)).toEqual([4, 4.6, 1, 1]);
    expect(series.notes).toEqual([]);
  });

  it('keeps the profile that served each round', () => {
    const series = seriesOf(fixture);
    // P1 switches after serving round 1, so round 1 is still served by the start profile.
    expect(series.rounds[0].profile).toEqual(['specialist', 'specialist']);
    expect(series.rounds[1].profile).toEqual(['generalist', 'specialist']);
    expect(series.rounds[1].shares).toEqual([0.6, 0.4]);
    expect(series.profileChanges).toEqual([
      { round: 1, profile: ['specialist', 'specialist'] },
      { round: 2, profile: ['generalist', 'specialist'] },
      { round: 3, profile: ['generalist', 'generalist'] },
    ]);
    expect(series.finalProfile).toEqual(['generalist', 'generalist']);
    expect(series.finalProfileWelfare).toBe(1);
  });

  it('matches the log records', () => {
    const series = seriesOf(fixture);
    const records = logRecords(fixture).filter((r): r is RoundRecord => r.type === 'round');
    const names = ['specialist', 'generalist'];
    expect(series.rounds).toEqual(
      records.map((r) => ({ round: r.round, profile: r.profile.map((j) => names[j]), shares: r.shares, welfare: r.welfare })),
    );
  });

  it('names platforms and models in events', () => {
    const series = seriesOf(fixture);
    expect(series.events).toEqual([
      { round: 1, description: 'revision: P1 switches from specialist to generalist for the next round' },
      { round: 2, description: 'revision: P2 switches from specialist to generalist for the next round' },
      { round: 4, description: 'convergence at generalist, generalist' },
    ]);
    expect(series.eventCount).toBe(3);
    expect(series.summary).toMatchObject({ outcome: 'converged', stopReason: 'converged', rounds: 4 });
  });
});

describe('run log section', () => {
  const section = buildSection(fixture);
  const figure = (name: string) => section.figures.find((f) => f.name === name)!;

  it('has the four figures', () => {
    expect(section.kind).toBe('run-log');
    expect(section.figures.map((f) => f.name)).toEqual(['shares', 'welfare', 'profile', 'best-response']);
  });

  it('plots each platform share by round', () => {
    const rows = specValues(figure('shares').spec, 'share');
    expect(rows).toHaveLength(8);
    expect(rows).toContainEqual({ round: 2, platform: 'P1', model: 'generalist', share: 0.6 });
    expect(rows).toContainEqual({ round: 2, platform: 'P2', model: 'specialist', share: 0.4 });
    expect(figure('shares').spec).toMatchObject({ mark: { type: 'line', interpolate: 'step-after' } });
  });

  it('draws exact reference welfare lines', () => {
    const welfare = specValues(figure('welfare').spec, 'round');
    expect(welfare.map((r) => r.welfare)).toEqual([4, 4.6, 1, 1]);
    const references = specValues(figure('welfare').spec, 'reference');
    const byName = Object.fromEntries(references.map((r) => [r.reference, r.welfare as number]));
    expect(byName).toEqual(exactReference(buildMarket(readScenarioFile('scenarios/majority-beats-average.json'))));
    expect(byName['social optimum']).toBeCloseTo(4.6, 12);
    expect(byName['best equilibrium']).toBeCloseTo(1, 12);
  });

  it('merges unchanged rounds into profile segments', () => {
    const segments = specValues(figure('profile').spec, 'platform');
    expect(segments).toEqual([
      { platform: 'P1', model: 'specialist', start: 1, end: 2 },
      { platform: 'P1', model: 'generalist', start: 2, end: 5 },
      { platform: 'P2', model: 'specialist', start: 1, end: 3 },
      { platform: 'P2', model: 'generalist', start: 3, end: 5 },
    ]);
  });

  it('lists facts, equilibria and events', () => {
    const facts = Object.fromEntries(section.facts);
    expect(facts.rounds).toBe('4');
    expect(facts['final profile']).toBe('generalist ×2');
    expect(facts['exact welfare of the final profile']).toBe('1');
    expect(facts['welfare in round 4']).toBe('1');
    expect(facts['optimum welfare']).toBe('4.6');
    expect(facts['price of anarchy']).toBe('4.6');
    expect(facts.outcome).toBe('converged (stopped by converged)');
    expect(section.tables[0].rows[0].slice(0, 3)).toEqual(['equilibrium', 'generalist ×2', '1']);
    expect(section.tables[1].caption).toBe('Events');
    expect(section.tables[1].rows).toHaveLength(3);
  });
});

describe('run log without round records', () => {
  const series = seriesOf(sparseFixture);
  const section = runLogSection(series);

  it('rebuilds the deployed models from revisions', () => {
    expect(series.rounds).toEqual([]);
    expect(series.lastRound).toBe(13);
    const segments = specValues(section.figures[0].spec, 'platform') as unknown as Segment[];
    const modelsOf = (platform: string) => segments.filter((s) => s.platform === platform).map((s) => [s.model, s.start, s.end]);
    expect(modelsOf('A')).toEqual([['a', 1, 4], ['b', 4, 6], ['c', 6, 8], ['a', 8, 10], ['b', 10, 12], ['c', 12, 14]]);
    expect(modelsOf('B')).toEqual([['b', 1, 3], ['c', 3, 5], ['a', 5, 7], ['b', 7, 9], ['c', 9, 11], ['a', 11, 13], ['b', 13, 14]]);
  });

  it('takes the final profile after the last revision', () => {
    const summary = logRecords(sparseFixture).at(-1) as unknown as { finalProfile: string[] };
    expect(series.finalProfile).toEqual(['a', 'b']);
    expect(series.finalProfile).toEqual(summary.finalProfile);
    expect(Object.fromEntries(section.facts)['final profile']).toBe('a, b');
  });

  it('explains the missing charts', () => {
    expect(section.figures.map((f) => f.name)).toEqual(['profile', 'best-response']);
    expect(section.notes).toContain(
      `${sparseFixture} has no round records, so it has no share or welfare charts: ` +
        'rerun genmarket simulate, which records each of the first --log-stride rounds',
    );
  });

  it('lists the revisions and the cycle', () => {
    const facts = Object.fromEntries(section.facts);
    expect(facts.outcome).toBe('cycle (stopped by cycle)');
    expect(facts['pure equilibria']).toBe('0');
    const events = section.tables.find((t) => t.caption === 'Events')!.rows;
    expect(events).toHaveLength(13);
    expect(events[0]).toEqual([2, 'revision: B switches from b to c for the next round']);
    expect(events[12]).toEqual([13, 'cycle of period 6: (a, b) → (a, c) → (b, c) → (b, a) → (c, a) → (c, b)']);
  });
});

describe('report of a real simulate run', () => {
  const scenarioPath = 'scenarios/two-niches.json';
  const options = ['--seed', '5', '--users', '500', '--schedule', 'random', '--rounds', '400', '--window', '100'];

  function simulate(name: string, extra: string[]): string {
    const log = join(directory, `${name}.ndjson`);
    const run = runCli(['simulate', scenarioPath, ...options, ...extra, '--log', log, '--no-progress']);
    expect(run.status, run.stderr).toBe(0);
    return log;
  }

  it('writes the figures of the log', () => {
    const log = simulate('every-round', ['--log-stride', '1']);
    const out = join(directory, 'every-round-report');
    const result = runCli(['report', log, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = JSON.parse(result.stdout);
    expect(written.sections[0].kind).toBe('run-log');
    expect(written.sections[0].notes).toEqual([]);
    for (const name of ['shares', 'welfare', 'profile']) expect(existsSync(join(out, `every-round-${name}.svg`)), name).toBe(true);
  });

  it('extracts the series the log records', () => {
    const log = simulate('series', ['--log-stride', '1']);
    const market = buildMarket(readScenarioFile(scenarioPath));
    const records = logRecords(log);
    const rounds = records.filter((r): r is RoundRecord => r.type === 'round');
    const summary = records.at(-1) as unknown as { rounds: number; finalProfile: string[] };
    expect(rounds.map((r) => r.round)).toEqual(Array.from({ length: summary.rounds }, (_, i) => i + 1));

    const section = buildSection(log);
    const shares = specValues(section.figures[0].spec, 'share');
    expect(shares).toEqual(
      rounds.flatMap((r) =>
        r.shares.map((share, i) => ({ round: r.round, platform: market.platformNames[i], model: market.modelNames[r.profile[i]], share })),
      ),
    );
    const welfare = specValues(section.figures[1].spec, 'round');
    expect(welfare).toEqual(rounds.map((r) => ({ round: r.round, welfare: r.welfare })));
    expect(seriesOf(log).finalProfile).toEqual(summary.finalProfile);
    expect(Object.fromEntries(section.facts)['final profile']).toBe(formatProfile(summary.finalProfile));
  });

  it('draws the exact reference lines', () => {
    const log = simulate('reference', ['--log-stride', '1']);
    const section = buildSection(log);
    const references = specValues(section.figures[1].spec, 'reference');
    const byName = Object.fromEntries(references.map((r) => [r.reference, r.welfare as number]));
    expect(byName).toEqual(exactReference(buildMarket(readScenarioFile(scenarioPath))));
    expect(Object.keys(byName)).toEqual(['social optimum', 'best equilibrium', 'worst equilibrium']);
  });

  it('charts every round of a sparse log', () => {
    // Exploring platforms switch models dozens of times between round records.
    const log = simulate('stride-7', ['--log-stride', '7', '--response', 'epsilon-greedy', '--epsilon', '0.2']);
    const market = buildMarket(readScenarioFile(scenarioPath));
    const records = logRecords(log);
    const rounds = records.filter((r): r is RoundRecord => r.type === 'round');
    expect(rounds.every((r) => r.round <= 7 || r.round % 7 === 0)).toBe(true);
    expect(rounds.slice(0, 7).map((r) => r.round)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const section = buildSection(log);
    expect(section.notes.some((n) => n.includes('logs shares and welfare every 7 rounds after the first 7 (--log-stride)'))).toBe(true);
    expect(section.figures[0].spec).toMatchObject({ mark: { type: 'line', point: true } });
    const segments = specValues(section.figures[2].spec, 'platform') as unknown as Segment[];
    for (const record of rounds) {
      record.profile.forEach((j, i) => {
        expect(modelInRound(segments, market.platformNames[i], record.round), `round ${record.round}`).toBe(market.modelNames[j]);
      });
    }
    const revisions = records.filter((r): r is RevisionRecord => r.type === 'revision');
    expect(revisions.length).toBeGreaterThan(20);
    for (const revision of revisions.filter((r) => r.round < seriesOf(log).lastRound)) {
      const platform = market.platformNames[revision.platform];
      expect(modelInRound(segments, platform, revision.round + 1), `round ${revision.round + 1}`).toBe(market.modelNames[revision.to]);
    }
  });

  it('reads a resumed log once', () => {
    const log = simulate('resumed', ['--log-stride', '1', '--rounds', '30', '--no-stop']);
    const resume = runCli(['simulate', '--resume', log, '--rounds', '60', '--no-progress']);
    expect(resume.status, resume.stderr).toBe(0);

    const series = seriesOf(log);
    expect(series.lastRound).toBe(60);
    expect(series.rounds.map((r) => r.round)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(series.events.some((e) => e.description.startsWith('resume maxRounds=60'))).toBe(true);
    expect(series.summary).toMatchObject({ rounds: 60 });
  });
});

describe('run log files', () => {
  it('writes SVG files and an HTML page with the names', async () => {
    const out = mkdtempSync(join(tmpdir(), 'genmarket-report-'));
    const written = await writeReport([buildSection(fixture)], out);
    for (const name of ['shares', 'welfare', 'profile', 'best-response']) {
      const path = join(out, `run-log-${name}.svg`);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, 'utf8')).toMatch(/^<svg /);
    }
    expect(readFileSync(join(out, 'run-log-shares.svg'), 'utf8')).toContain('P1');
    expect(readFileSync(join(out, 'run-log-profile.svg'), 'utf8')).toContain('specialist');
    expect(readFileSync(join(out, 'run-log-best-response.svg'), 'utf8')).toContain('generalist ×2');

    const html = readFileSync(written.html, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(4);
    for (const name of ['majority-beats-average', 'P1', 'P2', 'specialist', 'generalist']) expect(html).toContain(name);
  });

  it('loads no remote resources', async () => {
    const out = mkdtempSync(join(tmpdir(), 'genmarket-report-'));
    const written = await writeReport([buildSection(fixture)], out);
    const html = readFileSync(written.html, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/href="(?!#)/i);
    expect(html).toContain("default-src 'none'");
  });
});

describe('long run log', () => {
  it('thins rounds and profile segments', () => {
    const series = seriesOf(fixture);
    const profile = (r: number) => (r % 2 === 0 ? ['specialist', 'generalist'] : ['generalist', 'generalist']);
    const rounds = Array.from({ length: 20_000 }, (_, i) => {
      const round = i + 1;
      return { round, profile: profile(round), shares: round % 2 === 0 ? [0.4, 0.6] : [0.5, 0.5], welfare: round % 2 === 0 ? 4.6 : 1 };
    });
    const profileChanges = rounds.map((r) => ({ round: r.round, profile: r.profile }));
    const section = runLogSection({ ...series, rounds, profileChanges, lastRound: 20_000, events: [], eventCount: 0 });

    const shares = specValues(section.figures[0].spec, 'share');
    expect(shares).toHaveLength(2 * MAX_PLOTTED_ROUNDS);
    expect(shares[0]).toMatchObject({ round: 1, platform: 'P1' });
    expect(shares.at(-1)).toMatchObject({ round: 20_000, platform: 'P2' });
    const segments = specValues(section.figures[2].spec, 'platform');
    expect(segments.length).toBeLessThanOrEqual(2 * MAX_PLOTTED_ROUNDS);
    expect(segments.at(-1)).toMatchObject({ platform: 'P2', end: 20_001 });
    expect(section.notes).toContain(`line charts show ${MAX_PLOTTED_ROUNDS} of 20000 logged rounds, evenly spaced`);
    expect(section.notes.some((n) => n.startsWith('the deployed-model chart would need 20001 segments'))).toBe(true);
  });
});
