/**
 * The report section of a simulate run log: share race, deployed models,
 * welfare against the exact equilibrium and optimum welfare, the
 * best-response graph of the game, and the run's events.
 */
import { formatProfile } from '../analysis/formatAnalysis.js';
import type { SummaryRecord } from '../runlog/format.js';
import { analysisFacts, bestResponseFigure, equilibriumTable } from './bestResponseSection.js';
import { formatNumber, type Figure, type ReportOptions, type ReportSection, type Table } from './reportModel.js';
import type { RunLogSeries } from './runLogSeries.js';
import {
  MAX_PLOTTED_ROUNDS,
  MAX_PROFILE_SEGMENTS,
  profileSegments,
  profileSpec,
  referenceRows,
  sampleProfiles,
  shareRows,
  shareSpec,
  thinRounds,
  welfareSpec,
} from './runLogSpecs.js';
import { analyzeScenario, referenceWelfare } from './scenarioAnalysis.js';

/** Returns the outcome facts of the summary that ends a run log. */
function summaryFacts(summary: SummaryRecord): [string, string][] {
  return [['outcome', `${summary.outcome} (stopped by ${summary.stopReason})`]];
}

/** Returns the share and welfare charts, or notes why a log has none or only some of its rounds. */
function roundFigures(series: RunLogSeries, reference: ReturnType<typeof referenceWelfare> | null, notes: string[]): Figure[] {
  const { source, logStride, lastRound } = series;
  if (series.rounds.length === 0) {
    notes.push(
      `${source} has no round records, so it has no share or welfare charts: ` +
        'rerun genmarket simulate, which records each of the first --log-stride rounds',
    );
    return [];
  }
  if (series.rounds.length < lastRound) {
    notes.push(
      `${source} logs shares and welfare every ${logStride} rounds after the first ${logStride} (--log-stride), so their charts show ` +
        `${series.rounds.length} of ${lastRound} rounds, and the deployed-model chart shows every round`,
    );
  }
  const plotted = thinRounds(series.rounds);
  if (plotted.length < series.rounds.length) {
    notes.push(`line charts show ${MAX_PLOTTED_ROUNDS} of ${series.rounds.length} logged rounds, evenly spaced`);
  }
  return [
    { name: 'shares', title: 'Market shares by round', spec: shareSpec(series, shareRows(series, plotted)) },
    { name: 'welfare', title: 'Welfare by round', spec: welfareSpec(series, plotted, referenceRows(reference)) },
  ];
}

function profileFigure(series: RunLogSeries, notes: string[]): Figure {
  let segments = profileSegments(series);
  if (segments.length > MAX_PROFILE_SEGMENTS) {
    const samples = sampleProfiles(series);
    notes.push(
      `the deployed-model chart would need ${segments.length} segments, more than ${MAX_PROFILE_SEGMENTS}, ` +
        `so it shows the model at ${samples.length} evenly spaced rounds`,
    );
    segments = profileSegments(series, samples);
  }
  return { name: 'profile', title: 'Deployed model of each platform', spec: profileSpec(series, segments) };
}

export function runLogSection(series: RunLogSeries, options: ReportOptions = {}): ReportSection {
  const notes = [...series.notes];
  const analyzed = analyzeScenario(series.scenario, { numPlatforms: series.numPlatforms, maxClasses: options.maxClasses });
  notes.push(...analyzed.notes);
  const { analysis } = analyzed;
  const reference = analysis ? referenceWelfare(analysis) : null;
  const figures: Figure[] = [...roundFigures(series, reference, notes), profileFigure(series, notes)];
  if (analysis && analysis.equilibria.length === 0 && series.rounds.length > 0) {
    notes.push('the game has no pure equilibrium, so the welfare chart shows only the social optimum');
  }
  const graph = analysis ? bestResponseFigure(analysis) : null;
  if (graph) figures.push(graph);

  const facts: [string, string][] = [
    ['scenario', series.scenarioName],
    ['seed', series.seed],
    ['rounds', String(series.lastRound)],
    ['platforms', series.platformNames.join(', ')],
    ['final profile', formatProfile(series.finalProfile)],
    ['exact welfare of the final profile', formatNumber(series.finalProfileWelfare)],
  ];
  const last = series.rounds.at(-1);
  if (last) facts.push([`welfare in round ${last.round}`, formatNumber(last.welfare)]);
  if (reference) {
    facts.push(['best equilibrium welfare', formatNumber(reference.bestEquilibrium)]);
    facts.push(['worst equilibrium welfare', formatNumber(reference.worstEquilibrium)]);
  }
  if (analysis) facts.push(...analysisFacts(analysis));
  if (series.summary) facts.push(...summaryFacts(series.summary));

  const tables: Table[] = [];
  if (analysis) tables.push(equilibriumTable(analysis));
  if (series.events.length > 0) {
    tables.push({ caption: 'Events', columns: ['round', 'event'], rows: series.events.map((e) => [e.round, e.description]) });
    if (series.eventCount > series.events.length) notes.push(`${series.eventCount - series.events.length} more events are not listed`);
  }
  return { source: series.source, kind: 'run-log', heading: `Run: ${series.scenarioName}`, facts, figures, tables, notes };
}
