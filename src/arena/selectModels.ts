/**
 * Choice of the leaderboard models that enter a scenario. A model needs a
 * rating in every chosen category, unless gap filling is on: then a missing
 * category rating is replaced by the model's `full` rating and interval.
 */
import { InputError } from '../errors.js';
import type { Leaderboard, Rating } from './leaderboard.js';

/** The category that rates models over all prompts, by which top:N ranks them. */
export const OVERALL_CATEGORY = 'full';

/** The first N models by overall rating, or models named one by one. */
export type ModelSpec = { kind: 'top'; count: number } | { kind: 'list'; names: string[] };

/** A model's rating that came from the `full` category because its own category had none. */
export interface FilledGap {
  model: string;
  category: string;
}

export interface SelectedModel {
  name: string;
  /** Rating in each chosen category, in the order of the categories. */
  ratings: Rating[];
}

export interface ModelSelection {
  models: SelectedModel[];
  filledGaps: FilledGap[];
  /** Number of models that qualified before the top:N cut or the named list. */
  eligibleCount: number;
}

/**
 * Parses a `--models` value: `top:N` with a whole N ≥ 1, or a
 * comma-separated list of model names. Raises InputError on anything else.
 */
export function parseModelSpec(text: string): ModelSpec {
  const top = /^top:(\d+)$/.exec(text.trim());
  if (top) {
    const count = Number(top[1]);
    if (count < 1) throw new InputError(`N must be at least 1 in ${text}`);
    return { kind: 'top', count };
  }
  if (text.trim().startsWith('top:')) {
    throw new InputError(`expected top:N with a whole number N, such as top:12, got ${text}`);
  }
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) {
    throw new InputError(`a model name is empty in ${text}. Separate names with single commas`);
  }
  return { kind: 'list', names };
}

/** Returns every chosen category that the leaderboard lacks. */
export function missingCategories(leaderboard: Leaderboard, categories: readonly string[]): string[] {
  return categories.filter((c) => !Object.hasOwn(leaderboard, c));
}

function allModels(leaderboard: Leaderboard): string[] {
  const names = new Set<string>();
  for (const models of Object.values(leaderboard)) for (const m of Object.keys(models)) names.add(m);
  return [...names];
}

function unratedCategories(leaderboard: Leaderboard, model: string, categories: readonly string[]): string[] {
  return categories.filter((c) => !Object.hasOwn(leaderboard[c], model));
}

/**
 * Selects models for the given categories, which must all exist in the
 * leaderboard. top:N ranks qualifying models by `full` rating, highest
 * first, and breaks ties by name. A named list keeps its order. Raises
 * InputError for unknown or repeated names, for models with unrated
 * categories when gap filling is off, and when fewer than N models qualify.
 */
export function selectModels(
  leaderboard: Leaderboard,
  categories: readonly string[],
  spec: ModelSpec,
  fillGaps: boolean,
): ModelSelection {
  const overall = leaderboard[OVERALL_CATEGORY] as Record<string, Rating> | undefined;
  if (fillGaps && !overall) {
    throw new InputError(`gap filling uses the "${OVERALL_CATEGORY}" category, which the leaderboard lacks`);
  }
  const qualifies = (model: string): boolean =>
    fillGaps ? Object.hasOwn(overall!, model) : unratedCategories(leaderboard, model, categories).length === 0;
  const eligible = allModels(leaderboard).filter(qualifies);

  let names: string[];
  if (spec.kind === 'top') {
    if (!overall) {
      throw new InputError(
        `top:N ranks models by the "${OVERALL_CATEGORY}" category, which the leaderboard lacks: name the models instead`,
      );
    }
    const ranked = eligible
      .filter((m) => Object.hasOwn(overall, m))
      .sort((a, b) => overall[b].rating - overall[a].rating || (a < b ? -1 : a > b ? 1 : 0));
    if (ranked.length < spec.count) {
      const rule = fillGaps ? `have a "${OVERALL_CATEGORY}" rating` : `are rated in every chosen category (${categories.join(', ')})`;
      throw new InputError(
        `--models top:${spec.count}: only ${ranked.length} models ${rule}: ask for at most ${ranked.length}` +
          (fillGaps ? '' : ', choose fewer categories, or pass --fill-gaps'),
      );
    }
    names = ranked.slice(0, spec.count);
  } else {
    names = spec.names;
    validateNamedModels(leaderboard, categories, names, fillGaps, qualifies);
  }

  const filledGaps: FilledGap[] = [];
  const models = names.map((name) => ({
    name,
    ratings: categories.map((category) => {
      const own = leaderboard[category][name] as Rating | undefined;
      if (own) return own;
      filledGaps.push({ model: name, category });
      return overall![name];
    }),
  }));
  return { models, filledGaps, eligibleCount: eligible.length };
}

function validateNamedModels(
  leaderboard: Leaderboard,
  categories: readonly string[],
  names: readonly string[],
  fillGaps: boolean,
  qualifies: (model: string) => boolean,
): void {
  const known = new Set(allModels(leaderboard));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InputError(`--models: "${name}" is listed twice`);
    seen.add(name);
    if (!known.has(name)) {
      throw new InputError(`--models: "${name}" is not a model of the leaderboard: check the spelling`);
    }
    if (qualifies(name)) continue;
    if (fillGaps) {
      throw new InputError(`--models: "${name}" has no "${OVERALL_CATEGORY}" rating to fill its missing categories`);
    }
    const gaps = unratedCategories(leaderboard, name, categories);
    throw new InputError(
      `--models: "${name}" has no rating in ${gaps.join(', ')}: drop the model, choose other categories, ` +
        `or pass --fill-gaps to use its "${OVERALL_CATEGORY}" rating there`,
    );
  }
}
