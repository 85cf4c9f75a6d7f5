#!/usr/bin/env node
/**
 * The `genmarket` command line. Each subcommand lives in its own module
 * under `commands/` and registers itself on the program. This file wires
 * them together and turns input errors into a message and exit status 2
 * instead of a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registerAnalyze } from './commands/analyze.js';
import { registerEntry } from './commands/entry.js';
import { registerExpand } from './commands/expand.js';
import { registerExportNfg } from './commands/exportNfg.js';
import { registerOverview } from './commands/overview.js';
import { registerImportArena } from './commands/importArena.js';
import { registerReplay } from './commands/replay.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSweep } from './commands/sweep.js';
import { registerReport } from './commands/report.js';
import { reportFailure } from './failure.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// npm runs scripts from the package root; `npm run analyze -- file.json`
// should resolve paths from where the user typed it, as `npx genmarket` does.
const npmScript = process.env.npm_lifecycle_script ?? '';
if (npmScript.includes('dist/cli/main.js') && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const program = new Command('genmarket')
  .description('Simulate competition between platforms that deploy generative models')
  .version(packageJson.version)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerAnalyze(program);
registerEntry(program);
registerExportNfg(program);
registerOverview(program);
registerImportArena(program);
registerExpand(program);
registerSweep(program);
registerSimulate(program);
registerReplay(program);
registerReport(program);

// A closed pipe (`genmarket analyze ... | head`) ends the command quietly.
const isBrokenPipe = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'EPIPE';
process.stdout.on('error', (err) => {
  if (isBrokenPipe(err)) process.exit(0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander has printed its message; help and version exit 0, usage errors 2.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (isBrokenPipe(err)) process.exit(0);
  process.exit(reportFailure(err));
}
