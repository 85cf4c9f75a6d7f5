/**
 * Sweep runs end to end: worker threads, result files, resume and the
 * command line. Worker threads and the CLI run the compiled code in dist/,
 * which test/globalSetup.ts builds before the tests.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSweep, resolveSweep, type LoadedSweep } from '../src/sweep/loadSweep.js';
import type { PointRecord } from '../src/sweep/runPoint.js';
import { runSweep } from '../src/sweep/runSweep.js';
import { WorkerPoolRunner } from '../src/sweep/workerPool.js';
import { runCli } from './cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scenarios = join(root, 'scenarios');

function resolveInline(data: Record<string, unknown>): LoadedSweep {
  return resolveSweep(parseSweep(data, 'test sweep'), scenarios, 'inline');
}

/** 5 platform counts × 4 pools × 2 choice rules = 40 points. */
const gridSweep = {
  scenario: 'pool-expansion.json',
  grid: {
    platforms: [1, 2, 3, 4, 5],
    pool: [['coder', 'mathematician'], ['coder', 'mathematician', 'generalist'], 'top:2', 'top:4'],
    choice: ['hardmax', { rule: 'softmax', temperature: 1 }],
  },
};

function outPrefix(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'genmarket-sweep-')), name);
}

function readLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** Returns the NDJSON records by key, without the timing field. */
function recordsByKey(path: string): Map<string, Omit<PointRecord, 'elapsedMs'>> {
  const byKey = new Map<string, Omit<PointRecord, 'elapsedMs'>>();
  for (const line of readLines(path)) {
    const { elapsedMs: _elapsed, ...rest } = JSON.parse(line) as PointRecord;
    expect(byKey.has(rest.key)).toBe(false);
    byKey.set(rest.key, rest);
  }
  return byKey;
}

/** Returns the CSV rows without the elapsed_ms column, sorted by index. */
function csvRowsWithoutTiming(path: string): string[] {
  const [header, ...rows] = readLines(path);
  const elapsed = header.split(',').indexOf('elapsed_ms');
  expect(elapsed).toBeGreaterThan(0);
  return rows
    .map((row) => row.split(',').filter((_, i) => i !== elapsed).join(','))
    .sort((a, b) => Number(a.split(',')[0]) - Number(b.split(',')[0]));
}

describe('sweep workers', () => {
  it('give the same results as one thread', async () => {
    const loaded = resolveInline(gridSweep);
    expect(loaded.points).toHaveLength(40);
    const single = outPrefix('single');
    const pooled = outPrefix('pooled');

    const one = await runSweep(loaded, { workers: 1, outPrefix: single });
    const three = await runSweep(loaded, { workers: 3, outPrefix: pooled });
    expect(one.workers).toBe(1);
    expect(three.workers).toBe(3);
    expect(three.ran).toBe(40);
    expect(three.failed).toBe(0);

    const expected = recordsByKey(`${single}.ndjson`);
    const actual = recordsByKey(`${pooled}.ndjson`);
    expect(actual.size).toBe(40);
    expect(actual).toEqual(expected);
    expect(csvRowsWithoutTiming(`${pooled}.csv`)).toEqual(csvRowsWithoutTiming(`${single}.csv`));
  });

  it('record failed points and go on', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', analysis: { maxClasses: 4 }, grid: { platforms: [2, 3, 9, 4, 5] } });
    const prefix = outPrefix('failures');
    const summary = await runSweep(loaded, { workers: 2, outPrefix: prefix });
    expect(summary.ran).toBe(5);
    expect(summary.failed).toBe(3);

    const records = [...recordsByKey(`${prefix}.ndjson`).values()].sort((a, b) => a.index - b.index);
    expect(records.map((r) => r.status)).toEqual(['ok', 'ok', 'error', 'error', 'error']);
    expect(records[2].error).toMatch(/10 permutation classes, more than the limit of 4/);
  });

  it('fail only the point whose worker dies', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2, 9, 3, 4, 5] } });
    const notes: string[] = [];
    const fixture = new URL('./fixtures/crashingWorker.mjs', import.meta.url);
    const runner = new WorkerPoolRunner({ market: loaded.market, settings: loaded.sweep.analysis }, 2, (m) => notes.push(m), fixture);
    const records: PointRecord[] = [];
    await runner.run(loaded.points, (r) => records.push(r));

    expect(records).toHaveLength(loaded.points.length);
    expect(new Set(records.map((r) => r.key)).size).toBe(loaded.points.length);
    const failed = records.filter((r) => r.status === 'error');
    expect(failed.map((r) => r.params.platforms)).toEqual([9]);
    expect(failed[0].error).toMatch(/the worker running this point stopped: exit code 3/);
    expect(notes.some((n) => /a sweep worker stopped \(exit code 3\) while running point 1/.test(n))).toBe(true);
  });
});

