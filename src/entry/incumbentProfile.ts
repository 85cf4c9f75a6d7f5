/**
 * The profile a* of the incumbent market that the entrant faces: a profile
 * given by model names, or the first pure Nash equilibrium class.
 */
import { InputError } from '../errors.js';
import { isNash } from '../game/bestResponse.js';
import { enumerateEquilibria } from '../game/enumerateEquilibria.js';
import type { Market } from '../market/market.js';

export interface IncumbentProfile {
  profile: Int32Array;
  isEquilibrium: boolean;
}

/**
 * Returns the profile named by `modelNames` (one per platform), or, when
 * none is given, the first pure equilibrium class in lexicographic order of
 * model indices. Raises InputError for unknown names, a wrong count, or a
 * market without pure equilibria.
 */
export function resolveIncumbentProfile(
  market: Market,
  modelNames?: readonly string[],
  maxClasses?: number,
): IncumbentProfile {
  if (modelNames !== undefined) {
    if (modelNames.length !== market.numPlatforms) {
      throw new InputError(
        `--profile names ${modelNames.length} models but the scenario has ${market.numPlatforms} platforms: give one model per platform`,
      );
    }
    const profile = Int32Array.from(modelNames, (name) => {
      const index = market.modelNames.indexOf(name);
      if (index < 0) {
        throw new InputError(`--profile: "${name}" is not a model of this scenario: use one of ${market.modelNames.join(', ')}`);
      }
      return index;
    });
    return { profile, isEquilibrium: isNash(market, profile) };
  }

  const classes = enumerateEquilibria(market, { maxClasses });
  if (classes.length === 0) {
    throw new InputError(
      `${market.name} has no pure Nash equilibrium to enter: pass --profile to start from a given profile`,
    );
  }
  return { profile: Int32Array.from(classes[0].profile), isEquilibrium: true };
}
