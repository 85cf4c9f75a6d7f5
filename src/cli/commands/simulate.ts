/**
 * `genmarket simulate`: runs best-response dynamics on a scenario, or
 * resumes a logged run, and prints the summary.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { buildMarket, readScenarioFile } from '../../market/loadScenario.js';
import type { RunOptions } from '../../runlog/format.js';
import { buildHeader } from '../../runlog/header.js';
import { playLogged } from '../../runlog/playLogged.js';
import type { RecordSink } from '../../runlog/recordSink.js';
import { readRunLog } from '../../runlog/reader.js';
import { planResume, ResumeSink } from '../../runlog/resume.js';
import { VerifyingSink } from '../../runlog/verifyingSink.js';
import { RunLogWriter } from '../../runlog/writer.js';
import { Simulation } from '../../simulation/simulation.js';
import { GENMARKET_VERSION } from '../../version.js';
import { handleInterrupts, ProgressDisplay } from '../terminal.js';
import { renderSummary } from './renderSummary.js';
import { buildRunOptions, parseCount, SIMULATE_DEFAULTS, type SimulateFlags } from './simulateOptions.js';

/** Options that a resume may set; the others come from the log header. */
const RESUME_OPTIONS = new Set(['resume', 'rounds', 'json', 'progress']);

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Run stochastic best-response dynamics on a scenario and report convergence, cycles and welfare')
    .argument('[scenario]', 'scenario JSON file (omit with --resume)')
    .option('--rounds <n>', 'maximum number of rounds to play', SIMULATE_DEFAULTS.rounds)
    .option('--seed <seed>', 'seed of the random number generator (any text)', SIMULATE_DEFAULTS.seed)
    .option('--users <K>', 'users sampled per round for the realised shares and welfare, or "infinite" for exact expected shares', SIMULATE_DEFAULTS.users)
    .option('--per-user', "draw each user's type and choice one by one (costs O(K) per round)")
    .option('--schedule <name>', 'revision schedule: round-robin, random, simultaneous or inertia', SIMULATE_DEFAULTS.schedule)
    .option('--inertia <p>', 'probability that a platform revises in a round, with --schedule inertia (default 0.5)')
    .option('--response <rule>', 'response rule: best, better, epsilon-greedy or logit', SIMULATE_DEFAULTS.response)
    .option('--epsilon <e>', 'exploration probability of --response epsilon-greedy (default 0.1)')
    .option('--response-temperature <eta>', 'temperature of --response logit, in market-share units (default 0.01)')
    .option('--estimates <source>', 'payoff estimates: exact (under π), sample (the round\'s users) or learned', SIMULATE_DEFAULTS.estimates)
    .option('--rating-noise', "evaluate models on rewards drawn each round from Normal(S, σ), σ from the scenario's rewardStdDevs")
    .option('--start <models>', 'comma-separated starting model of each platform (default: the scenario\'s initialModel, else the first model)')
    .option('--window <rounds>', 'rounds an equilibrium must hold to count as converged under stochastic dynamics', SIMULATE_DEFAULTS.window)
    .option('--no-stop', 'keep playing until --rounds after convergence or a proven cycle')
    .option('--log <path>', 'run log file (default: logs/<scenario>-seed<seed>-<time>.ndjson)')
    .option('--no-log', 'write no run log')
    .option('--log-stride <n>', 'write a round record (profile, shares, welfare) for each of the first n rounds, then every n rounds; revisions are always logged', SIMULATE_DEFAULTS.logStride)
    .option('--checkpoint-every <n>', 'write a resumable checkpoint every n rounds', SIMULATE_DEFAULTS.checkpointEvery)
    .option('--resume <log>', 'continue the run in this log from its last complete round, appending to it')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'never show the progress bar')
    .action(async (scenarioPath: string | undefined, flags: SimulateFlags, command: Command) => {
      process.exitCode = await simulateCommand(scenarioPath, flags, command);
    });
}

