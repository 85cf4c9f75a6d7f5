/**
 * Brute-force reference: walks all M^N profiles and checks every unilateral
 * deviation by recomputing shares from the choice rule. It shares no code
 * with the fast enumeration beyond `writeShares`, so the two can check each
 * other. Cost: O(M^N · N · M · N · T); for tests and benchmarks only.
 */
import type { Market } from '../market/market.js';
import { DEFAULT_NASH_TOLERANCE } from './bestResponse.js';
import { createPayoffScratch, writeShares } from './profilePayoffs.js';

/** Calls `visit` with every profile in {0..M−1}^N; the array is reused. */
export function forEachProfile(numModels: number, numPlatforms: number, visit: (profile: Int32Array) => void): void {
  const profile = new Int32Array(numPlatforms);
  for (;;) {
    visit(profile);
    let p = numPlatforms - 1;
    while (p >= 0 && profile[p] === numModels - 1) {
      profile[p] = 0;
      p--;
    }
    if (p < 0) return;
    profile[p]++;
  }
}

/** Returns every pure Nash equilibrium profile (not classes) by brute force. */
export function bruteForceEquilibria(market: Market, tolerance = DEFAULT_NASH_TOLERANCE): Int32Array[] {
  const N = market.numPlatforms;
  const M = market.numModels;
  const shares = new Float64Array(N);
  const deviated = new Float64Array(N);
  const scratch = createPayoffScratch(N);
  const equilibria: Int32Array[] = [];

  forEachProfile(M, N, (profile) => {
    writeShares(market, profile, shares, scratch);
    const trial = profile.slice();
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < M; k++) {
        if (k === profile[i]) continue;
        trial[i] = k;
        writeShares(market, trial, deviated, scratch);
        if (deviated[i] > shares[i] + tolerance) return;
      }
      trial[i] = profile[i];
    }
    equilibria.push(profile.slice());
  });
  return equilibria;
}
