/**
 * Selecting a sub-pool of a market's models: by name, or the top N by
 * π-weighted average reward.
 */
import { InputError } from '../errors.js';
import { averageRewards, type Market } from './market.js';

/**
 * Returns the indices of the named models, in the order given. Raises
 * InputError naming `label` for an unknown or repeated name, or an empty list.
 */
export function resolveModelNames(market: Market, names: readonly string[], label: string): number[] {
  if (names.length === 0) throw new InputError(`${label} is empty: name at least one model`);
  const index = new Map(market.modelNames.map((name, j) => [name, j]));
  const seen = new Set<number>();
  const indices: number[] = [];
  for (const name of names) {
    const j = index.get(name);
    if (j === undefined) {
      throw new InputError(
        `${label}: "${name}" is not a model of scenario ${market.name}; known models: ${market.modelNames.join(', ')}`,
      );
    }
    if (seen.has(j)) throw new InputError(`${label}: "${name}" is listed twice`);
    seen.add(j);
    indices.push(j);
  }
  return indices;
}

/**
 * Returns the indices of the `count` models with the highest average
 * reward, in scenario order. Equal averages keep scenario order, so the
 * earlier model wins a tie for the last place.
 */
export function topModelsByAverage(market: Market, count: number): number[] {
  if (!Number.isInteger(count) || count < 1 || count > market.numModels) {
    throw new InputError(`top:${count} needs a whole number from 1 to ${market.numModels}, the number of models`);
  }
  const averages = averageRewards(market);
  const ranked = Array.from({ length: market.numModels }, (_, j) => j).sort(
    (a, b) => averages[b] - averages[a] || a - b,
  );
  return ranked.slice(0, count).sort((a, b) => a - b);
}

/** Parses a comma-separated list of names, dropping blanks around commas. */
export function splitNameList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
