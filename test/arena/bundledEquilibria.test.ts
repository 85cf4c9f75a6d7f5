/**
 * The bundled LMArena scenarios' equilibria, checked against brute force
 * over every profile, which shares no code with the enumeration beyond the
 * share computation.
 */
import { describe, expect, it } from 'vitest';
import { bruteForceEquilibria } from '../../src/game/bruteForce.js';
import { enumerateEquilibria } from '../../src/game/enumerateEquilibria.js';
import { loadMarket } from '../../src/market/loadScenario.js';
import { classKeys } from '../helpers.js';

describe('bundled Arena equilibria', () => {
  for (const rule of ['hardmax', 'softmax']) {
    for (const platforms of [2, 3]) {
      it(`${rule} with ${platforms} platforms matches brute force`, () => {
        const market = loadMarket(`scenarios/arena-top12-${rule}-${platforms}.json`);
        const fast = [...classKeys(enumerateEquilibria(market).map((e) => e.profile))].sort();
        const brute = [...classKeys(bruteForceEquilibria(market))].sort();
        expect(fast).toEqual(brute);
        expect(fast.length).toBeGreaterThan(0);
      });
    }
  }

  it('hardmax with 5 platforms deploys two models', () => {
    const market = loadMarket('scenarios/arena-top12-hardmax-5.json');
    const [equilibrium, ...rest] = enumerateEquilibria(market);
    expect(rest).toEqual([]);
    const names = Array.from(equilibrium.profile, (j) => market.modelNames[j]);
    expect(names).toEqual([
      'gemini-3-pro',
      'gemini-3-pro',
      'gemini-3-pro',
      'claude-opus-4-5-20251101-thinking-32k',
      'claude-opus-4-5-20251101-thinking-32k',
    ]);
  });
});
