/**
 * Equilibrium enumeration benchmarks: the exact enumeration on the target
 * sizes, beside a brute-force check of M^N profiles on the same game.
 * Brute force over all 60^4 profiles would take hours, so it is timed on
 * a fixed random sample of profiles and extrapolated to M^N.
 */
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { DeviationEvaluator } from '../../src/game/bestResponse.js';
import { enumerateEquilibria } from '../../src/game/enumerateEquilibria.js';
import { multisetCount } from '../../src/game/multisets.js';
import { nfgChunks } from '../../src/io/nfg.js';
import { loadMarket } from '../../src/market/loadScenario.js';
import { withPlatformCount, type Market } from '../../src/market/market.js';
import { BRADLEY_TERRY, HARDMAX, randomMarket } from './randomMarket.js';
import { bestTime, note, report } from './timing.js';

const countClasses = (count: number) => `${count} equilibrium ${count === 1 ? 'class' : 'classes'}`;

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
      note(`${classes.toLocaleString('en-US')} classes, ${countClasses(result.length)}`);

      const perProfile = bruteForceSecondsPerProfile(market, 20_000);
      const bruteSeconds = perProfile * c.models ** c.platforms;
      report('  brute force, all M^N profiles', `${(c.models ** c.platforms).toLocaleString('en-US')} profiles`, `${bruteSeconds.toFixed(1)} s (est.)`);
      report('  speed-up over brute force', size, `${(bruteSeconds / seconds).toFixed(0)}×`);
    }
  }
}

/** Seconds gambit-enumpure takes on a 12-model, 4-platform game: the reference figure, not measured here. */
const GAMBIT_SECONDS = 1;

/**
 * Times genmarket on the game of the Gambit comparison: the bundled Arena
 * market (12 models, 9 user types) at 4 platforms, 20,736 profiles, where
 * Gambit's pure-strategy enumeration takes about 1 s. The target is 100
 * times faster. Gambit is not installed here, so only genmarket is timed:
 * the enumeration, and the `export-nfg` text of the same game for Gambit.
 */
export function benchGambit(): void {
  const target = GAMBIT_SECONDS / 100;
  for (const file of ['arena-top12-hardmax-3.json', 'arena-top12-softmax-3.json']) {
    const market = withPlatformCount(loadMarket(fileURLToPath(new URL(`../../../scenarios/${file}`, import.meta.url))), 4);
    const size = `M=${market.numModels} N=${market.numPlatforms} T=${market.numTypes} ${market.choice.rule}`;
    const { seconds, result } = bestTime(() => enumerateEquilibria(market), 50);
    report('enumeration, Arena market', size, `${(seconds * 1000).toFixed(2)} ms`, `< ${target * 1000} ms`, seconds < target);
    note(`${countClasses(result.length)}; ${(GAMBIT_SECONDS / seconds).toFixed(0)}× faster than the reference ${GAMBIT_SECONDS} s of gambit-enumpure, not measured here`);

    const nfg = bestTime(() => {
      let length = 0;
      for (const chunk of nfgChunks(market)) length += chunk.length;
      return length;
    }, 10);
    report('  export-nfg text (nfgChunks)', size, `${(nfg.seconds * 1000).toFixed(2)} ms`);
    note(`${(nfg.result / 1024).toFixed(0)} KiB of .nfg for ${(market.numModels ** market.numPlatforms).toLocaleString('en-US')} profiles`);
  }
}
