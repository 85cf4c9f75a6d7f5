/**
 * The report section of a scenario file: its exact analysis and the
 * best-response graph of the game.
 */
import type { ScenarioFile } from '../market/scenarioSchema.js';
import { analysisFacts, bestResponseFigure, equilibriumTable } from './bestResponseSection.js';
import type { ReportOptions, ReportSection } from './reportModel.js';
import { analyzeScenario } from './scenarioAnalysis.js';

export function scenarioSection(scenario: ScenarioFile, source: string, options: ReportOptions = {}): ReportSection {
  const { analysis, notes } = analyzeScenario(scenario, { maxClasses: options.maxClasses });
  const section: ReportSection = {
    source,
    kind: 'scenario',
    heading: `Scenario: ${scenario.name}`,
    facts: [['scenario', scenario.name]],
    figures: [],
    tables: [],
    notes: [...notes],
  };
  if (!analysis) return section;
  section.facts.push(...analysisFacts(analysis));
  const graph = bestResponseFigure(analysis);
  if (graph) section.figures.push(graph);
  section.tables.push(equilibriumTable(analysis));
  return section;
}
