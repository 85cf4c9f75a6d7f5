/**
 * A one-screen overview of several scenarios of the same market. For each
 * choice rule and platform count it lists the models the platforms deploy
 * at equilibrium, each platform's share, welfare and whether the market is
 * homogeneous or differentiated. It also shows where the default
 * best-response dynamics go from the weakest model.
 */
import { defaultDynamicsOptions } from '../dynamics/options.js';
import { averageRewards, type Market } from '../market/market.js';
import { Simulation } from '../simulation/simulation.js';
import { buildSummary, type RunSummary } from '../simulation/summary.js';
import { analyzeMarket, type MarketAnalysis } from './analyzeMarket.js';

export interface OverviewSettings {
  /** Rounds each simulation may play before it counts as undecided. */
  rounds: number;
  /** Users sampled per round. */
  users: number;
  seed: string;
}

export interface OverviewRow {
  scenario: string;
  rule: string;
  platforms: number;
  analysis: MarketAnalysis;
  simulation: RunSummary;
}

/**
 * Returns the profile with every platform on the model of lowest average
 * reward, a start far from any equilibrium of a leaderboard market.
 */
export function weakestStart(market: Market): number[] {
  const averages = averageRewards(market);
  let weakest = 0;
  for (let j = 1; j < market.numModels; j++) if (averages[j] < averages[weakest]) weakest = j;
  return new Array<number>(market.numPlatforms).fill(weakest);
}

async function simulate(market: Market, settings: OverviewSettings): Promise<RunSummary> {
  const options = { ...defaultDynamicsOptions(weakestStart(market)), seed: settings.seed, users: settings.users };
  const simulation = new Simulation(market, options, { maxRounds: settings.rounds, window: 1000, stopAtOutcome: true });
  const reason = await simulation.run();
  return buildSummary(simulation, reason);
}

export async function overviewRows(markets: readonly Market[], settings: OverviewSettings): Promise<OverviewRow[]> {
  const rows: OverviewRow[] = [];
  for (const market of markets) {
    rows.push({
      scenario: market.name,
      rule: market.choice.rule === 'softmax' ? `softmax τ=${Number(market.choice.temperature.toPrecision(5))}` : 'hardmax',
      platforms: market.numPlatforms,
      analysis: analyzeMarket(market, { maxGraphClasses: 0 }),
      simulation: await simulate(market, settings),
    });
  }
  return rows;
}
