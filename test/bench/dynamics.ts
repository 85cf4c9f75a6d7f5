/**
 * Best-response dynamics benchmarks on a random market of 50 models, 5
 * platforms and 30 types with one round-robin best response per round:
 * rounds per second with K = 1,000,000 users sampled per round by counts,
 * under hardmax and under Bradley–Terry softmax, and sampled user choices
 * per second in the per-user mode. Each figure is the best of several
 * runs, because other load on the machine only ever slows a run down.
 */
import { DynamicsEngine } from '../../src/dynamics/engine.js';
import { defaultDynamicsOptions, type DynamicsOptions } from '../../src/dynamics/options.js';
import type { ChoiceRule, Market } from '../../src/market/market.js';
import type { LogSettings } from '../../src/runlog/format.js';
import { playLogged } from '../../src/runlog/playLogged.js';
import type { RecordSink } from '../../src/runlog/recordSink.js';
import { Simulation, type RunSettings } from '../../src/simulation/simulation.js';
import { BRADLEY_TERRY, HARDMAX, randomMarket } from './randomMarket.js';
import { note, report } from './timing.js';

/** Problem size: M models, N platforms, T user types and K users per round. */
export const DYNAMICS_SIZE = 'M=50 N=5 T=30 K=1e6';
export const USERS_PER_ROUND = 1_000_000;

/** The run-log settings of `genmarket simulate` by default. */
export const DEFAULT_LOG_SETTINGS: LogSettings = { stride: 1000, checkpointEvery: 100_000 };

/** Returns the benchmark market and the options of a run on it with `users` users per round. */
export function dynamicsRun(
  choice: ChoiceRule,
  users = USERS_PER_ROUND,
  perUser = false,
): { market: Market; options: DynamicsOptions } {
  const market = randomMarket({ models: 50, platforms: 5, types: 30, choice, seed: 'dynamics-50x5x30' });
  const options = { ...defaultDynamicsOptions([0, 1, 2, 3, 4]), users, perUser, seed: 'bench' };
  return { market, options };
}

/** Settings that play every round: stopAtOutcome is off, so a converged run keeps going. */
export function playEveryRound(rounds: number): RunSettings {
  return { maxRounds: rounds, window: 1000, stopAtOutcome: false };
}

export interface RunTiming {
  roundsPerSecond: number;
  /** Fraction of rounds in which some platform switched model. */
  switchRate: number;
}

/**
 * Plays `rounds` rounds as `genmarket simulate` does, with every observer
 * and the run recorder writing to `sink`, and returns the speed.
 */
export async function timeSimulation(
  run: { market: Market; options: DynamicsOptions },
  rounds: number,
  sink: RecordSink,
): Promise<RunTiming> {
  const simulation = new Simulation(run.market, run.options, playEveryRound(rounds));
  let switches = 0;
  const start = process.hrtime.bigint();
  await playLogged(simulation, sink, DEFAULT_LOG_SETTINGS, { subscribers: [(event) => (switches += event.switches > 0 ? 1 : 0)] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { roundsPerSecond: rounds / seconds, switchRate: switches / rounds };
}

/** Returns the fastest of `repeats` timings of `measure`, after one untimed warm-up call. */
export async function bestOf(repeats: number, measure: () => Promise<RunTiming>): Promise<RunTiming> {
  await measure();
  let best: RunTiming | null = null;
  for (let r = 0; r < repeats; r++) {
    const timing = await measure();
    if (best === null || timing.roundsPerSecond > best.roundsPerSecond) best = timing;
  }
  return best!;
}

const NO_LOG: RecordSink = { write() {} };

function engineRoundsPerSecond(run: { market: Market; options: DynamicsOptions }, rounds: number): number {
  const engine = new DynamicsEngine(run.market, run.options);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) engine.step();
  return rounds / (Number(process.hrtime.bigint() - start) / 1e9);
}

function formatRate(perSecond: number, unit: string): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`;
}

function noteSwitchRate(timing: RunTiming): void {
  note(`a platform switched model in ${(timing.switchRate * 100).toFixed(0)}% of rounds`);
}

async function benchCounts(): Promise<void> {
  const hardmax = dynamicsRun(HARDMAX);
  engineRoundsPerSecond(hardmax, 50_000);
  let engine = 0;
  for (let r = 0; r < 5; r++) engine = Math.max(engine, engineRoundsPerSecond(hardmax, 200_000));
  report('engine alone, hardmax counts', DYNAMICS_SIZE, formatRate(engine, 'rounds/s'));

  const hard = await bestOf(5, () => timeSimulation(hardmax, 200_000, NO_LOG));
  const hardMet = hard.roundsPerSecond >= 100_000;
  report('simulate --no-log, hardmax counts', DYNAMICS_SIZE, formatRate(hard.roundsPerSecond, 'rounds/s'), '≥ 100,000 rounds/s', hardMet);
  noteSwitchRate(hard);

  // Bradley–Terry choice (τ = 400 / ln 10 on the Elo scale) settles at an
  // equilibrium, so the choice probabilities stay cached. At τ = 5 a platform
  // switches in almost every round and every switch recomputes them, the
  // costly case.
  for (const temperature of [400 / Math.LN10, 5]) {
    const softmax = dynamicsRun({ rule: 'softmax', temperature });
    const soft = await bestOf(5, () => timeSimulation(softmax, 100_000, NO_LOG));
    const size = `${DYNAMICS_SIZE} τ=${temperature.toFixed(1)}`;
    const softMet = soft.roundsPerSecond >= 30_000;
    report('simulate --no-log, softmax counts', size, formatRate(soft.roundsPerSecond, 'rounds/s'), '≥ 30,000 rounds/s', softMet);
    noteSwitchRate(soft);
  }
}

/** Sampled choices per second of the per-user mode: K users per round, each drawn one by one. */
async function benchPerUser(): Promise<void> {
  const cases = [
    { label: 'softmax', choice: BRADLEY_TERRY, size: `${DYNAMICS_SIZE} τ=173.7` },
    { label: 'hardmax', choice: HARDMAX, size: DYNAMICS_SIZE },
  ];
  for (const { label, choice, size } of cases) {
    const run = dynamicsRun(choice, USERS_PER_ROUND, true);
    const timing = await bestOf(3, () => timeSimulation(run, 10, NO_LOG));
    const choicesPerSecond = timing.roundsPerSecond * USERS_PER_ROUND;
    const figure = `${(choicesPerSecond / 1e6).toFixed(1)} M choices/s`;
    report(`simulate --per-user, ${label}`, size, figure, '≥ 20 M choices/s', choicesPerSecond >= 20e6);
  }
}

export async function benchDynamics(): Promise<void> {
  await benchCounts();
  await benchPerUser();
}
