import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntryCommand } from '../../src/cli/commands/entry.js';
import { buildSection } from '../../src/report/buildReport.js';
import { detectInput } from '../../src/report/detectInput.js';
import { extractEntry } from '../../src/report/entrySeries.js';
import { writeReport } from '../../src/report/writeReport.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-entry-report-'));

function entryOf(path: string) {
  const input = detectInput(path);
  if (input.kind !== 'entry') throw new Error(`detected ${input.kind}`);
  return extractEntry(input.content, path);
}

describe('entry series from the JSON report', () => {
  const series = entryOf('test/fixtures/report/entry.json');

  it('reads the before/after comparison', () => {
    expect(series.entrant).toBe('entrant');
    expect(series.scenarioName).toBe('two-niches');
    expect(series.comparison).toContainEqual({ scheme: 'best response', measure: 'welfare', stage: 'after', value: 0.9 });
    expect(series.comparison).toContainEqual({ scheme: 'best response', measure: 'provider payoff', stage: 'after', value: 0.6 });
    expect(series.comparison).toContainEqual({ scheme: 'standard', measure: 'distinct models', stage: 'before', value: 1 });
    expect(series.comparison).toHaveLength(12);
  });

  it('takes the curves from the report', () => {
    expect(series.curve.filter((p) => p.run === 'best response').map((p) => p.objective)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6].map((v) => expect.closeTo(v, 12)));
    expect(series.notes[0]).toMatch(/training curves are the points kept in the report/);
  });

  it('lists each scheme outcome', () => {
    expect(series.outcomes.map((o) => [o.scheme, o.platform, o.adoptedAtEquilibrium])).toEqual([
      ['standard', null, false],
      ['best response', 'P2', true],
    ]);
  });
});

describe('entry series from a training log', () => {
  it('labels each training run', () => {
    const series = entryOf('test/fixtures/report/entry-training.ndjson');
    expect([...new Set(series.curve.map((p) => p.run))]).toEqual(['standard, restart 0', 'best-response vs P2, restart 0']);
    expect(series.comparison).toEqual([]);
    expect(series.notes[0]).toMatch(/no entry report in the log/);
  });

  it('rejects a report without measures', () => {
    const path = join(directory, 'bad-entry.json');
    writeFileSync(path, JSON.stringify({ incumbentProfile: ['a'], standard: { welfareBefore: 'high' } }));
    expect(() => entryOf(path)).toThrow(/bad-entry\.json: invalid "standard" entry report: welfareBefore: /);
  });
});

describe('report of a real entry run', () => {
  const log = join(directory, 'entry.ndjson');
  const json = join(directory, 'entry.json');
  const { report } = runEntryCommand('scenarios/underserved-niche.json', {
    scheme: 'both',
    steps: 30,
    seed: '1',
    restarts: 0,
    learningRate: 0.05,
    retrainRounds: 10,
    curvePoints: 10,
    maxClasses: 1_000_000,
    log,
  });
  writeFileSync(json, JSON.stringify(report));

  it('plots the logged training steps', () => {
    const section = buildSection(log);
    expect(section.kind).toBe('entry');
    expect(section.figures.map((f) => f.name)).toEqual(['training']);
    const series = entryOf(log);
    const runs = new Set(series.curve.map((p) => p.run));
    expect([...runs].some((r) => r.startsWith('standard'))).toBe(true);
    expect([...runs].some((r) => r.startsWith('best-response vs '))).toBe(true);
    expect(Math.max(...series.curve.map((p) => p.step))).toBe(29);
    expect(Object.fromEntries(section.facts)['scenario file']).toBe('scenarios/underserved-niche.json');
  });

  it('compares before and after entry from the JSON report', async () => {
    const section = buildSection(json);
    expect(section.figures.map((f) => f.name)).toEqual(['training', 'before-after']);
    const series = entryOf(json);
    const welfareAfter = series.comparison.find((r) => r.scheme === 'best response' && r.measure === 'welfare' && r.stage === 'after');
    expect(welfareAfter!.value).toBe(report.bestResponse!.welfareAfter);

    const out = join(directory, 'out');
    const written = await writeReport([section, buildSection(log)], out);
    const html = readFileSync(written.html, 'utf8');
    expect(html).toContain('challenger');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(readFileSync(join(out, 'entry-before-after.svg'), 'utf8')).toContain('provider payoff');
  });
});
