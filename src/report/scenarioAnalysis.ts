/**
 * The exact analysis behind a report's reference lines and best-response
 * graph: equilibria, optimum and best-response structure of a scenario at
 * the platform count of the run.
 */
import { analyzeMarket, type MarketAnalysis } from '../analysis/analyzeMarket.js';
import { LimitError } from '../errors.js';
import { buildMarket } from '../market/loadScenario.js';
import { withPlatformCount } from '../market/market.js';
import type { ScenarioFile } from '../market/scenarioSchema.js';

/**
 * Largest number of permutation classes drawn as a best-response graph. On
 * a circle of 480 px, more nodes than this make labels overlap.
 */
export const MAX_DRAWN_CLASSES = 60;

export interface ReferenceWelfare {
  /** Welfare of the best and the worst pure equilibrium, null when the game has none. */
  bestEquilibrium: number | null;
  worstEquilibrium: number | null;
  optimum: number;
}

export interface ScenarioAnalysis {
  analysis: MarketAnalysis | null;
  notes: string[];
}

export interface ScenarioAnalysisOptions {
  /** Platform count to analyse; the scenario's own when absent. */
  numPlatforms?: number;
  maxClasses?: number;
}

/**
 * Runs `analyzeMarket` on the scenario. A game over the class limit gives
 * a null analysis and a note instead of an error, so the rest of the report
 * is still written.
 */
export function analyzeScenario(scenario: ScenarioFile, options: ScenarioAnalysisOptions = {}): ScenarioAnalysis {
  let market = buildMarket(scenario);
  if (options.numPlatforms !== undefined && options.numPlatforms !== market.numPlatforms) {
    market = withPlatformCount(market, options.numPlatforms);
  }
  try {
    const analysis = analyzeMarket(market, { maxClasses: options.maxClasses, maxGraphClasses: MAX_DRAWN_CLASSES });
    const notes = analysis.bestResponseOmitted
      ? [`best-response graph left out: ${analysis.bestResponseOmitted}`]
      : [];
    return { analysis, notes };
  } catch (err) {
    if (!(err instanceof LimitError)) throw err;
    return { analysis: null, notes: [`exact analysis left out: ${err.message}`] };
  }
}

/** Returns the equilibrium and optimum welfare of an analysis. */
export function referenceWelfare(analysis: MarketAnalysis): ReferenceWelfare {
  const welfares = analysis.equilibria.map((e) => e.welfare);
  return {
    bestEquilibrium: welfares.length > 0 ? Math.max(...welfares) : null,
    worstEquilibrium: welfares.length > 0 ? Math.min(...welfares) : null,
    optimum: analysis.optimum.welfare,
  };
}
