import { describe, expect, it } from 'vitest';
import { analyzeTask } from '../src/sweep/analyzeTask.js';
import { makeMarket } from './helpers.js';

describe('sweep analyze task', () => {
  it('summarises several equilibrium classes', () => {
    // Users split evenly between two niches; the compromise model C wins
    // neither. Two platforms have six equilibrium classes.
    const market = makeMarket({ weights: [1, 1], rewards: [[1, 0], [0, 1], [0.5, 0.5]], platforms: 2 });
    const result = analyzeTask(market, { tolerance: 1e-12, maxClasses: 1000 });
    expect(result.equilibria).toBe(6);
    expect(result.bestWelfare).toBeCloseTo(1, 12);
    expect(result.worstWelfare).toBeCloseTo(0.5, 12);
    expect(result.maxDistinctModels).toBe(2);
    expect(result.minDistinctModels).toBe(1);
  });
});
