import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildSection } from '../../src/report/buildReport.js';
import { detectInput } from '../../src/report/detectInput.js';
import { parseCsv } from '../../src/report/readCsv.js';
import { extractSweep } from '../../src/report/sweepSeries.js';
import { fieldRef } from '../../src/report/sweepSpecs.js';
import { sweepPointRow } from '../../src/report/sweepRecords.js';
import { writeReport } from '../../src/report/writeReport.js';
import { CSV_COLUMNS } from '../../src/sweep/csvFormat.js';
import { runCli } from '../cli.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-sweep-report-'));

function sweepOf(path: string) {
  const input = detectInput(path);
  if (input.kind !== 'sweep') throw new Error(`detected ${input.kind}`);
  return extractSweep(input.table, path);
}

describe('parseCsv', () => {
  it('reads quoted fields and numbers', () => {
    const table = parseCsv('name,x\n"a, ""b""",1.5\nc,\n', 'x.csv');
    expect(table.columns).toEqual(['name', 'x']);
    expect(table.rows).toEqual([
      { name: 'a, "b"', x: 1.5 },
      { name: 'c', x: null },
    ]);
    expect(table.notes).toEqual([]);
  });

  it('drops a cut-off last row with a note', () => {
    const table = parseCsv('a,b,c\n1,2,3\n4,5', 'cut.csv');
    expect(table.rows).toEqual([{ a: 1, b: 2, c: 3 }]);
    expect(table.notes[0]).toMatch(/^cut\.csv: the last row is incomplete/);
  });

  it('rejects a short row inside the file', () => {
    expect(() => parseCsv('a,b\n1\n2,3\n', 'short.csv')).toThrow(/short\.csv row 2 has 1 fields but the header has 2/);
  });
});

