import { describe, expect, it } from 'vitest';
import { mean, standardDeviation } from 'simple-statistics';
import { profilePayoffs } from '../src/game/profilePayoffs.js';
import { loadMarket } from '../src/market/loadScenario.js';
import { TrajectoryObserver } from '../src/observers/trajectory.js';
import { Simulation } from '../src/simulation/simulation.js';
import { buildSummary } from '../src/simulation/summary.js';
import { makeMarket } from './helpers.js';
import { dynamicsOptions } from './simulationHelpers.js';

const market = makeMarket({
  weights: [2, 3, 1, 4],
  rewards: [
    [5, 1, 3, 2],
    [2, 4, 1, 3],
    [3, 3, 3, 3],
    [1, 2, 5, 4],
  ],
  outside: [2, 0, 0, 1],
  platforms: 3,
});

/** Plays a noisy run with exact expectations and records every served profile. */
async function playRecorded(rounds: number) {
  const simulation = new Simulation(market, dynamicsOptions(market, { schedule: 'random', response: 'logit', responseTemperature: 0.1, seed: 'observers' }), {
    maxRounds: rounds,
    window: 10_000,
    stopAtOutcome: true,
  });
  const served: number[][] = [];
  const stop = await simulation.run({ subscribers: [(e) => served.push(Array.from(e.servedProfile))] });
  return { simulation, served, summary: buildSummary(simulation, stop) };
}

describe('observers', () => {
  it('agree with the exact payoffs under infinitely many users', async () => {
    const rounds = 3_000;
    const { summary, served } = await playRecorded(rounds);
    const exact = served.map((p) => profilePayoffs(market, p));
    const welfare = exact.map((e) => e.welfare);

    expect(summary.rounds).toBe(rounds);
    expect(summary.welfare!.count).toBe(rounds);
    expect(summary.welfare!.mean).toBeCloseTo(mean(welfare), 10);
    expect(summary.welfare!.sd).toBeCloseTo(standardDeviation(welfare), 10);
    expect(summary.welfare!.min).toBe(Math.min(...welfare));
    expect(summary.welfare!.max).toBe(Math.max(...welfare));
    expect(summary.welfare!.final).toBe(welfare.at(-1));
    for (let i = 0; i < 3; i++) {
      expect(summary.meanShares[i]).toBeCloseTo(mean(exact.map((e) => e.shares[i])), 10);
      expect(summary.shares[i]).toBe(exact.at(-1)!.shares[i]);
    }
    const final = profilePayoffs(market, summary.finalProfileIndices);
    expect(summary.expectedWelfare).toBe(final.welfare);
  });

  it('count every round at some profile', async () => {
    const rounds = 2_000;
    const { simulation, served } = await playRecorded(rounds);
    const result = simulation.profileTime.result();
    const counted = result.top.reduce((s, p) => s + p.rounds, 0);
    const distinct = new Set(served.map((p) => p.join(','))).size;
    expect(result.distinctProfiles).toBe(distinct);
    if (distinct <= 20) expect(counted).toBe(rounds);
    const first = result.top[0];
    expect(served.filter((p) => p.join(',') === first.profile.join(',')).length).toBe(first.rounds);
  });

  it('compute diversity as defined', async () => {
    const { simulation, served } = await playRecorded(500);
    let herfindahl = 0;
    let entropy = 0;
    let distinct = 0;
    for (const profile of served) {
      const { shares } = profilePayoffs(market, profile);
      const total = shares.reduce((s, x) => s + x, 0);
      herfindahl += shares.reduce((s, x) => s + (x / total) ** 2, 0);
      const byModel = new Map<number, number>();
      profile.forEach((m, i) => byModel.set(m, (byModel.get(m) ?? 0) + shares[i] / total));
      entropy -= [...byModel.values()].reduce((s, q) => s + (q > 0 ? q * Math.log(q) : 0), 0);
      distinct += byModel.size;
    }
    const result = simulation.diversity.result();
    expect(result.mean!.herfindahl).toBeCloseTo(herfindahl / served.length, 10);
    expect(result.mean!.modelEntropy).toBeCloseTo(entropy / served.length, 10);
    expect(result.mean!.distinctModels).toBeCloseTo(distinct / served.length, 10);
  });

  it('downsample trajectories with flat memory', () => {
    const observer = new TrajectoryObserver(2, 8);
    const shares = new Float64Array(2);
    const welfare: number[] = [];
    for (let round = 1; round <= 1_000; round++) {
      shares[0] = round / 1_000;
      shares[1] = 1 - shares[0];
      welfare.push(Math.sin(round));
      observer.observe({ round, shares, welfare: Math.sin(round) } as never);
    }
    const { trajectory } = observer.result();
    expect(trajectory.rounds.length).toBeLessThanOrEqual(9);
    expect(trajectory.stride).toBe(128);
    // Full points cover `stride` rounds; their averages match the raw rounds.
    for (let p = 0; p < trajectory.rounds.length - 1; p++) {
      const end = trajectory.rounds[p];
      const slice = welfare.slice(end - trajectory.stride, end);
      expect(trajectory.welfare[p]).toBeCloseTo(mean(slice), 10);
    }
  });

  it('restore to the same findings', async () => {
    const { simulation } = await playRecorded(700);
    const copy = new Simulation(market, simulation.options, simulation.settings);
    copy.restore(JSON.parse(JSON.stringify(simulation.checkpoint())));
    expect(buildSummary(copy, 'max-rounds')).toEqual(buildSummary(simulation, 'max-rounds'));
  });

  it('report the Condorcet scenario without equilibria', async () => {
    const condorcet = loadMarket('scenarios/condorcet-cycle.json');
    const simulation = new Simulation(condorcet, dynamicsOptions(condorcet, { schedule: 'random' }), {
      maxRounds: 1_000,
      window: 10,
      stopAtOutcome: true,
    });
    const stop = await simulation.run();
    const summary = buildSummary(simulation, stop);
    expect(summary.equilibriumTime).toEqual([]);
    expect(summary.outcome).toBe('undecided');
  });
});
