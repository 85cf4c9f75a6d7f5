import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DynamicsEngine } from '../src/dynamics/engine.js';
import { revisionPassLength, type Schedule } from '../src/dynamics/options.js';
import { isNash } from '../src/game/bestResponse.js';
import { gameShape, hardmaxMarket } from './arbitraries.js';
import { dynamicsOptions, playRun } from './simulationHelpers.js';

const deterministicSchedules: Schedule[] = ['round-robin', 'simultaneous'];

/** Games, a starting profile and a deterministic schedule. */
const gameAndStart = gameShape({ maxModels: 4, maxTypes: 3, minPlatforms: 1, maxPlatforms: 3 }).chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    start: fc.array(fc.integer({ min: 0, max: shape.rewards.length - 1 }), {
      minLength: shape.platforms,
      maxLength: shape.platforms,
    }),
    schedule: fc.constantFrom(...deterministicSchedules),
  }),
);

/** More rounds than dynamic states (profiles times schedule positions), so every run is decided. */
function roundsToDecide(models: number, platforms: number): number {
  return 4 * platforms * models ** platforms + 10;
}

describe('deterministic dynamics properties', () => {
  it('converged profile is an equilibrium', async () => {
    await fc.assert(
      fc.asyncProperty(gameAndStart, async ({ shape, start, schedule }) => {
        const market = hardmaxMarket(shape);
        const maxRounds = roundsToDecide(market.numModels, market.numPlatforms);
        const { summary } = await playRun(market, { start, schedule }, { maxRounds });
        expect(summary.outcome).not.toBe('undecided');
        if (summary.outcome === 'converged') {
          expect(isNash(market, summary.finalProfileIndices)).toBe(true);
          expect(summary.convergence?.profile).toEqual(summary.finalProfile);
        } else {
          for (const profile of summary.cycle!.profiles) {
            expect(isNash(market, profile.map((name) => market.modelNames.indexOf(name)))).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stopping happens only at an equilibrium', async () => {
    await fc.assert(
      fc.asyncProperty(gameAndStart, async ({ shape, start, schedule }) => {
        const market = hardmaxMarket(shape);
        const engine = new DynamicsEngine(market, dynamicsOptions(market, { start, schedule }));
        const pass = revisionPassLength(schedule, market.numPlatforms);
        let unchanged = 0;
        for (let r = 0; r < roundsToDecide(market.numModels, market.numPlatforms); r++) {
          const event = engine.step();
          unchanged = event.changed ? 0 : unchanged + 1;
          // A whole revision pass that keeps every model is a rest point, which must be an equilibrium.
          if (unchanged >= pass) expect(isNash(market, event.profile)).toBe(true);
          // An equilibrium is never left, because best responses keep a model that is among the best.
          if (isNash(market, event.servedProfile)) expect(event.changed).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