describe('sweep series', () => {
  it('finds parameters and metrics of a CSV sweep', () => {
    const series = sweepOf('test/fixtures/report/sweep.csv');
    expect(series.parameters).toEqual(['platforms', 'temperature']);
    expect(series.metrics).toEqual(['welfare', 'distinctModels']);
    expect(series.rows).toHaveLength(18);
  });

  it('flattens nested NDJSON results', () => {
    const series = sweepOf('test/fixtures/report/sweep.ndjson');
    expect(series.parameters).toEqual(['params.temperature']);
    expect(series.metrics).toEqual(['metrics.welfare', 'metrics.distinctModels']);
    expect(series.rows[1]).toEqual({ type: 'result', 'params.temperature': 1, 'metrics.welfare': 0.75, 'metrics.distinctModels': 2 });
  });

  it('rejects results without metrics', () => {
    const path = join(directory, 'no-metrics.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    expect(() => sweepOf(path)).toThrow(InputError);
    expect(() => sweepOf(path)).toThrow(/no-metrics\.csv has no welfare or distinct-model column/);
  });

  it('escapes dotted column names for Vega-Lite', () => {
    expect(fieldRef('params.temperature')).toBe('params\\.temperature');
    expect(fieldRef('a[0]')).toBe('a\\[0\\]');
  });
});

describe('sweep section', () => {
  it('draws heatmaps over two parameters', () => {
    const section = buildSection('test/fixtures/report/sweep.csv');
    expect(section.figures.map((f) => f.name)).toEqual(['heatmap-welfare', 'heatmap-distinctmodels']);
    const spec = section.figures[0].spec as { encoding: { x: { field: string }; y: { field: string } }; data: { values: unknown[] } };
    expect(spec.encoding.x.field).toBe('platforms');
    expect(spec.encoding.y.field).toBe('temperature');
    expect(spec.data.values).toHaveLength(18);
    expect(Object.fromEntries(section.facts)['swept parameters']).toBe('platforms, temperature');
  });

  it('draws line charts over one parameter', () => {
    const section = buildSection('test/fixtures/report/sweep.ndjson');
    expect(section.figures.map((f) => f.name)).toEqual(['welfare', 'distinct-models']);
    const spec = section.figures[0].spec as { encoding: { x: { field: string } }; transform: { fold: string[] }[] };
    expect(spec.encoding.x.field).toBe('params\\.temperature');
    expect(spec.transform[0].fold).toEqual(['metrics\\.welfare']);
  });

  it('renders heatmap values and line points', async () => {
    const out = join(directory, 'out');
    const written = await writeReport(
      [buildSection('test/fixtures/report/sweep.csv'), buildSection('test/fixtures/report/sweep.ndjson')],
      out,
    );
    const heatmap = readFileSync(join(out, 'sweep-heatmap-welfare.svg'), 'utf8');
    // Mean of the two seeds at platforms 2, temperature 0.5: (0.61 + 0.62) / 2.
    expect(heatmap).toContain('>0.615<');
    expect(heatmap).toContain('temperature');
    const line = readFileSync(join(out, 'sweep-2-welfare.svg'), 'utf8');
    expect(line).toContain('metrics.welfare');
    expect(readFileSync(written.html, 'utf8').match(/<svg /g)).toHaveLength(4);
  });
});

describe('genmarket sweep results', () => {
  const csv = 'test/fixtures/report/sweep/two-niches-platforms.csv';
  const ndjson = 'test/fixtures/report/sweep/two-niches-platforms.ndjson';

  it('reads the CSV and NDJSON files alike', () => {
    const fromCsv = sweepOf(csv);
    const fromNdjson = sweepOf(ndjson);
    expect(fromCsv.parameters).toEqual(['platforms', 'choice']);
    expect(fromCsv.metrics).toEqual(['best_welfare', 'worst_welfare', 'optimum_welfare', 'max_distinct_models', 'min_distinct_models']);
    expect(fromNdjson.parameters).toEqual(fromCsv.parameters);
    expect(fromNdjson.metrics).toEqual(fromCsv.metrics);
    expect(fromNdjson.rows).toHaveLength(25);
    const pick = (rows: typeof fromCsv.rows) => rows.map((r) => [r.index, r.platforms, r.choice, r.best_welfare, r.max_distinct_models]);
    expect(pick(fromNdjson.rows)).toEqual(pick(fromCsv.rows));
  });

  it('labels choice rules with their temperature', () => {
    const series = sweepOf(csv);
    expect([...new Set(series.rows.map((r) => r.choice))]).toEqual([
      'hardmax',
      'softmax τ=0.05',
      'softmax τ=0.1',
      'softmax τ=0.2',
      'softmax τ=0.5',
    ]);
    const cell = series.rows.find((r) => r.platforms === 4 && r.choice === 'softmax τ=0.2')!;
    expect(cell.best_welfare).toBeCloseTo(0.9503, 4);
    expect(cell.max_distinct_models).toBe(2);
  });

  it('labels pools with their top-N spec', () => {
    const series = sweepOf('test/fixtures/report/sweep/pool-expansion-pools.csv');
    expect(series.parameters).toEqual(['platforms', 'pool']);
    const pools = [...new Set(series.rows.map((r) => r.pool))];
    expect(pools).toHaveLength(4);
    expect(pools.filter((p) => String(p).startsWith('top:'))).toHaveLength(2);
  });

  it('leaves out failed points with a note', () => {
    const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
    const failed = JSON.parse(lines[3]);
    failed.status = 'error';
    failed.result = null;
    failed.error = 'enumeration limit reached';
    lines[3] = JSON.stringify(failed);
    const path = join(directory, 'failed.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');
    const series = sweepOf(path);
    expect(series.rows).toHaveLength(24);
    expect(series.notes[0]).toBe(`${path}: 1 of 25 points failed and are left out; the first error: enumeration limit reached`);
  });

  it('draws one heatmap per metric', () => {
    const section = buildSection(csv);
    expect(section.figures.map((f) => f.name)).toEqual([
      'heatmap-best-welfare',
      'heatmap-worst-welfare',
      'heatmap-optimum-welfare',
      'heatmap-max-distinct-models',
      'heatmap-min-distinct-models',
    ]);
    const spec = section.figures[0].spec as { encoding: { y: { field: string; sort: string[] } } };
    expect(spec.encoding.y.field).toBe('choice');
    expect(spec.encoding.y.sort[0]).toBe('hardmax');
  });
});

describe('report of a real sweep', () => {
  it('maps records to the sweep CSV columns', () => {
    const record = JSON.parse(readFileSync('test/fixtures/report/sweep/two-niches-platforms.ndjson', 'utf8').split('\n')[0]);
    expect(Object.keys(sweepPointRow(record))).toEqual(CSV_COLUMNS.map((c) => c.header));
  });

  it('plots the files that genmarket sweep writes', () => {
    const prefix = join(directory, 'real', 'two-niches-platforms');
    const sweep = runCli(['sweep', 'scenarios/sweeps/two-niches-platforms.json', '--workers', '1', '--out', prefix]);
    expect(sweep.status, sweep.stderr).toBe(0);
    const out = join(directory, 'real-report');
    const result = runCli(['report', `${prefix}.csv`, `${prefix}.ndjson`, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = JSON.parse(result.stdout);
    expect(written.sections.map((s: { kind: string }) => s.kind)).toEqual(['sweep', 'sweep']);
    expect(written.sections[0].figures).toHaveLength(5);
    const heatmap = readFileSync(join(out, 'two-niches-platforms-heatmap-best-welfare.svg'), 'utf8');
    // Best equilibrium welfare at 4 platforms and τ = 0.2, as in the sweep documentation.
    expect(heatmap).toContain('>0.95<');
    expect(heatmap).toContain('softmax τ=0.2');
  });
});

describe('report of a simulate sweep', () => {
  const sweepPath = join(directory, 'two-niches-learning.json');
  writeFileSync(
    sweepPath,
    JSON.stringify({
      scenario: join(process.cwd(), 'scenarios', 'two-niches.json'),
      task: 'simulate',
      simulation: { users: 1000, estimates: 'learned', rounds: 1000, window: 100 },
      grid: { platforms: [2, 3, 4], choice: ['hardmax', 'softmax'], temperature: [0.1, 0.5] },
    }),
  );
  const prefix = join(directory, 'simulate', 'two-niches-learning');

  beforeAll(() => {
    const sweep = runCli(['sweep', sweepPath, '--workers', '1', '--out', prefix]);
    expect(sweep.status, sweep.stderr).toBe(0);
  });

  it('maps records to the sweep CSV columns', () => {
    const record = JSON.parse(readFileSync(`${prefix}.ndjson`, 'utf8').split('\n')[0]);
    const row = sweepPointRow(record);
    expect(Object.keys(row)).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(row.outcome).toBe(record.result.outcome);
    expect(row.final_profile).toBe(record.result.finalProfile.join(' '));
    expect(row.welfare_mean).toBe(record.result.welfareMean);
  });

  it('reads the CSV and NDJSON files alike', () => {
    const fromCsv = sweepOf(`${prefix}.csv`);
    const fromNdjson = sweepOf(`${prefix}.ndjson`);
    expect(fromCsv.parameters).toEqual(['platforms', 'choice']);
    expect(fromCsv.metrics).toEqual(['final_welfare', 'welfare_mean', 'distinct_models']);
    expect(fromNdjson.parameters).toEqual(fromCsv.parameters);
    expect(fromNdjson.metrics).toEqual(fromCsv.metrics);
    expect(fromNdjson.rows).toHaveLength(9);
    const pick = (rows: typeof fromCsv.rows) => rows.map((r) => [r.index, r.choice, r.outcome, r.final_welfare, r.distinct_models]);
    expect(pick(fromNdjson.rows)).toEqual(pick(fromCsv.rows));
  });

  it('draws one heatmap per metric', () => {
    const section = buildSection(`${prefix}.csv`);
    expect(section.figures.map((f) => f.name)).toEqual([
      'heatmap-final-welfare',
      'heatmap-welfare-mean',
      'heatmap-distinct-models',
    ]);
    expect(section.notes.some((n) => n.includes('fixed in every row') && n.includes('"estimates":"learned"'))).toBe(true);
  });
});
