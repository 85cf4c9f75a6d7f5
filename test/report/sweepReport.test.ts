import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildSection } from '../../src/report/buildReport.js';
import { detectInput } from '../../src/report/detectInput.js';
import { parseCsv } from '../../src/report/readCsv.js';
import { extractSweep } from '../../src/report/sweepSeries.js';
import { fieldRef } from '../../src/report/sweepSpecs.js';
import { writeReport } from '../../src/report/writeReport.js';

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
