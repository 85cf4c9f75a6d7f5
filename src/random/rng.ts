/**
 * The random number generator of a simulation run. Every run builds one
 * generator from its seed and passes it explicitly to everything that
 * draws, so a run is reproducible from the seed alone and its state can be
 * saved in a checkpoint and restored. Nothing in the simulator calls
 * Math.random.
 */
import seedrandom from 'seedrandom';

/** Internal state of the Alea generator, as returned by seedrandom 3.0.5. */
export type RngState = seedrandom.State.Alea;

export interface Rng {
  /** Returns a uniform draw from [0, 1) with 32 random bits. */
  next(): number;
  /** Returns a copy of the generator state, which JSON preserves exactly. */
  state(): RngState;
}

/**
 * Creates the generator of a run. Alea (seedrandom's `alea`) is used
 * because it costs about 6 ns per draw under Node 20, five times less
 * than seedrandom's default ARC4, and its state is four numbers.
 */
export function createRng(seed: string): Rng {
  return wrap(seedrandom.alea(seed, { state: true }));
}

/** Recreates a generator from a state saved by `Rng.state()`. */
export function restoreRng(state: RngState): Rng {
  return wrap(seedrandom.alea('', { state: { ...state } }));
}

function wrap(prng: seedrandom.StatefulPRNG<RngState>): Rng {
  return {
    next: prng,
    state: () => prng.state(),
  };
}

/** Returns a uniform integer in [0, n). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/**
 * Returns a standard normal draw by the Box–Muller transform, using one of
 * the pair so that no draw is cached between calls and the generator state
 * is the whole random state.
 */
export function standardNormal(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
