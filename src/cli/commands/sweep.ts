/**
 * `genmarket sweep <sweep file>`: runs a task on every point of a sweep
 * over platform counts, choice rules, pools and seeds, streaming results to
 * CSV and NDJSON files.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import { loadSweep } from '../../sweep/loadSweep.js';
import { runPoint } from '../../sweep/runPoint.js';
import { runSweep } from '../../sweep/runSweep.js';
import { parseNonNegativeInteger, parsePositiveInteger } from '../parseOptions.js';

interface SweepOptions {
  workers?: number;
  resume?: boolean;
  overwrite?: boolean;
  out?: string;
  point?: number;
}

/** Failed points listed on stderr after a run; the rest are only counted. */
const LISTED_FAILURES = 5;

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('run a task on every point of a sweep file and write the results to CSV and NDJSON')
    .argument('<sweep>', 'sweep JSON file')
    .option('--workers <n>', `worker threads; 1 runs in the main thread (default: ${availableParallelism()}, one per core)`, parsePositiveInteger('--workers'))
    .option('--resume', 'skip points whose results are already in <prefix>.ndjson and append the rest')
    .option('--overwrite', 'replace existing result files instead of stopping')
    .option('--out <prefix>', 'write <prefix>.csv and <prefix>.ndjson (default: the sweep file name without .json, in the current directory)')
    .option('--point <index>', 'run only the point with this index and print its record as JSON, writing no files', parseNonNegativeInteger('--point'))
    .action(async (path: string, options: SweepOptions) => {
      if (options.resume && options.overwrite) throw new InputError('--resume and --overwrite exclude each other: pick one');
      const loaded = loadSweep(path);

      if (options.point !== undefined) {
        const point = loaded.points[options.point];
        if (!point) {
          throw new InputError(`--point ${options.point} is out of range: the sweep has points 0 to ${loaded.points.length - 1}`);
        }
        const settings = { tolerance: loaded.sweep.analysis.tolerance, maxClasses: loaded.sweep.analysis.maxClasses };
        process.stdout.write(`${JSON.stringify(await runPoint(loaded.market, point, settings), null, 2)}\n`);
        return;
      }

      const note = (message: string) => process.stderr.write(`genmarket: ${message}\n`);
      if (loaded.duplicates > 0) note(`dropped ${loaded.duplicates} grid or list entries that repeat an earlier point`);
      const summary = await runSweep(loaded, {
        workers: options.workers,
        resume: options.resume,
        overwrite: options.overwrite,
        outPrefix: options.out ?? basename(path).replace(/\.json$/i, ''),
        progress: process.stderr.isTTY === true,
        onNote: note,
      });

      for (const record of summary.failures.slice(0, LISTED_FAILURES)) note(`point ${record.index} failed: ${record.error}`);
      if (summary.failed > LISTED_FAILURES) note(`... and ${summary.failed - LISTED_FAILURES} more failed points (see the error column)`);
      const skipped = summary.skipped > 0 ? `, skipped ${summary.skipped} already done` : '';
      process.stdout.write(
        `${loaded.name}: ran ${summary.ran} of ${summary.total} points on ${summary.workers} ` +
          `${summary.workers === 1 ? 'thread' : 'worker threads'} (${summary.failed} failed${skipped}); ` +
          `results in ${summary.paths.csv} and ${summary.paths.ndjson}\n`,
      );
      // Some failed points are results; a sweep in which every point failed is a failure.
      if (summary.ran > 0 && summary.failed === summary.ran) process.exitCode = 1;
    });
}