describe('sweep resume', () => {
  it('loses and duplicates nothing after a crash', async () => {
    const loaded = resolveInline(gridSweep);
    const prefix = outPrefix('resume');
    await runSweep(loaded, { workers: 1, outPrefix: prefix });
    const complete = readLines(`${prefix}.ndjson`);
    const expected = recordsByKey(`${prefix}.ndjson`);

    // A crash after 10 finished points, during the write of the 11th: the
    // NDJSON file ends mid-line and the CSV file is behind and torn.
    const cut = complete[10].slice(0, Math.floor(complete[10].length / 2));
    writeFileSync(`${prefix}.ndjson`, `${complete.slice(0, 10).join('\n')}\n${cut}`);
    const csv = readLines(`${prefix}.csv`);
    writeFileSync(`${prefix}.csv`, `${csv.slice(0, 5).join('\n')}\n${csv[5].slice(0, 7)}`);

    const notes: string[] = [];
    const summary = await runSweep(loaded, { workers: 2, resume: true, outPrefix: prefix, onNote: (m) => notes.push(m) });
    expect(summary.skipped).toBe(10);
    expect(summary.ran).toBe(30);
    expect(notes.some((n) => /ends in a partial line of \d+ bytes/.test(n))).toBe(true);

    const lines = readLines(`${prefix}.ndjson`);
    expect(lines.slice(0, 10)).toEqual(complete.slice(0, 10));
    expect(recordsByKey(`${prefix}.ndjson`)).toEqual(expected);

    const rows = csvRowsWithoutTiming(`${prefix}.csv`);
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('runs nothing when every point is done', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2, 3] } });
    const prefix = outPrefix('done');
    await runSweep(loaded, { workers: 1, outPrefix: prefix });
    const summary = await runSweep(loaded, { workers: 2, resume: true, outPrefix: prefix });
    expect(summary.ran).toBe(0);
    expect(summary.skipped).toBe(2);
    expect(readLines(`${prefix}.ndjson`)).toHaveLength(2);
  });

  it('rejects existing results without resume', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2] } });
    const prefix = outPrefix('exists');
    await runSweep(loaded, { workers: 1, outPrefix: prefix });
    await expect(runSweep(loaded, { workers: 1, outPrefix: prefix })).rejects.toThrow(/already exists: pass --resume/);
    await expect(runSweep(loaded, { workers: 1, outPrefix: prefix, overwrite: true })).resolves.toMatchObject({ ran: 1 });
  });

  it('rejects a corrupt line before the last', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', grid: { platforms: [2, 3] } });
    const prefix = outPrefix('corrupt');
    writeFileSync(`${prefix}.ndjson`, 'not json\n');
    await expect(runSweep(loaded, { workers: 1, resume: true, outPrefix: prefix })).rejects.toThrow(/line 1 is not valid JSON/);
  });
});

describe('command line', () => {
  it('runs the bundled example sweep', () => {
    const prefix = outPrefix('example');
    const run = runCli(['sweep', 'scenarios/sweeps/two-niches-platforms.json', '--workers', '2', '--out', prefix]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ran 25 of 25 points on 2 worker threads \(0 failed\)/);
    expect(readLines(`${prefix}.csv`)).toHaveLength(26);

    const replay = runCli(['sweep', 'scenarios/sweeps/two-niches-platforms.json', '--point', '7']);
    expect(replay.status).toBe(0);
    const { elapsedMs: _elapsed, ...record } = JSON.parse(replay.stdout) as PointRecord;
    expect(recordsByKey(`${prefix}.ndjson`).get(record.key)).toEqual(record);
  });

  it('reports a bad sweep file with status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genmarket-sweep-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ scenario: join(scenarios, 'two-niches.json'), grid: { platforms: [0] } }));
    const run = runCli(['sweep', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.json is not a valid sweep file:\n {2}grid\.platforms\[0\]: must be at least 1 platform/);
  });

  it('prints expansion steps as JSON', () => {
    const run = runCli(['expand', 'scenarios/pool-expansion.json', '--base', 'coder,mathematician', '--json']);
    expect(run.status).toBe(0);
    const steps = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(steps.map((s) => s.added)).toEqual(['generalist', 'coder-v2']);
    expect(steps.map((s) => s.welfareDrop)).toEqual([true, false]);
    expect(steps.map((s) => s.diversityDrop)).toEqual([true, false]);
    for (const key of ['before', 'after']) {
      expect(steps[0][key]).toHaveProperty('equilibria');
      expect(steps[0][key]).toHaveProperty('bestWelfare');
      expect(steps[0][key]).toHaveProperty('worstWelfare');
      expect(steps[0][key]).toHaveProperty('maxDistinctModels');
    }
  });

  it('rejects an unknown base model', () => {
    const run = runCli(['expand', 'scenarios/pool-expansion.json', '--base', 'coder,gpt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--base: "gpt" is not a model of scenario pool-expansion/);
  });
});
