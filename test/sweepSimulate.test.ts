/**
 * The simulate task of sweeps: results against direct runs and against
 * `genmarket simulate`, worker threads, `--point`, and checks of the
 * simulation options. Worker threads and the CLI run the compiled code in
 * dist/, which test/globalSetup.ts builds before the tests.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/report/readCsv.js';
import { CSV_COLUMNS } from '../src/sweep/csvFormat.js';
import { parseSweep, resolveSweep, type LoadedSweep } from '../src/sweep/loadSweep.js';
import { pointMarket, runPoint, type PointRecord } from '../src/sweep/runPoint.js';
import { runSweep } from '../src/sweep/runSweep.js';
import type { SimulateResult } from '../src/sweep/simulateTask.js';
import type { RunSummary } from '../src/simulation/summary.js';
import { runCli } from './cli.js';
import { playRun } from './simulationHelpers.js';

const scenarios = fileURLToPath(new URL('../scenarios/', import.meta.url));
const settings = { tolerance: 1e-12, maxClasses: 50_000_000 };

function resolveInline(data: Record<string, unknown>): LoadedSweep {
  return resolveSweep(parseSweep(data, 'test sweep'), scenarios, 'inline');
}

/** Builds the result a sweep should record from a run summary, field by field. */
function expectedResult(summary: RunSummary): SimulateResult {
  return {
    outcome: summary.outcome,
    rounds: summary.rounds,
    finalProfile: summary.finalProfile,
    finalShares: summary.expectedShares,
    finalWelfare: summary.expectedWelfare,
    welfareMean: summary.welfare?.mean ?? null,
    distinctModels: new Set(summary.finalProfile).size,
  };
}

function outPrefix(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'genmarket-sweep-simulate-')), name);
}

/** Returns the NDJSON records by key, without the timing field. */
function recordsByKey(path: string): Map<string, Omit<PointRecord, 'elapsedMs'>> {
  const byKey = new Map<string, Omit<PointRecord, 'elapsedMs'>>();
  for (const line of readFileSync(path, 'utf8').trimEnd().split('\n')) {
    const { elapsedMs: _elapsed, ...rest } = JSON.parse(line) as PointRecord;
    byKey.set(rest.key, rest);
  }
  return byKey;
}

/** Returns the CSV rows as objects without the elapsed_ms column, sorted by index. */
function csvRowsWithoutTiming(path: string): Record<string, string | number | null>[] {
  const table = parseCsv(readFileSync(path, 'utf8'), path);
  expect(table.columns).toContain('elapsed_ms');
  return table.rows
    .map(({ elapsed_ms: _elapsed, ...rest }) => rest)
    .sort((a, b) => Number(a.index) - Number(b.index));
}

