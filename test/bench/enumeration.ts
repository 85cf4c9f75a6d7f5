/**
 * Equilibrium enumeration benchmarks: the exact enumeration on the target
 * sizes, beside a brute-force check of M^N profiles on the same game.
 * Brute force over all 60^4 profiles would take hours, so it is timed on
 * a fixed random sample of profiles and extrapolated to M^N.
 */
import seedrandom from 'seedrandom';
import { DeviationEvaluator } from '../../src/game/bestResponse.js';
import { enumerateEquilibria } from '../../src/game/enumerateEquilibria.js';
import { multisetCount } from '../../src/game/multisets.js';
import type { Market } from '../../src/market/market.js';
import { BRADLEY_TERRY, HARDMAX, randomMarket } from './randomMarket.js';
import { bestTime, report } from './timing.js';

/** Seconds per profile of checking every unilateral deviation, from a sample. */
function bruteForceSecondsPerProfile(market: Market, samples: number): number {
  const random = seedrandom('brute-force-sample');
  const evaluator = new DeviationEvaluator(market);
  const profile = new Int32Array(market.numPlatforms);
  const start = process.hrtime.bigint();
  let equilibria = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < profile.length; i++) profile[i] = Math.floor(random() * market.numModels);
    if (evaluator.isNash(profile)) equilibria++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (equilibria < 0) throw new Error('unreachable');
  return seconds / samples;
}

export function benchEnumeration(): void {
  const cases = [
    { models: 60, platforms: 4, types: 30, target: 0.3 },
    { models: 200, platforms: 3, types: 30, target: 0.6 },
  ];
  for (const c of cases) {
    for (const choice of [HARDMAX, BRADLEY_TERRY]) {
      const market = randomMarket({ ...c, choice, seed: `enumeration-${c.models}-${c.platforms}` });
      const { seconds, result } = bestTime(() => enumerateEquilibria(market), 5);
      const classes = multisetCount(c.models, c.platforms);
      const size = `M=${c.models} N=${c.platforms} T=${c.types} ${choice.rule}`;
      report('enumeration', size, `${seconds.toFixed(3)} s`, `< ${c.target} s`, seconds < c.target);
      process.stdout.write(`${''.padEnd(35)}${classes.toLocaleString('en-US')} classes, ${result.length} equilibrium classes\n`);

      const perProfile = bruteForceSecondsPerProfile(market, 20_000);
      const bruteSeconds = perProfile * c.models ** c.platforms;
      report('  brute force, all M^N profiles', `${(c.models ** c.platforms).toLocaleString('en-US')} profiles`, `${bruteSeconds.toFixed(1)} s (est.)`);
      report('  speed-up over brute force', size, `${(bruteSeconds / seconds).toFixed(0)}×`);
    }
  }
}

/**
 * The game size on which Gambit's gambit-enumpure takes about 1 s: 12
 * models and 4 platforms (20,736 profiles). Gambit does not install from
 * this project's registries, so its time is the reference figure, and the
 * target is 100 times faster; `genmarket export-nfg` writes the same game
 * for a side-by-side run where Gambit is available.
 */
export function benchGambitSize(): void {
  const GAMBIT_SECONDS = 1;
  for (const choice of [HARDMAX, BRADLEY_TERRY]) {
    const market = randomMarket({ models: 12, platforms: 4, types: 30, choice, seed: 'gambit-size' });
    const { seconds } = bestTime(() => enumerateEquilibria(market), 20);
    const target = GAMBIT_SECONDS / 100;
    report('enumeration, Gambit-sized game', `M=12 N=4 T=30 ${choice.rule}`, `${(seconds * 1000).toFixed(2)} ms`, `< ${target * 1000} ms`, seconds < target);
  }
}