/** Runs the command and returns the exit status. */
export async function simulateCommand(scenarioPath: string | undefined, flags: SimulateFlags, command: Command): Promise<number> {
  if (flags.resume !== undefined) {
    const extra = Object.keys(flags).filter((key) => command.getOptionValueSource(key) === 'cli' && !RESUME_OPTIONS.has(key));
    if (scenarioPath !== undefined) throw new InputError('--resume takes the scenario from the log: remove the scenario argument');
    if (extra.length > 0) {
      const names = extra.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      throw new InputError(`${names.join(', ')} cannot be changed when resuming: the run continues with the options in the log header`);
    }
    const requestedRounds =
      command.getOptionValueSource('rounds') === 'cli' ? parseCount('--rounds', flags.rounds, 1) : undefined;
    return resumeRun(flags.resume, requestedRounds, flags);
  }
  if (scenarioPath === undefined) throw new InputError('missing scenario file: give a scenario JSON file or --resume <log>');
  return newRun(scenarioPath, flags);
}

async function newRun(scenarioPath: string, flags: SimulateFlags): Promise<number> {
  const scenario = readScenarioFile(scenarioPath);
  const market = buildMarket(scenario);
  const options = buildRunOptions(flags, market);
  const simulation = new Simulation(market, options.dynamics, options.run);

  let writer: RunLogWriter | null = null;
  if (flags.log !== false) {
    writer = RunLogWriter.create(flags.log ?? defaultLogPath(scenario.name, options.dynamics.seed));
    const header = buildHeader(scenarioPath, scenario, options);
    writer.write(header);
  }
  return play(simulation, options, writer, writer ?? { write() {} }, flags);
}

async function resumeRun(logPath: string, requestedRounds: number | undefined, flags: SimulateFlags): Promise<number> {
  const log = readRunLog(logPath);
  for (const note of log.notes) process.stderr.write(`genmarket: note: ${note}\n`);
  const plan = planResume(log, requestedRounds);
  if (plan.layout.partialRecords > 0) {
    process.stderr.write(`genmarket: note: discarding ${plan.layout.partialRecords} records of round ${plan.layout.lastRound + 1}, which was cut short\n`);
  }

  const writer = RunLogWriter.append(logPath, plan.layout.keptBytes);
  const resumeRecord = {
    type: 'resume' as const,
    round: plan.layout.lastRound,
    maxRounds: plan.maxRounds,
    genmarketVersion: GENMARKET_VERSION,
  };
  const simulation = plan.simulation;
  const sink = new VerifyingSink(logPath, plan.expected, new ResumeSink(writer, resumeRecord), () =>
    simulation.control.request('error'),
  );
  const options = { ...log.header.options, run: { ...log.header.options.run, maxRounds: plan.maxRounds } };
  const status = await play(simulation, options, writer, sink, flags);
  if (sink.mismatch !== null || !sink.verified) {
    const reason = sink.mismatch?.message ?? `the re-run stopped before round ${plan.layout.lastRound}, where ${logPath} ends`;
    process.stderr.write(`genmarket: cannot resume ${logPath}: ${reason}\n`);
    return 1;
  }
  return status;
}

async function play(
  simulation: Simulation,
  options: RunOptions,
  writer: RunLogWriter | null,
  sink: RecordSink,
  flags: SimulateFlags,
): Promise<number> {
  writer?.onFailure(() => simulation.control.request('log-error'));
  const progress = new ProgressDisplay(options.run.maxRounds, flags.progress !== false && !flags.json);
  const interrupts = handleInterrupts(simulation.control, () => progress.stop());
  const startedAt = performance.now();
  let result;
  try {
    result = await playLogged(simulation, sink, options.log, {
      onYield: (round) => progress.update(round),
      signal: interrupts.signal,
    });
  } finally {
    progress.stop();
    interrupts.dispose();
    await writer?.close();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const { summary, stopReason } = result;
  const logPath = writer?.path ?? null;

  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, log: logPath, elapsedSeconds: seconds }, null, 2)}\n`);
  } else {
    process.stdout.write(renderSummary(summary, logPath));
  }
  if (writer?.failure) {
    process.stderr.write(
      `genmarket: cannot write run log ${writer.path}: ${writer.failure.message}; the run stopped after round ${summary.rounds} and the log is incomplete\n`,
    );
    return 1;
  }
  return stopReason === 'interrupted' ? 130 : 0;
}

/** Returns logs/<scenario>-seed<seed>-<UTC time>.ndjson, with unsafe characters replaced. */
export function defaultLogPath(scenarioName: string, seed: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  const time = new Date().toISOString().replace(/[:]/g, '-');
  return join('logs', `${safe(scenarioName)}-seed${safe(seed)}-${time}.ndjson`);
}