describe('simulate task', () => {
  it('equals a direct run with the same seed', async () => {
    const loaded = resolveInline({
      scenario: 'two-niches.json',
      task: 'simulate',
      simulation: { users: 500, schedule: 'random', rounds: 400, window: 50 },
      grid: { platforms: [2, 4], choice: ['hardmax', { rule: 'softmax', temperature: 0.1 }] },
    });
    expect(loaded.points).toHaveLength(4);
    for (const point of loaded.points) {
      const record = await runPoint(loaded.market, point, settings);
      expect(record.status, record.error ?? '').toBe('ok');

      const market = pointMarket(loaded.market, point.params);
      const direct = await playRun(
        market,
        { seed: String(point.params.seed), users: 500, schedule: 'random' },
        { maxRounds: 400, window: 50, stopAtOutcome: true },
      );
      expect(record.result).toEqual(expectedResult(direct.summary));
    }
  });

  it('equals genmarket simulate on the scenario', async () => {
    const loaded = resolveInline({
      scenario: 'condorcet-cycle.json',
      task: 'simulate',
      simulation: { users: 100, schedule: 'random', rounds: 300, window: 20 },
      points: [{ seed: 11 }],
    });
    const record = await runPoint(loaded.market, loaded.points[0], settings);
    expect(record.status, record.error ?? '').toBe('ok');

    const args = ['--seed', '11', '--users', '100', '--schedule', 'random', '--rounds', '300', '--window', '20'];
    const run = runCli(['simulate', join(scenarios, 'condorcet-cycle.json'), ...args, '--no-log', '--json', '--no-progress']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as RunSummary;
    expect(summary.platforms).toEqual(['A', 'B']);
    expect(record.result).toEqual(expectedResult(summary));
  });

  it('starts from the scenario initial models', async () => {
    const loaded = resolveInline({
      scenario: 'condorcet-cycle.json',
      task: 'simulate',
      simulation: { rounds: 1 },
      points: [{ platforms: 2 }, { platforms: 3 }, { pool: ['a', 'c'] }],
    });
    const [own, more, pool] = loaded.points.map((p) => pointMarket(loaded.market, p.params));
    expect(own.platformNames).toEqual(['A', 'B']);
    expect(Array.from(own.initialProfile!)).toEqual([0, 1]);
    expect(more.platformNames).toEqual(['P1', 'P2', 'P3']);
    expect(more.initialProfile).toBeNull();
    expect(pool.platformNames).toEqual(['A', 'B']);
    expect(pool.initialProfile).toBeNull();

    // With the default round-robin schedule only platform A revises in
    // round 1, and against b its best response is a, which it has.
    const record = await runPoint(loaded.market, loaded.points[0], settings);
    expect((record.result as SimulateResult).finalProfile).toEqual(['a', 'b']);
  });

  it('records an error for a failing run', async () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', task: 'simulate', grid: { platforms: [2] } });
    const point = { ...loaded.points[0], params: { ...loaded.points[0].params, simulation: { rounds: 0 } } };
    const record = await runPoint(loaded.market, point, settings);
    expect(record.status).toBe('error');
    expect(record.result).toBeNull();
    expect(record.error).toBe('invalid simulation.rounds 0: expected a whole number of at least 1');
  });
});

describe('simulate sweep workers', () => {
  /** 3 platform counts × 2 choice rules × 2 seeds = 12 stochastic runs. */
  const learningSweep = {
    scenario: 'pool-expansion.json',
    task: 'simulate',
    simulation: { users: 1000, estimates: 'learned', rounds: 2000, window: 200 },
    grid: { platforms: [2, 3, 4], choice: ['hardmax', { rule: 'softmax', temperature: 1 }], seed: [1, 2] },
  };

  it('give the same results as one thread', async () => {
    const loaded = resolveInline(learningSweep);
    expect(loaded.points).toHaveLength(12);
    const single = outPrefix('single');
    const pooled = outPrefix('pooled');

    const one = await runSweep(loaded, { workers: 1, outPrefix: single });
    const three = await runSweep(loaded, { workers: 3, outPrefix: pooled });
    expect(one.failed).toBe(0);
    expect(three.workers).toBe(3);
    expect(three.failed).toBe(0);

    const expected = recordsByKey(`${single}.ndjson`);
    const actual = recordsByKey(`${pooled}.ndjson`);
    expect(actual.size).toBe(12);
    expect(actual).toEqual(expected);
    expect(csvRowsWithoutTiming(`${pooled}.csv`)).toEqual(csvRowsWithoutTiming(`${single}.csv`));
  });

  it('fill the simulate columns of the CSV file', async () => {
    const loaded = resolveInline({ ...learningSweep, grid: { platforms: [3] } });
    const prefix = outPrefix('columns');
    await runSweep(loaded, { workers: 1, outPrefix: prefix });
    const table = parseCsv(readFileSync(`${prefix}.csv`, 'utf8'), `${prefix}.csv`);
    expect(table.columns).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(table.rows).toHaveLength(1);
    const cells = table.rows[0];
    const result = [...recordsByKey(`${prefix}.ndjson`).values()][0].result as SimulateResult;

    expect(cells.outcome).toBe(result.outcome);
    expect(cells.rounds).toBe(result.rounds);
    expect(String(cells.final_profile).split(' ')).toEqual(result.finalProfile);
    expect(String(cells.final_shares).split(' ').map(Number)).toEqual(result.finalShares);
    expect(cells.final_welfare).toBe(result.finalWelfare);
    expect(cells.welfare_mean).toBe(result.welfareMean);
    expect(cells.distinct_models).toBe(result.distinctModels);
    expect(cells.equilibria).toBeNull();
    expect(cells.best_welfare).toBeNull();
  });
});

