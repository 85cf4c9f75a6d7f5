/**
 * Best-response dynamics benchmarks: rounds per second of the engine
 * alone, of the round stream with every observer, and with a run log, on
 * a random 50-model, 5-platform, 30-type hardmax market with K = 1,000,000
 * users sampled per round and one round-robin best response per round.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicsEngine } from '../../src/dynamics/engine.js';
import { defaultDynamicsOptions, type DynamicsOptions } from '../../src/dynamics/options.js';
import type { Market } from '../../src/market/market.js';
import { playLogged } from '../../src/runlog/playLogged.js';
import { RunLogWriter } from '../../src/runlog/writer.js';
import { Simulation } from '../../src/simulation/simulation.js';
import { HARDMAX, randomMarket } from './randomMarket.js';
import { report } from './timing.js';

const TARGET_ROUNDS_PER_SECOND = 100_000;

function benchMarket(): { market: Market; options: DynamicsOptions } {
  const market = randomMarket({ models: 50, platforms: 5, types: 30, choice: HARDMAX, seed: 'dynamics-50x5x30' });
  const options = { ...defaultDynamicsOptions([0, 1, 2, 3, 4]), users: 1_000_000, seed: 'bench' };
  return { market, options };
}

function engineRoundsPerSecond(rounds: number): number {
  const { market, options } = benchMarket();
  const engine = new DynamicsEngine(market, options);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) engine.step();
  return rounds / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function streamRoundsPerSecond(rounds: number, logPath: string | null): Promise<number> {
  const { market, options } = benchMarket();
  // stopAtOutcome is off so the run plays every round after converging.
  const simulation = new Simulation(market, options, { maxRounds: rounds, window: 1000, stopAtOutcome: false });
  const writer = logPath === null ? null : RunLogWriter.create(logPath);
  const start = process.hrtime.bigint();
  await playLogged(simulation, writer ?? { write() {} }, { stride: 1000, checkpointEvery: 100_000 });
  await writer?.close();
  return rounds / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function benchDynamics(): Promise<void> {
  const size = '50 models, 5 platforms, 30 types';
  const rounds = 500_000;
  engineRoundsPerSecond(50_000);
  const target = `${TARGET_ROUNDS_PER_SECOND} rounds/s`;

  const engine = engineRoundsPerSecond(rounds);
  report('engine, K=1e6 hardmax round-robin', size, `${Math.round(engine)} rounds/s`, target, engine >= TARGET_ROUNDS_PER_SECOND);

  const stream = await streamRoundsPerSecond(rounds, null);
  report('stream + 5 observers, no log', size, `${Math.round(stream)} rounds/s`, target, stream >= TARGET_ROUNDS_PER_SECOND);

  const logPath = join(tmpdir(), `genmarket-bench-${process.pid}.ndjson`);
  try {
    const logged = await streamRoundsPerSecond(rounds, logPath);
    report('stream + observers + log stride 1000', size, `${Math.round(logged)} rounds/s`, target, logged >= TARGET_ROUNDS_PER_SECOND);
  } finally {
    rmSync(logPath, { force: true });
  }
}
