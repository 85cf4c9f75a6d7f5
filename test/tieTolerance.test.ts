import { describe, expect, it } from 'vitest';
import { analyzeMarket } from '../src/analysis/analyzeMarket.js';
import { pairwiseAdvantage } from '../src/game/niche.js';
import { writeShares } from '../src/game/profilePayoffs.js';
import { makeMarket } from './helpers.js';

describe('tie tolerance', () => {
  // 1.0 − 0.3 is 0.7 in floating point, but 1.0 − 0.7 is 0.30000000000000004.
  const market = makeMarket({
    weights: [0.6, 0.4],
    rewards: [
      [1.0, 0],
      [0.7, 1],
    ],
    platforms: 2,
    choice: { rule: 'hardmax', tieTolerance: 0.3 },
  });

  it('niches agree with the choice rule', () => {
    const shares = new Float64Array(2);
    writeShares(market, [0, 1], shares);
    expect(pairwiseAdvantage(market, 0, 1)).toBeCloseTo(shares[0], 12);
    expect(shares[0]).toBeCloseTo(0.3, 12);
  });

  it('homogeneous condition matches the equilibria', () => {
    const analysis = analyzeMarket(market);
    expect(analysis.equilibria.map((e) => e.profile)).toEqual([['m1', 'm1']]);
    const holds = analysis.homogeneousCondition!.map((c) => [c.model, c.holds]);
    expect(holds).toEqual([
      ['m0', false],
      ['m1', true],
    ]);
  });

  it('omits the pairwise matrix with an outside option', () => {
    const withOutside = makeMarket({ weights: [1, 1], rewards: [[3, 0], [0, 3]], platforms: 2, outside: [1, 5] });
    expect(analyzeMarket(withOutside).pairwiseAdvantage).toBeNull();
  });
});
