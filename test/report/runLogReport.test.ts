import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSection } from '../../src/report/buildReport.js';
import { detectInput } from '../../src/report/detectInput.js';
import { runLogSection } from '../../src/report/runLogSection.js';
import { extractRunLog } from '../../src/report/runLogSeries.js';
import { MAX_PLOTTED_ROUNDS } from '../../src/report/runLogSpecs.js';
import { writeReport } from '../../src/report/writeReport.js';

const fixture = 'test/fixtures/report/run-log.ndjson';

function fixtureSeries() {
  const input = detectInput(fixture);
  if (input.kind !== 'run-log') throw new Error(`detected ${input.kind}`);
  return extractRunLog(input.content, fixture);
}

/** Returns the inline data of a spec or of its first layer with the named field. */
function specValues(spec: unknown, field: string): Record<string, unknown>[] {
  const s = spec as { data?: { values?: unknown[] }; layer?: { data?: { values?: unknown[] } }[] };
  const candidates = [s.data?.values, ...(s.layer ?? []).map((l) => l.data?.values)];
  const found = candidates.find((v) => Array.isArray(v) && v.length > 0 && field in (v[0] as object));
  return (found ?? []) as Record<string, unknown>[];
}

describe('run log series', () => {
  it('reads every round with names', () => {
    const series = fixtureSeries();
    expect(series.scenarioName).toBe('majority-beats-average');
    expect(series.seed).toBe('7');
    expect(series.platformNames).toEqual(['Alpha', 'Beta']);
    expect(series.rounds.map((r) => r.round)).toEqual([0, 1, 2, 3]);
    expect(series.rounds[1].profile).toEqual(['specialist', 'generalist']);
    expect(series.rounds[1].shares).toEqual([0.4, 0.6]);
    expect(series.rounds.map((r) => r.welfare)).toEqual([4, 4.6, 1, 1]);
    expect(series.notes).toEqual([]);
  });

  it('keeps events and the summary apart from rounds', () => {
    const series = fixtureSeries();
    expect(series.events).toHaveLength(3);
    expect(series.events[0].round).toBe(1);
    expect(series.events[0].description).toMatch(/^event event=switch platform=Beta from=specialist to=generalist$/);
    expect(series.events[2].description).toContain('converged');
    expect(series.summary).toMatchObject({ converged: true, rounds: 4 });
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
    expect(rows).toContainEqual({ round: 1, platform: 'Alpha', model: 'specialist', share: 0.4 });
    expect(rows).toContainEqual({ round: 1, platform: 'Beta', model: 'generalist', share: 0.6 });
  });

  it('draws exact reference welfare lines', () => {
    const welfare = specValues(figure('welfare').spec, 'round');
    expect(welfare.map((r) => r.welfare)).toEqual([4, 4.6, 1, 1]);
    const references = specValues(figure('welfare').spec, 'reference');
    const byName = Object.fromEntries(references.map((r) => [r.reference, r.welfare as number]));
    expect(byName['social optimum']).toBeCloseTo(4.6, 12);
    expect(byName['best equilibrium']).toBeCloseTo(1, 12);
    expect(byName['worst equilibrium']).toBeCloseTo(1, 12);
  });

  it('merges unchanged rounds into profile segments', () => {
    const segments = specValues(figure('profile').spec, 'platform');
    expect(segments).toEqual([
      { platform: 'Alpha', model: 'specialist', start: 0, end: 2 },
      { platform: 'Alpha', model: 'generalist', start: 2, end: 4 },
      { platform: 'Beta', model: 'specialist', start: 0, end: 1 },
      { platform: 'Beta', model: 'generalist', start: 1, end: 4 },
    ]);
  });

  it('lists facts, equilibria and events', () => {
    const facts = Object.fromEntries(section.facts);
    expect(facts['final profile']).toBe('generalist ×2');
    expect(facts['optimum welfare']).toBe('4.6');
    expect(facts['price of anarchy']).toBe('4.6');
    expect(section.tables[0].rows[0].slice(0, 3)).toEqual(['equilibrium', 'generalist ×2', '1']);
    expect(section.tables[1].caption).toBe('Events');
    expect(section.tables[1].rows).toHaveLength(3);
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
    expect(readFileSync(join(out, 'run-log-shares.svg'), 'utf8')).toContain('Alpha');
    expect(readFileSync(join(out, 'run-log-profile.svg'), 'utf8')).toContain('specialist');
    expect(readFileSync(join(out, 'run-log-best-response.svg'), 'utf8')).toContain('generalist ×2');

    const html = readFileSync(written.html, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(4);
    for (const name of ['majority-beats-average', 'Alpha', 'Beta', 'specialist', 'generalist']) expect(html).toContain(name);
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
    const series = fixtureSeries();
    const rounds = Array.from({ length: 20_000 }, (_, r) => {
      const alternate = r % 2 === 0;
      return {
        round: r,
        profile: alternate ? ['specialist', 'generalist'] : ['generalist', 'generalist'],
        shares: alternate ? [0.4, 0.6] : [0.5, 0.5],
        welfare: alternate ? 4.6 : 1,
      };
    });
    const section = runLogSection({ ...series, rounds, events: [] });
    const shares = specValues(section.figures[0].spec, 'share');
    expect(shares).toHaveLength(2 * MAX_PLOTTED_ROUNDS);
    expect(shares[0]).toMatchObject({ round: 0, platform: 'Alpha' });
    expect(shares.at(-1)).toMatchObject({ round: 19_999, platform: 'Beta' });
    const segments = specValues(section.figures[2].spec, 'platform');
    expect(segments.length).toBeLessThanOrEqual(2 * MAX_PLOTTED_ROUNDS);
    expect(segments.at(-1)).toMatchObject({ platform: 'Beta', end: 20_000 });
    expect(section.notes).toContain(`line charts show ${MAX_PLOTTED_ROUNDS} of 20000 rounds, evenly spaced`);
    expect(section.notes.some((n) => n.startsWith('the deployed-model chart would need 20001 segments'))).toBe(true);
  });
});

describe('run log header scenario', () => {
  it('reads a scenario path relative to the log', () => {
    const directory = mkdtempSync(join(tmpdir(), 'genmarket-header-path-'));
    const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]);
    writeFileSync(join(directory, 'scenario.json'), JSON.stringify(header.scenario));
    header.scenario = 'scenario.json';
    lines[0] = JSON.stringify(header);
    const path = join(directory, 'run.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');

    const section = buildSection(path);
    expect(Object.fromEntries(section.facts)['optimum welfare']).toBe('4.6');
    expect(section.figures.map((f) => f.name)).toContain('best-response');
  });

  it('draws no reference lines without a header', () => {
    const directory = mkdtempSync(join(tmpdir(), 'genmarket-no-header-'));
    const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n').slice(1);
    const path = join(directory, 'run.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');

    const section = buildSection(path);
    expect(section.figures.map((f) => f.name)).toEqual(['shares', 'welfare', 'profile']);
    expect(specValues(section.figures[1].spec, 'reference')).toEqual([]);
    expect(section.notes[0]).toMatch(/has no header with a scenario, so reference welfare and the best-response graph are left out/);
    expect(section.figures[0].spec).toMatchObject({ encoding: { color: { sort: ['P1', 'P2'] } } });
  });
});

