/**
 * `genmarket export-nfg <scenario>`: writes the scenario's game in Gambit's
 * `.nfg` format.
 */
import type { Command } from 'commander';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { fileError, LimitError } from '../../errors.js';
import { nfgChunks } from '../../io/nfg.js';
import { loadMarket } from '../../market/loadScenario.js';
import { withPlatformCount } from '../../market/market.js';
import { parsePlatformCount } from '../parseOptions.js';

export function registerExportNfg(program: Command): void {
  program
    .command('export-nfg')
    .description("write the scenario's normal-form game in Gambit's .nfg format")
    .argument('<scenario>', 'scenario JSON file')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--platforms <n>', 'override the number of platforms', parsePlatformCount)
    .action((path: string, options: { out?: string; platforms?: number }) => {
      let market = loadMarket(path);
      if (options.platforms !== undefined) market = withPlatformCount(market, options.platforms);
      const chunks = nfgChunks(market);
      if (!options.out) {
        for (const chunk of chunks) writeSync(1, chunk);
        return;
      }
      writeAtomically(options.out, chunks);
      process.stderr.write(`wrote ${options.out}\n`);
    });
}

/** Writes to a temporary file beside `path` and renames it, so a failed export leaves no partial file. */
function writeAtomically(path: string, chunks: Iterable<string>): void {
  const temporary = `${path}.partial`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (err) {
    throw fileError('output file', path, err);
  }
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // Already closed by the successful path before rename failed.
    }
    rmSync(temporary, { force: true });
    throw err instanceof LimitError ? err : fileError('output file', path, err);
  }
}
