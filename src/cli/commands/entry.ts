/**
 * `genmarket entry <scenario>`: trains an entrant model by standard and by
 * best-response training, measures both in the market, and prints them side
 * by side. The training curve goes to an NDJSON log written with pino.
 */
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { pino, destination, type Logger } from 'pino';
import { fileError, InputError } from '../../errors.js';
import { prepareEntryScenario } from '../../entry/entryScenario.js';
import { formatEntry } from '../../entry/formatEntry.js';
import { DEFAULT_ENTRY_OPTIONS, runEntry, type EntryOptions, type EntryReport } from '../../entry/runEntry.js';
import type { TrainingEvent, TrainingScheme } from '../../entry/trainScheme.js';
import { readScenarioFile } from '../../market/loadScenario.js';
import { parseNonNegativeInteger, parsePositive, parsePositiveInteger } from '../parseOptions.js';

export interface EntryCommandOptions {
  scheme: 'standard' | 'best-response' | 'both';
  profile?: string;
  steps: number;
  seed: string;
  restarts: number;
  learningRate: number;
  kappaStart?: number;
  kappaEnd?: number;
  retrain?: boolean;
  retrainRounds: number;
  curvePoints: number;
  maxClasses: number;
  json?: boolean;
  log?: string;
}

export interface EntryCommandResult {
  report: EntryReport;
  logPath: string;
}

/** Returns the default log path, logs/entry-<scenario>-<UTC timestamp>.ndjson. */
export function defaultLogPath(scenarioName: string, now = new Date()): string {
  const safeName = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `logs/entry-${safeName}-${stamp}.ndjson`;
}

function openLog(path: string): Logger {
  try {
    return pino({ name: 'genmarket-entry' }, destination({ dest: path, mkdir: true, sync: true }));
  } catch (err) {
    throw fileError('training log file', path, err);
  }
}

function toEntryOptions(options: EntryCommandOptions): EntryOptions {
  const schemes: TrainingScheme[] = options.scheme === 'both' ? ['standard', 'best-response'] : [options.scheme];
  if (options.kappaStart !== undefined && options.kappaEnd !== undefined && options.kappaEnd > options.kappaStart) {
    throw new InputError(`--kappa-end (${options.kappaEnd}) must not exceed --kappa-start (${options.kappaStart}): κ is annealed downwards`);
  }
  return {
    ...DEFAULT_ENTRY_OPTIONS,
    schemes,
    profile: options.profile?.split(',').map((name) => name.trim()),
    steps: options.steps,
    learningRate: options.learningRate,
    restarts: options.restarts,
    seed: options.seed,
    kappaStart: options.kappaStart,
    kappaEnd: options.kappaEnd,
    retrainRounds: options.retrain ? options.retrainRounds : 0,
    curvePoints: options.curvePoints,
    maxClasses: options.maxClasses,
  };
}

/**
 * Runs entry on the scenario file, writes the training log, and returns the
 * report. Shows a progress bar when `stderr` is a terminal.
 */
export function runEntryCommand(
  path: string,
  options: EntryCommandOptions,
  stderr: NodeJS.WriteStream = process.stderr,
): EntryCommandResult {
  const entryOptions = toEntryOptions(options);
  const scenario = prepareEntryScenario(readScenarioFile(path));
  const logPath = options.log ?? defaultLogPath(scenario.market.name);
  const log = openLog(logPath);
  log.info({ scenario: path, options: entryOptions }, 'entry started');

  const bar = stderr.isTTY ? new SingleBar({ stream: stderr, format: 'training {bar} {value}/{total} steps | {scheme}' }) : null;
  bar?.start(0, 0, { scheme: '' });
  const onStep = (event: TrainingEvent) => {
    log.info(event, 'training step');
    if (bar) {
      // The number of runs depends on the rivals and on retraining, so each run adds its steps when it starts.
      if (event.step === 0) bar.setTotal(bar.getTotal() + entryOptions.steps);
      bar.increment(1, { scheme: event.round === undefined ? event.scheme : `retraining round ${event.round}` });
    }
  };

  try {
    const report = runEntry(scenario, entryOptions, onStep);
    log.info(
      {
        standardShare: report.standard?.captureShare,
        bestResponseShare: report.bestResponse?.captureShare,
        retrainedConverged: report.retrained?.converged,
      },
      'entry finished',
    );
    return { report, logPath };
  } catch (err) {
    log.error({ err }, 'entry failed');
    throw err;
  } finally {
    bar?.stop();
    log.flush();
  }
}

export function registerEntry(program: Command): void {
  program
    .command('entry')
    .description('train an entrant model by standard and by best-response training and compare its market outcome')
    .argument('<scenario>', 'generative scenario JSON file (models with distribution, user types with reward)')
    .addOption(
      new Option('--scheme <scheme>', 'training scheme to run').choices(['standard', 'best-response', 'both']).default('both'),
    )
    .option('--profile <models>', 'comma-separated incumbent model per platform (default: the first pure equilibrium)')
    .option('--steps <n>', 'gradient steps per training run', parsePositiveInteger('--steps'), DEFAULT_ENTRY_OPTIONS.steps)
    .option('--seed <seed>', "seed of the random starting points (Monte Carlo draws use the scenario's monteCarlo.seed)", DEFAULT_ENTRY_OPTIONS.seed)
    .option('--restarts <n>', 'random starting points besides the initial model and the user ideal points', parseNonNegativeInteger('--restarts'), DEFAULT_ENTRY_OPTIONS.restarts)
    .option('--learning-rate <rate>', 'Adam step size', parsePositive('--learning-rate'), DEFAULT_ENTRY_OPTIONS.learningRate)
    .option('--kappa-start <kappa>', 'hardmax smoothing width κ at the first step, in reward units (default: 0.1 × reward range)', parsePositive('--kappa-start'))
    .option('--kappa-end <kappa>', 'hardmax smoothing width κ at the last step, in reward units (default: 0.001 × reward range)', parsePositive('--kappa-end'))
    .option('--retrain', 'also retrain against the market that re-equilibrates after entry and report convergence')
    .option('--retrain-rounds <n>', 'maximum rounds of retraining', parsePositiveInteger('--retrain-rounds'), 10)
    .option('--curve-points <n>', 'training-curve points kept in the report', parsePositiveInteger('--curve-points'), DEFAULT_ENTRY_OPTIONS.curvePoints)
    .option('--max-classes <n>', 'reject equilibrium enumerations with more permutation classes than this', parsePositiveInteger('--max-classes'), 50_000_000)
    .option('--json', 'print the report as one JSON object')
    .option('--log <file>', 'NDJSON training log (default: logs/entry-<scenario>-<timestamp>.ndjson)')
    .action((path: string, options: EntryCommandOptions) => {
      const { report, logPath } = runEntryCommand(path, options);
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEntry(report)}\n`);
      process.stderr.write(`training log: ${logPath}\n`);
    });
}
