/**
 * A one-screen overview of several scenarios of the same market: for each
 * choice rule and platform count, which models the platforms deploy at
 * equilibrium, each platform's share, welfare, and whether the market is
 * homogeneous or differentiated.
 */
import type { Market } from '../market/market.js';
import { analyzeMarket, type MarketAnalysis } from './analyzeMarket.js';

export interface OverviewRow {
  scenario: string;
  rule: string;
  platforms: number;
  analysis: MarketAnalysis;
}

export function overviewRows(markets: readonly Market[]): OverviewRow[] {
  return markets.map((market) => ({
    scenario: market.name,
    rule: market.choice.rule === 'softmax' ? `softmax τ=${market.choice.temperature.toFixed(2)}` : 'hardmax',
    platforms: market.numPlatforms,
    analysis: analyzeMarket(market, { maxGraphClasses: 0 }),
  }));
}