describe('bundled simulate sweep', () => {
  const sweepFile = 'scenarios/sweeps/arena-learning-dynamics.json';

  it('runs on workers and replays a point alone', () => {
    const prefix = outPrefix('arena');
    const run = runCli(['sweep', sweepFile, '--workers', '2', '--out', prefix]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ran 75 of 75 points on 2 worker threads \(0 failed\)/);
    const records = recordsByKey(`${prefix}.ndjson`);
    const outcomes = new Set([...records.values()].map((r) => (r.result as SimulateResult).outcome));
    expect([...outcomes].every((o) => ['converged', 'cycle', 'undecided'].includes(o))).toBe(true);

    for (const index of ['0', '16', '74']) {
      const replay = runCli(['sweep', sweepFile, '--point', index]);
      expect(replay.status).toBe(0);
      const { elapsedMs: _elapsed, ...record } = JSON.parse(replay.stdout) as PointRecord;
      expect(record.index).toBe(Number(index));
      expect(records.get(record.key)).toEqual(record);
    }
  });
});

describe('simulation options', () => {
  const base = { scenario: 'two-niches.json', task: 'simulate' };
  const cases: { name: string; data: Record<string, unknown>; message: string }[] = [
    {
      name: 'unknown option',
      data: { ...base, simulation: { noise: 0.1 }, grid: { platforms: [2] } },
      message: 'simulation.noise: unknown simulation option: expected one of rounds, users, perUser, schedule,',
    },
    {
      name: 'seed',
      data: { ...base, points: [{ simulation: { seed: 3 } }] },
      message: "points[0].simulation.seed: a point's simulation runs with the point's seed",
    },
    {
      name: 'wrong type',
      data: { ...base, simulation: { stop: 'no' }, grid: { platforms: [2] } },
      message: 'simulation.stop: must be true or false',
    },
    {
      name: 'zero rounds on a grid value',
      data: { ...base, grid: { simulation: [{ rounds: 10 }, { rounds: 0 }] } },
      message: 'invalid grid.simulation[1].rounds 0: expected a whole number of at least 1',
    },
    {
      name: 'unknown schedule',
      data: { ...base, simulation: { schedule: 'sometimes' }, grid: { platforms: [2] } },
      message: 'invalid simulation.schedule "sometimes": expected one of round-robin, random, simultaneous, inertia',
    },
    {
      name: 'point value over the sweep value',
      data: { ...base, simulation: { schedule: 'inertia' }, points: [{ simulation: { inertia: 1.5 } }] },
      message: 'invalid points[0].simulation.inertia 1.5: expected a probability in (0, 1]',
    },
    {
      name: 'option without its mode',
      data: { ...base, simulation: { epsilon: 0.2 }, grid: { platforms: [2] } },
      message: 'simulation.epsilon 0.2 has no effect unless "response": "epsilon-greedy"',
    },
    {
      name: 'start of the wrong length',
      data: { ...base, simulation: { start: ['m1', 'm1'] }, grid: { platforms: [2, 3] } },
      message: 'invalid simulation.start ["m1","m1"]: it names 2 models but the run has 3 platforms',
    },
    {
      name: 'rating noise without deviations',
      data: { ...base, simulation: { ratingNoise: true }, grid: { platforms: [2] } },
      message: 'simulation.ratingNoise needs reward standard deviations',
    },
  ];

  for (const { name, data, message } of cases) {
    it(`rejects ${name}`, () => {
      expect(() => resolveInline(data)).toThrow(message);
    });
  }

  it('are recorded unchecked by the analyze task', () => {
    const loaded = resolveInline({ scenario: 'two-niches.json', simulation: { noise: 0.1 }, grid: { platforms: [2] } });
    expect(loaded.points[0].params.simulation).toEqual({ noise: 0.1 });
  });

  it('are reported by the command with status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genmarket-sweep-simulate-'));
    const path = join(dir, 'bad.json');
    const data = { scenario: join(scenarios, 'two-niches.json'), task: 'simulate', grid: { simulation: [{ users: -5 }] } };
    writeFileSync(path, JSON.stringify(data));
    const run = runCli(['sweep', path, '--point', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'genmarket: invalid sweep points:\n' +
        '  invalid grid.simulation[0].users -5: expected a whole number of users of at least 1, or "infinite"\n',
    );
  });
});
