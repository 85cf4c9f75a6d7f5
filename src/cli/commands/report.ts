/**
 * `genmarket report <input...>`: SVG plots and one self-contained HTML page
 * from simulate run logs, sweep results, entry runs or scenarios.
 */
import type { Command } from 'commander';
import { parsePositiveInteger } from '../parseOptions.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('plot run logs, sweep results, entry runs or scenarios as SVG files and one HTML page')
    .argument('<input...>', 'run log (NDJSON), sweep results (CSV or NDJSON), entry run (JSON or NDJSON) or scenario (JSON)')
    .option('-o, --out <dir>', 'output directory, created if missing', 'report')
    .option('--json', 'print the written files and notes as one JSON object')
    .option(
      '--max-classes <n>',
      'skip the exact analysis (reference welfare, best-response graph) of games with more permutation classes than this',
      parsePositiveInteger('--max-classes'),
      50_000_000,
    )
    .action(async (inputs: string[], options: { out: string; json?: boolean; maxClasses: number }) => {
      // Loaded here, because importing Vega and Vega-Lite takes about 170 ms
      // (Node 20 on a 2-core AMD EPYC), which every other command would
      // otherwise pay at start-up.
      const { buildReport } = await import('../../report/buildReport.js');
      const { writeReport } = await import('../../report/writeReport.js');
      const sections = buildReport(inputs, { maxClasses: options.maxClasses });
      const written = await writeReport(sections, options.out);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(written, null, 2)}\n`);
        return;
      }
      for (const section of written.sections) {
        for (const note of section.notes) process.stderr.write(`note: ${note}\n`);
      }
      const count = written.sections.reduce((sum, s) => sum + s.figures.length, 0);
      process.stdout.write(`wrote ${count} SVG files and ${written.html}\n`);
    });
}
