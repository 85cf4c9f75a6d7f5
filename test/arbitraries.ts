/**
 * fast-check arbitraries of small market games.
 */
import fc from 'fast-check';
import type { Market } from '../src/market/market.js';
import { makeMarket } from './helpers.js';

export interface GameShape {
  weights: number[];
  rewards: number[][];
  platforms: number;
}

/**
 * Small games with integer rewards from a few levels, so exact ties are
 * common, and positive integer weights.
 */
export function gameShape(limits: { maxModels?: number; maxTypes?: number; minPlatforms?: number; maxPlatforms?: number; levels?: number } = {}): fc.Arbitrary<GameShape> {
  const { maxModels = 4, maxTypes = 4, minPlatforms = 1, maxPlatforms = 4, levels = 4 } = limits;
  return fc
    .record({
      numModels: fc.integer({ min: 1, max: maxModels }),
      numTypes: fc.integer({ min: 1, max: maxTypes }),
      platforms: fc.integer({ min: minPlatforms, max: maxPlatforms }),
    })
    .chain(({ numModels, numTypes, platforms }) =>
      fc.record({
        weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: numTypes, maxLength: numTypes }),
        rewards: fc.array(fc.array(fc.integer({ min: 0, max: levels - 1 }), { minLength: numTypes, maxLength: numTypes }), {
          minLength: numModels,
          maxLength: numModels,
        }),
        platforms: fc.constant(platforms),
      }),
    );
}

export function hardmaxMarket(shape: GameShape): Market {
  return makeMarket(shape);
}
