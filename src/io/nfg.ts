/**
 * Export of a market's normal-form game in Gambit's `.nfg` payoff format,
 * so equilibria can be checked with Gambit's own solvers (for example
 * `gambit-enumpure`). Players are the platforms, strategies the models,
 * payoffs the market shares. As the format requires, the payoff list walks
 * all M^N profiles with the first player's strategy changing fastest.
 */
import { LimitError } from '../errors.js';
import type { Market } from '../market/market.js';
import { createPayoffScratch, writeShares } from '../game/profilePayoffs.js';

/** Profiles allowed in one export; the file grows by N numbers per profile. */
export const MAX_NFG_PROFILES = 5_000_000;

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Yields the `.nfg` text of the market's game in chunks of about 1 MB, so
 * games whose text exceeds the longest string Node.js can hold still
 * export. Rejects games over MAX_NFG_PROFILES up front.
 */
export function* nfgChunks(market: Market): Generator<string> {
  const M = market.numModels;
  const N = market.numPlatforms;
  const profiles = M ** N;
  if (profiles > MAX_NFG_PROFILES) {
    throw new LimitError(
      `the normal form of ${N} platforms over ${M} models has ${profiles.toExponential(2)} profiles, ` +
        `more than the ${MAX_NFG_PROFILES.toLocaleString('en-US')} genmarket exports: use fewer models or fewer platforms`,
    );
  }

  const players = market.platformNames.map(quote).join(' ');
  const strategies = market.platformNames.map(() => `{ ${market.modelNames.map(quote).join(' ')} }`).join(' ');
  yield `NFG 1 R ${quote(market.name)} { ${players} }\n{ ${strategies} }\n${quote('payoffs are market shares')}\n\n`;

  const profile = new Int32Array(N);
  const shares = new Float64Array(N);
  const scratch = createPayoffScratch(N);
  let chunk: string[] = [];
  let length = 0;
  for (let n = 0; n < profiles; n++) {
    writeShares(market, profile, shares, scratch);
    const line = Array.from(shares, (s) => String(s)).join(' ');
    chunk.push(line);
    length += line.length + 1;
    if (length > 1_000_000) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
      length = 0;
    }

    // First player fastest: increment like a little-endian counter.
    for (let i = 0; i < N; i++) {
      profile[i]++;
      if (profile[i] < M) break;
      profile[i] = 0;
    }
  }
  if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
}

/** Returns the `.nfg` text of a game small enough to hold in one string. */
export function toNfg(market: Market): string {
  return [...nfgChunks(market)].join('');
}
