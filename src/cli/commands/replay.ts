/**
 * `genmarket replay`: re-runs a logged run from its header and checks it
 * against the log record by record, or with --summary prints the logged
 * summary without re-running.
 */
import { Command } from 'commander';
import { InputError } from '../../errors.js';
import { analyzeLog, restoreCheckpoint, simulationFromHeader } from '../../runlog/logLayout.js';
import { readRunLog, type RunLog } from '../../runlog/reader.js';
import { replayRunLog } from '../../runlog/replay.js';
import { buildSummary, type RunSummary } from '../../simulation/summary.js';
import { renderSummary } from './renderSummary.js';

interface ReplayFlags {
  summary?: boolean;
  json?: boolean;
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Re-run a logged simulation and check that it reproduces the log exactly')
    .argument('<log>', 'run log written by genmarket simulate')
    .option('--summary', 'print the run summary from the log alone, without re-running')
    .option('--json', 'print JSON')
    .action(async (logPath: string, flags: ReplayFlags) => {
      process.exitCode = await replayCommand(logPath, flags);
    });
}

/** Runs the command and returns the exit status: 0 identical, 1 different, 2 invalid log. */
export async function replayCommand(logPath: string, flags: ReplayFlags): Promise<number> {
  const log = readRunLog(logPath);
  for (const note of log.notes) process.stderr.write(`genmarket: note: ${note}\n`);
  if (flags.summary) return printLoggedSummary(log, flags.json ?? false);

  const result = await replayRunLog(log);
  for (const note of result.notes.slice(log.notes.length)) process.stderr.write(`genmarket: note: ${note}\n`);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ log: logPath, ...result }, null, 2)}\n`);
  } else if (result.identical) {
    const summary = result.summaryCompared ? ' and the final summary' : '';
    process.stdout.write(`replay of ${logPath} is identical: ${result.recordsCompared} records over ${result.rounds} rounds${summary}\n`);
  } else {
    process.stderr.write(`genmarket: replay of ${logPath} differs: ${result.mismatch?.message}\n`);
  }
  return result.identical ? 0 : 1;
}

/**
 * Prints the summary record that ends the log or, for a log cut off
 * before its summary, the summary rebuilt from its last checkpoint.
 */
function printLoggedSummary(log: RunLog, json: boolean): number {
  const layout = analyzeLog(log);
  let summary: RunSummary;
  if (layout.finalSummary !== null) {
    const { type: _type, round: _round, ...rest } = layout.finalSummary;
    summary = rest;
  } else if (layout.checkpoint !== null) {
    const simulation = simulationFromHeader(log, layout.maxRounds);
    restoreCheckpoint(log, simulation, layout.checkpoint);
    summary = buildSummary(simulation, 'interrupted');
    process.stderr.write(
      `genmarket: note: ${log.path} has no final summary; this one is rebuilt from the checkpoint at round ${layout.checkpoint.record.round}\n`,
    );
  } else {
    throw new InputError(`${log.path} has neither a summary nor a checkpoint: run genmarket replay ${log.path} to re-run it instead`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ ...summary, log: log.path }, null, 2)}\n`);
  else process.stdout.write(renderSummary(summary, log.path));
  return 0;
}
