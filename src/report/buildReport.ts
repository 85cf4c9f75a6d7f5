/**
 * Reads each report input, detects its kind and builds its section. No
 * rendering or file writing happens here.
 */
import { detectInput } from './detectInput.js';
import { entrySection } from './entrySection.js';
import { extractEntry } from './entrySeries.js';
import type { ReportOptions, ReportSection } from './reportModel.js';
import { runLogSection } from './runLogSection.js';
import { extractRunLog } from './runLogSeries.js';
import { scenarioSection } from './scenarioSection.js';
import { sweepSection } from './sweepSection.js';
import { extractSweep } from './sweepSeries.js';

/** Builds the section of one input file. */
export function buildSection(path: string, options: ReportOptions = {}): ReportSection {
  const input = detectInput(path);
  switch (input.kind) {
    case 'scenario':
      return scenarioSection(input.scenario, path, options);
    case 'run-log':
      return runLogSection(extractRunLog(input.log), options);
    case 'sweep':
      return sweepSection(extractSweep(input.table, path));
    case 'entry':
      return entrySection(extractEntry(input.content, path));
  }
}

/** Builds one section per input, in the order given. */
export function buildReport(paths: readonly string[], options: ReportOptions = {}): ReportSection[] {
  return paths.map((path) => buildSection(path, options));
}
