import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

describe('report command', () => {
  it('puts several inputs on one page', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'genmarket-report-cli-')), 'nested', 'out');
    const inputs = [
      'test/fixtures/report/run-log.ndjson',
      'test/fixtures/report/sweep.csv',
      'test/fixtures/report/entry.json',
      'scenarios/condorcet-cycle.json',
    ];
    const result = runCli(['report', ...inputs, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = JSON.parse(result.stdout);
    expect(written.sections.map((s: { kind: string }) => s.kind)).toEqual(['run-log', 'sweep', 'entry', 'scenario']);
    const files = written.sections.flatMap((s: { figures: { file: string }[] }) => s.figures.map((f) => f.file));
    expect(files).toHaveLength(9);
    for (const file of files) expect(existsSync(file), file).toBe(true);

    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html.match(/<section /g)).toHaveLength(4);
    expect(html.match(/<svg /g)).toHaveLength(9);
    expect(html).toContain('Best-response graph: condorcet-cycle, 2 platforms');
  });

  it('numbers files of same-named inputs', () => {
    const out = mkdtempSync(join(tmpdir(), 'genmarket-report-cli-'));
    const result = runCli(['report', 'test/fixtures/report/sweep.csv', 'test/fixtures/report/sweep.ndjson', '--out', out]);
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'sweep-heatmap-welfare.svg'))).toBe(true);
    expect(existsSync(join(out, 'sweep-2-welfare.svg'))).toBe(true);
  });

  it('rejects a bad --max-classes value', () => {
    const result = runCli(['report', 'scenarios/two-niches.json', '--max-classes', '0']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--max-classes must be a positive integer, got "0"/);
  });
});
