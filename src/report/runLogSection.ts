/**
 * The report section of a simulate run log: share race, deployed models,
 * welfare against the exact equilibrium and optimum welfare, the
 * best-response graph of the game, and the run's events.
 */
import { formatProfile } from '../analysis/formatAnalysis.js';
import { analysisFacts, bestResponseFigure, equilibriumTable } from './bestResponseSection.js';
import { describeFields } from './logRecords.js';
import { formatNumber, type Figure, type ReportOptions, type ReportSection, type Table } from './reportModel.js';
import type { RunLogSeries } from './runLogSeries.js';
import { MAX_PLOTTED_ROUNDS, MAX_PROFILE_SEGMENTS, profileSegments, profileSpec, referenceRows, shareRows, shareSpec, thinRounds, welfareSpec } from './runLogSpecs.js';
import { analyzeScenario, referenceWelfare } from './scenarioAnalysis.js';

/** Events listed in the page; later ones are counted in a note. */
export const MAX_LISTED_EVENTS = 200;

/** Returns the outcome facts of a `genmarket simulate` summary, or all its fields for other summaries. */
function summaryFacts(summary: Record<string, unknown>): [string, string][] {
  if (typeof summary.outcome !== 'string') return [['summary', describeFields(summary, ['type', 'kind', 'record'])]];
  const reason = typeof summary.stopReason === 'string' ? ` (stopped by ${summary.stopReason})` : '';
  const facts: [string, string][] = [['outcome', `${summary.outcome}${reason}`]];
  if (typeof summary.expectedWelfare === 'number') facts.push(['exact welfare of the final profile', formatNumber(summary.expectedWelfare)]);
  return facts;
}

export function runLogSection(series: RunLogSeries, options: ReportOptions = {}): ReportSection {
  const notes = [...series.notes];
  const analyzed = series.scenario
    ? analyzeScenario(series.scenario, { numPlatforms: series.numPlatforms, maxClasses: options.maxClasses })
    : { analysis: null, notes: [] };
  notes.push(...analyzed.notes);
  const { analysis } = analyzed;
  const reference = analysis ? referenceWelfare(analysis) : null;
  if (analysis && analysis.equilibria.length === 0) {
    notes.push('the game has no pure equilibrium, so the welfare chart shows only the social optimum');
  }

  const plotted = thinRounds(series.rounds);
  if (plotted.length < series.rounds.length) {
    notes.push(`line charts show ${MAX_PLOTTED_ROUNDS} of ${series.rounds.length} rounds, evenly spaced`);
  }
  let segments = profileSegments(series);
  if (segments.length > MAX_PROFILE_SEGMENTS) {
    notes.push(
      `the deployed-model chart would need ${segments.length} segments, more than ${MAX_PROFILE_SEGMENTS}, ` +
        `so it shows the model at ${plotted.length} evenly spaced rounds`,
    );
    segments = profileSegments(series, plotted);
  }
  const figures: Figure[] = [
    { name: 'shares', title: 'Market shares by round', spec: shareSpec(series, shareRows(series, plotted)) },
    { name: 'welfare', title: 'Welfare by round', spec: welfareSpec(series, plotted, referenceRows(reference)) },
    { name: 'profile', title: 'Deployed model of each platform', spec: profileSpec(series, segments) },
  ];
  const graph = analysis ? bestResponseFigure(analysis) : null;
  if (graph) figures.push(graph);

  const last = series.rounds[series.rounds.length - 1];
  const facts: [string, string][] = [
    ['scenario', series.scenarioName],
    ['seed', series.seed ?? '-'],
    ['rounds', String(series.rounds.length)],
    ['platforms', series.platformNames.join(', ')],
    ['final profile', formatProfile(last.profile)],
    ['final welfare', formatNumber(last.welfare)],
  ];
  if (reference) {
    facts.push(['best equilibrium welfare', formatNumber(reference.bestEquilibrium)]);
    facts.push(['worst equilibrium welfare', formatNumber(reference.worstEquilibrium)]);
  }
  if (analysis) facts.push(...analysisFacts(analysis));
  if (series.summary) facts.push(...summaryFacts(series.summary));

  const tables: Table[] = [];
  if (analysis) tables.push(equilibriumTable(analysis));
  if (series.events.length > 0) {
    const listed = series.events.slice(0, MAX_LISTED_EVENTS);
    tables.push({ caption: 'Events', columns: ['round', 'event'], rows: listed.map((e) => [e.round, e.description]) });
    if (series.events.length > listed.length) notes.push(`${series.events.length - listed.length} more events are not listed`);
  }
  return { source: series.source, kind: 'run-log', heading: `Run: ${series.scenarioName}`, facts, figures, tables, notes };
}
