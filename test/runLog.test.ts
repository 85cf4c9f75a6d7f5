import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile, buildMarket } from '../src/market/loadScenario.js';
import { buildHeader } from '../src/runlog/header.js';
import { playLogged } from '../src/runlog/playLogged.js';
import { readRunLog } from '../src/runlog/reader.js';
import { replayRunLog } from '../src/runlog/replay.js';
import { revisionLine, RunLogWriter } from '../src/runlog/writer.js';
import { Simulation } from '../src/simulation/simulation.js';
import { repoRoot, runCli } from './cli.js';
import { dynamicsOptions } from './simulationHelpers.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-runlog-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let counter = 0;
const freshPath = (name: string) => join(directory, `${name}-${++counter}.ndjson`);

const CONDORCET = 'scenarios/condorcet-cycle.json';
/** A noisy run that never converges, so it plays every round. */
const NOISY = [CONDORCET, '--schedule', 'random', '--users', '1000', '--seed', '7', '--log-stride', '100', '--checkpoint-every', '5000'];

function records(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Records of the run itself: no header, checkpoints, interruptions, resumes or intermediate summaries. */
function runRecords(path: string): Record<string, unknown>[] {
  const all = records(path);
  const last = all.at(-1)!;
  const body = all.filter((r) => !['header', 'checkpoint', 'interruption', 'resume', 'summary'].includes(r.type as string));
  return last.type === 'summary' ? [...body, last] : body;
}

function simulate(args: string[]) {
  return runCli(['simulate', ...args]);
}

describe('run log and replay', () => {
  it('replays a run identically', () => {
    const log = freshPath('cycle');
    const run = simulate([CONDORCET, '--log', log]);
    expect(run.status).toBe(0);
    const replay = runCli(['replay', log]);
    expect(replay.stderr).toBe('');
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/is identical: \d+ records over 13 rounds and the final summary/);
  });

  it('starts with a header that reproduces the run', () => {
    const log = freshPath('header');
    expect(simulate([...NOISY, '--rounds', '500', '--log', log]).status).toBe(0);
    const [header] = records(log);
    expect(header.type).toBe('header');
    expect(header.formatVersion).toBe(1);
    expect(header.seed).toBe('7');
    expect(header.genmarketVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect((header.scenario as { name: string }).name).toBe('condorcet-cycle');
    expect((header.options as { dynamics: { schedule: string } }).dynamics.schedule).toBe('random');
  });

  it('names the first differing record and field', () => {
    const log = freshPath('tampered');
    expect(simulate([...NOISY, '--rounds', '1000', '--log', log]).status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes('"type":"round"') && line.includes('"round":500,'));
    const record = JSON.parse(lines[index]);
    record.shares[1] += 0.001;
    lines[index] = JSON.stringify(record);
    writeFileSync(log, lines.join('\n'));

    const replay = runCli(['replay', log]);
    expect(replay.status).toBe(1);
    expect(replay.stderr).toContain(`line ${index + 1} (round record, round 500)`);
    expect(replay.stderr).toContain('field shares[1]');
  });

  it('detects a changed summary', () => {
    const log = freshPath('summary');
    expect(simulate([CONDORCET, '--log', log]).status).toBe(0);
    const text = readFileSync(log, 'utf8').replace('"outcome":"cycle"', '"outcome":"converged"');
    writeFileSync(log, text);
    const replay = runCli(['replay', log]);
    expect(replay.status).toBe(1);
    expect(replay.stderr).toContain('(summary record) differs from the re-run in field outcome');
  });

  it('reads a log cut mid-line up to its last complete record', () => {
    const log = freshPath('cut');
    expect(simulate([...NOISY, '--rounds', '20000', '--log', log]).status).toBe(0);
    const size = readFileSync(log).length;
    truncateSync(log, Math.floor(size * 0.6));
    const replay = runCli(['replay', log]);
    expect(replay.stderr).toContain('ends with an incomplete record');
    expect(replay.stderr).toContain('has no final summary');
    expect(replay.status).toBe(0);
  });

  it('rejects a corrupted line', () => {
    const log = freshPath('corrupt');
    expect(simulate([...NOISY, '--rounds', '2000', '--log', log]).status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[5] = lines[5].slice(0, 20);
    writeFileSync(log, lines.join('\n'));
    const replay = runCli(['replay', log]);
    expect(replay.status).toBe(2);
    expect(replay.stderr).toContain('line 6 is not valid JSON');
  });

  it('rejects another format version', () => {
    const log = freshPath('version');
    expect(simulate([CONDORCET, '--log', log]).status).toBe(0);
    writeFileSync(log, readFileSync(log, 'utf8').replace('"formatVersion":1', '"formatVersion":2'));
    const replay = runCli(['replay', log]);
    expect(replay.status).toBe(2);
    expect(replay.stderr).toContain('has run-log format version 2, but this genmarket reads version 1');
  });

  it('rejects a file that is not a run log', () => {
    const replay = runCli(['replay', CONDORCET]);
    expect(replay.status).toBe(2);
    expect(replay.stderr).toContain('not valid JSON');
  });

  it('prints the logged summary without re-running', () => {
    const log = freshPath('render');
    expect(simulate([CONDORCET, '--log', log]).status).toBe(0);
    const shown = runCli(['replay', log, '--summary', '--json']);
    expect(shown.status).toBe(0);
    const summary = JSON.parse(shown.stdout);
    expect(summary.outcome).toBe('cycle');
    expect(summary.cycle.period).toBe(6);
  });

  it('rebuilds the summary of a cut log from its checkpoint', () => {
    const log = freshPath('cut-summary');
    expect(simulate([...NOISY, '--rounds', '20000', '--log', log]).status).toBe(0);
    truncateSync(log, Math.floor(readFileSync(log).length * 0.5));
    const shown = runCli(['replay', log, '--summary', '--json']);
    expect(shown.status).toBe(0);
    expect(shown.stderr).toContain('rebuilt from the checkpoint at round');
    const summary = JSON.parse(shown.stdout);
    expect(summary.rounds % 5000).toBe(0);
    expect(summary.stopReason).toBe('interrupted');
  });
});

describe('revision lines', () => {
  /** Returns the line the writer's pino logger would write for `record`. */
  function pinoLine(record: object): string {
    const lines: string[] = [];
    pino({ base: null, timestamp: false }, { write: (line: string) => lines.push(line) }).info(record);
    return lines[0];
  }

  it('equal the line pino writes', () => {
    for (const record of [
      { type: 'revision' as const, round: 1, platform: 0, from: 0, to: 1 },
      { type: 'revision' as const, round: 123_456_789, platform: 17, from: 49, to: 0 },
      { type: 'revision' as const, round: 2 ** 40, platform: 4, from: 199, to: 7 },
    ]) {
      expect(revisionLine(record)).toBe(pinoLine(record));
    }
  });

  it('reach the file in write order', async () => {
    const path = freshPath('revisions');
    const writer = RunLogWriter.create(path);
    writer.write({ type: 'revision', round: 1, platform: 0, from: 0, to: 1 });
    writer.write({ type: 'interruption', round: 1, signal: 'SIGINT' });
    writer.write({ type: 'revision', round: 2, platform: 1, from: 2, to: 0 });
    await writer.close();
    expect(records(path)).toEqual([
      { level: 30, type: 'revision', round: 1, platform: 0, from: 0, to: 1 },
      { level: 30, type: 'interruption', round: 1, signal: 'SIGINT' },
      { level: 30, type: 'revision', round: 2, platform: 1, from: 2, to: 0 },
    ]);
  });
});

describe('resume', () => {
  it('continues a cut log to the same records as one run', () => {
    const whole = freshPath('whole');
    expect(simulate([...NOISY, '--rounds', '30000', '--log', whole]).status).toBe(0);

    for (const fraction of [0.05, 0.37, 0.81]) {
      const cut = freshPath('resumed');
      expect(simulate([...NOISY, '--rounds', '30000', '--log', cut]).status).toBe(0);
      truncateSync(cut, Math.floor(readFileSync(cut).length * fraction));
      const resumed = simulate(['--resume', cut]);
      expect(resumed.status).toBe(0);
      expect(runRecords(cut)).toEqual(runRecords(whole));
      expect(runCli(['replay', cut]).status).toBe(0);
    }
  });

  it('leaves the log untouched when a resume fails its check', () => {
    const log = freshPath('tampered');
    expect(simulate([...NOISY, '--rounds', '30000', '--log', log]).status).toBe(0);
    truncateSync(log, Math.floor(readFileSync(log).length * 0.6) + 7);

    // Change the last complete round record, which the resume re-plays and checks.
    const lines = readFileSync(log, 'utf8').split('\n');
    const index = lines.findLastIndex((line) => line.includes('"type":"round"') && lines.indexOf(line) < lines.length - 1);
    lines[index] = lines[index].replace(/"welfare":([0-9.]+)/, '"welfare":12345');
    writeFileSync(log, lines.join('\n'));
    const before = readFileSync(log);

    const resumed = simulate(['--resume', log]);
    expect(resumed.status).toBe(1);
    expect(resumed.stderr).toContain('cannot resume');
    expect(readFileSync(log).equals(before)).toBe(true);
  });

  it('extends a finished run with a larger --rounds', () => {
    const whole = freshPath('long');
    expect(simulate([...NOISY, '--rounds', '12000', '--log', whole]).status).toBe(0);
    const short = freshPath('short');
    expect(simulate([...NOISY, '--rounds', '7000', '--log', short]).status).toBe(0);
    expect(simulate(['--resume', short, '--rounds', '12000']).status).toBe(0);
    expect(runRecords(short)).toEqual(runRecords(whole));
    expect(runCli(['replay', short]).status).toBe(0);
  });

  it('rejects resuming a run that ended with an outcome', () => {
    const log = freshPath('ended');
    expect(simulate([CONDORCET, '--log', log]).status).toBe(0);
    const resumed = simulate(['--resume', log]);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toContain('already ended with outcome cycle at round 13');
  });

  it('rejects run options when resuming', () => {
    const log = freshPath('options');
    expect(simulate([...NOISY, '--rounds', '100', '--log', log]).status).toBe(0);
    const resumed = simulate(['--resume', log, '--seed', '9', '--rounds', '200']);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toContain('--seed cannot be changed when resuming');
  });

  it('stops on SIGINT with a summary and resumes to the same run', async () => {
    const args = [...NOISY, '--rounds', '3000000', '--users', '20000'];
    const interrupted = freshPath('sigint');
    const child = spawn(process.execPath, [join(repoRoot, 'dist/cli/main.js'), 'simulate', ...args, '--log', interrupted, '--json'], {
      cwd: repoRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const status = await exited;

    expect(status).toBe(130);
    expect(stderr).toContain('SIGINT received');
    const summary = JSON.parse(stdout);
    expect(summary.stopReason).toBe('interrupted');
    expect(summary.rounds).toBeGreaterThan(0);
    expect(summary.rounds).toBeLessThan(3_000_000);
    const written = records(interrupted);
    expect(written.at(-1)!.type).toBe('summary');
    expect(written.at(-2)!.type).toBe('interruption');
    expect(written.at(-3)!.type).toBe('checkpoint');

    // Resume to twice the rounds played, and compare with one run of that length.
    const target = String(summary.rounds * 2);
    const resumed = simulate(['--resume', interrupted, '--rounds', target]);
    expect(resumed.status).toBe(0);
    const whole = freshPath('sigint-whole');
    expect(simulate([...args, '--rounds', target, '--log', whole]).status).toBe(0);
    expect(runRecords(interrupted)).toEqual(runRecords(whole));
  });
});

describe('log failures', () => {
  it('reports a log path that cannot be created', () => {
    const run = simulate([CONDORCET, '--log', join(repoRoot, 'package.json', 'run.ndjson')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot create the directory of run log');
    expect(run.stderr).toContain('EEXIST');
  });

  it('refuses to overwrite an existing log', () => {
    const log = freshPath('existing');
    writeFileSync(log, 'keep me\n');
    const run = simulate([CONDORCET, '--log', log]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(readFileSync(log, 'utf8')).toBe('keep me\n');
  });

  it.skipIf(!existsSync('/dev/full'))('stops cleanly when writes fail', () => {
    const run = simulate([...NOISY, '--rounds', '200000', '--log', '/dev/full']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot write run log /dev/full');
    expect(run.stderr).toContain('ENOSPC');
    expect(run.stdout).toContain('Stopped: run log write failed');
  });
});

describe('replay property', () => {
  const market = buildMarket(readScenarioFile(join(repoRoot, CONDORCET)));
  const scenario = readScenarioFile(join(repoRoot, CONDORCET));

  it('replay reproduces random short runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.constantFrom('round-robin', 'random', 'simultaneous', 'inertia') as fc.Arbitrary<'random'>,
        fc.constantFrom('best', 'better', 'epsilon-greedy', 'logit') as fc.Arbitrary<'best'>,
        fc.constantFrom(null, 1, 37, 1000),
        fc.integer({ min: 1, max: 400 }),
        async (seed, schedule, response, users, maxRounds) => {
          const options = {
            dynamics: dynamicsOptions(market, { seed, schedule, response, users, estimates: users === null ? 'exact' : 'sample' }),
            run: { maxRounds, window: 20, stopAtOutcome: true },
            log: { stride: 3, checkpointEvery: 50 },
          } as const;
          const path = freshPath('property');
          const writer = RunLogWriter.create(path);
          writer.write(buildHeader(CONDORCET, scenario, options));
          const simulation = new Simulation(market, options.dynamics, options.run);
          await playLogged(simulation, writer, options.log);
          await writer.close();

          const result = await replayRunLog(readRunLog(path));
          expect(result.mismatch).toBeNull();
          expect(result.identical).toBe(true);
          expect(result.summaryCompared).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