describe('simulate run log with model indices', () => {
  const path = 'test/fixtures/report/simulate-log.ndjson';

  it('names models and platforms in rounds and events', () => {
    const input = detectInput(path);
    if (input.kind !== 'run-log') throw new Error(`detected ${input.kind}`);
    const series = extractRunLog(input.content, path);
    expect(series.platformNames).toEqual(['A', 'B']);
    expect(series.rounds.map((r) => r.profile)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c'], ['b', 'a']]);
    expect(series.events.map((e) => e.description)).toEqual([
      'revision: B switches from b to c',
      'revision: A switches from a to b',
      'revision: B switches from c to a',
      'cycle of period 3: (a, c) → (b, c) → (b, a)',
    ]);
  });

  it('shows the outcome and only the optimum line', () => {
    const section = buildSection(path);
    const facts = Object.fromEntries(section.facts);
    expect(facts.outcome).toBe('cycle (stopped by cycle)');
    expect(facts['exact welfare of the final profile']).toBe('2.66667');
    expect(facts['pure equilibria']).toBe('0');
    const references = specValues(section.figures[1].spec, 'reference');
    expect(references.map((r) => r.reference)).toEqual(['social optimum']);
    expect(section.notes).toContain('the game has no pure equilibrium, so the welfare chart shows only the social optimum');
    expect(section.tables.find((t) => t.caption === 'Events')!.rows).toHaveLength(4);
  });
});
