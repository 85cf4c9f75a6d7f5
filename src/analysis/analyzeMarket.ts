/**
 * The full analysis of a market: its pure equilibria with payoffs, welfare
 * and diversity, the niche masses behind the homogeneous condition, the
 * best-response structure, the social optimum and the prices of anarchy
 * and stability. The result is a plain JSON-ready object; formatting for
 * the terminal lives in `formatAnalysis.ts`.
 */
import { averageRewards, type Market } from '../market/market.js';
import { DEFAULT_NASH_TOLERANCE } from '../game/bestResponse.js';
import { bestResponseGraph, DEFAULT_MAX_GRAPH_CLASSES } from '../game/bestResponseGraph.js';
import { buildDeviationTable } from '../game/deviationTable.js';
import { distinctModels, herfindahl, modelEntropy } from '../game/diversity.js';
import { checkEnumerationSize, equilibriumClasses } from '../game/enumerateEquilibria.js';
import { homogeneousChecks, pairwiseAdvantage } from '../game/niche.js';
import { profilePayoffs } from '../game/profilePayoffs.js';
import { pricesOfAnarchy, socialOptimum } from '../game/socialOptimum.js';

export interface AnalysisOptions {
  tolerance?: number;
  maxClasses?: number;
  /** Build the best-response graph up to this many classes. */
  maxGraphClasses?: number;
}

export interface ClassReport {
  profile: string[];
  permutations: number;
  shares: number[];
  outsideShare: number;
  welfare: number;
  consumerSurplus: number | null;
  distinctModels: number;
  homogeneous: boolean;
  herfindahl: number;
  modelEntropy: number;
}

export interface MarketAnalysis {
  scenario: string;
  choice: Market['choice'];
  platforms: number;
  models: number;
  userTypes: number;
  outsideOption: boolean;
  tolerance: number;
  permutationClasses: number;
  equilibria: ClassReport[];
  homogeneousEquilibria: number;
  differentiatedEquilibria: number;
  homogeneousCondition: {
    model: string;
    holds: boolean;
    strongestRival: string | null;
    rivalNiche: number;
    ownNiche: number;
  }[] | null;
  /**
   * Hardmax without an outside option only, up to 30 models: A(k, j) = m(k, j) + ½ · tied mass, the
   * share model k wins against model j in a two-platform market.
   */
  pairwiseAdvantage: { models: string[]; matrix: number[][] } | null;
  bestAverageModel: { model: string; averageReward: number; deployedInSomeEquilibrium: boolean };
  optimum: ClassReport;
  priceOfAnarchy: number | null;
  priceOfStability: number | null;
  bestResponse: {
    classes: { profile: string[]; equilibrium: boolean; movesTo: string[][]; reaches: number[] }[];
    sinks: { kind: 'equilibrium' | 'cycle'; profiles: string[][] }[];
    cycles: { profiles: string[][]; closed: boolean }[];
  } | null;
  bestResponseOmitted?: string;
}

export function describeClass(market: Market, profile: ArrayLike<number>, permutations: number): ClassReport {
  const payoffs = profilePayoffs(market, profile);
  const distinct = distinctModels(profile);
  return {
    profile: Array.from(profile, (j) => market.modelNames[j]),
    permutations,
    shares: Array.from(payoffs.shares),
    outsideShare: payoffs.outsideShare,
    welfare: payoffs.welfare,
    consumerSurplus: payoffs.consumerSurplus,
    distinctModels: distinct,
    homogeneous: distinct === 1,
    herfindahl: herfindahl(payoffs.shares),
    modelEntropy: modelEntropy(profile, payoffs.shares),
  };
}

export function analyzeMarket(market: Market, options: AnalysisOptions = {}): MarketAnalysis {
  const tolerance = options.tolerance ?? DEFAULT_NASH_TOLERANCE;
  const N = market.numPlatforms;
  const classes = checkEnumerationSize(market.numModels, N, options.maxClasses);
  const table = buildDeviationTable(market, N);
  const found = equilibriumClasses(table, tolerance);
  const equilibria = found.map((c) => describeClass(market, c.profile, c.permutations));

  const optimumClass = socialOptimum(market, options.maxClasses);
  const optimum = describeClass(market, optimumClass.profile, 0);
  const prices = pricesOfAnarchy(optimum.welfare, equilibria.map((e) => e.welfare));

  const averages = averageRewards(market);
  let top = 0;
  for (let j = 1; j < market.numModels; j++) if (averages[j] > averages[top]) top = j;
  const topName = market.modelNames[top];

  const names = (p: ArrayLike<number>) => Array.from(p, (j) => market.modelNames[j]);
  const analysis: MarketAnalysis = {
    scenario: market.name,
    choice: market.choice,
    platforms: N,
    models: market.numModels,
    userTypes: market.numTypes,
    outsideOption: market.outsideOption !== null,
    tolerance,
    permutationClasses: classes,
    equilibria,
    homogeneousEquilibria: equilibria.filter((e) => e.homogeneous).length,
    differentiatedEquilibria: equilibria.filter((e) => !e.homogeneous).length,
    homogeneousCondition:
      market.choice.rule === 'hardmax' && !market.outsideOption
        ? homogeneousChecks(market, N, tolerance).map((c) => ({
            model: market.modelNames[c.model],
            holds: c.holds,
            strongestRival: c.strongestRival < 0 ? null : market.modelNames[c.strongestRival],
            rivalNiche: c.rivalNiche,
            ownNiche: c.ownNiche,
          }))
        : null,
    pairwiseAdvantage:
      market.choice.rule === 'hardmax' && !market.outsideOption && market.numModels <= 30
        ? {
            models: market.modelNames,
            matrix: market.modelNames.map((_, k) => market.modelNames.map((__, j) => pairwiseAdvantage(market, k, j))),
          }
        : null,
    bestAverageModel: {
      model: topName,
      averageReward: averages[top],
      deployedInSomeEquilibrium: equilibria.some((e) => e.profile.includes(topName)),
    },
    optimum,
    ...prices,
    bestResponse: null,
  };

  const maxGraph = options.maxGraphClasses ?? DEFAULT_MAX_GRAPH_CLASSES;
  if (classes <= maxGraph) {
    const graph = bestResponseGraph(table, tolerance);
    const equilibriumSet = new Set(graph.equilibria);
    analysis.bestResponse = {
      classes: graph.classes.map((c, id) => ({
        profile: names(c),
        equilibrium: equilibriumSet.has(id),
        movesTo: graph.moves[id].map((w) => names(graph.classes[w])),
        reaches: graph.reaches[id],
      })),
      sinks: graph.sinks.map((nodes) => ({
        kind: nodes.length === 1 ? ('equilibrium' as const) : ('cycle' as const),
        profiles: nodes.map((v) => names(graph.classes[v])),
      })),
      cycles: graph.cycles.map((c) => ({ profiles: c.nodes.map((v) => names(graph.classes[v])), closed: c.closed })),
    };
  } else {
    analysis.bestResponseOmitted = `${classes} classes exceed the best-response graph limit of ${maxGraph}`;
  }
  return analysis;
}
