/**
 * Seeded standard normal draws for Monte Carlo estimates. Every estimate
 * with the same settings reuses the same draws (common random numbers), so
 * estimates for different models and parameters are compared on the same
 * noise and gradient steps see a deterministic sample-average objective.
 */
import seedrandom from 'seedrandom';

/** Number of draws and seed of a Monte Carlo estimate. */
export interface MonteCarloSettings {
  samples: number;
  seed: string;
}

export const DEFAULT_MONTE_CARLO: MonteCarloSettings = { samples: 4096, seed: 'genmarket' };

/** `samples` independent N(0, I_d) draws, row-major: values[s * d + i]. */
export interface NormalBank {
  samples: number;
  dimension: number;
  values: Float64Array;
}

/** Draws the bank of standard normals for `settings` by the Box–Muller transform. */
export function createNormalBank(settings: MonteCarloSettings, dimension: number): NormalBank {
  const rng = seedrandom(settings.seed);
  const count = settings.samples * dimension;
  const values = new Float64Array(count);
  for (let n = 0; n < count; n += 2) {
    // 1 − rng() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    values[n] = radius * Math.cos(angle);
    if (n + 1 < count) values[n + 1] = radius * Math.sin(angle);
  }
  return { samples: settings.samples, dimension, values };
}
