import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

describe('overview --json', () => {
  it('pairs equilibria with simulated dynamics', () => {
    const result = runCli(['overview', 'scenarios/two-niches.json', 'scenarios/condorcet-cycle.json', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [niches, condorcet] = JSON.parse(result.stdout);

    expect(niches.equilibria.map((e: { profile: string[] }) => e.profile)).toEqual([['m1', 'm1', 'm1', 'm2']]);
    expect(niches.simulation.outcome).toBe('converged');
    expect([...niches.simulation.finalProfile].sort()).toEqual(['m1', 'm1', 'm1', 'm2']);

    expect(condorcet.equilibria).toEqual([]);
    expect(condorcet.simulation.outcome).toBe('cycle');
    expect(condorcet.simulation.cyclePeriod).toBe(6);
  });

  it('defaults to the Arena market', () => {
    const result = runCli(['overview', '--json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows.map((r: { platforms: number }) => r.platforms)).toEqual([2, 3, 5, 2, 3, 5]);
    for (const row of rows) expect(row.simulation.outcome).toBe('converged');
  });
});
