/** Text rendering of a run summary for the terminal. */
import type { RunSummary } from '../../simulation/summary.js';

function number(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

function profileText(platforms: string[], models: string[]): string {
  return models.map((m, i) => `${platforms[i]}=${m}`).join(', ');
}

function sharesText(platforms: string[], shares: number[]): string {
  return shares.map((s, i) => `${platforms[i]} ${s.toFixed(4)}`).join(', ');
}

function outcomeText(summary: RunSummary): string {
  if (summary.outcome === 'converged' && summary.convergence) {
    return `converged to a pure Nash equilibrium (detected at round ${summary.convergence.round})`;
  }
  if (summary.outcome === 'cycle' && summary.cycle) {
    const { period, profiles, round, truncated } = summary.cycle;
    const count = truncated ? `more than ${profiles.length}` : String(profiles.length);
    return `cycle of period ${period} rounds through ${count} profiles (proven at round ${round})`;
  }
  return summary.deterministic ? 'undecided: no equilibrium or cycle reached yet' : 'undecided: no equilibrium held for the window';
}

const STOP_TEXT: Record<RunSummary['stopReason'], string> = {
  converged: 'converged',
  cycle: 'cycle proven',
  'max-rounds': 'reached --rounds',
  interrupted: 'interrupted',
  'log-error': 'run log write failed',
  error: 'error',
};

/** Returns the summary as lines of text. */
export function renderSummary(summary: RunSummary, logPath: string | null): string {
  const { platforms } = summary;
  const lines = [
    `Outcome: ${outcomeText(summary)}`,
    `Stopped: ${STOP_TEXT[summary.stopReason]} after ${summary.rounds} rounds ` +
      `(seed ${summary.seed}, ${summary.deterministic ? 'deterministic' : 'stochastic'} dynamics)`,
    `Final profile: ${profileText(platforms, summary.finalProfile)}`,
    `Shares of the final profile (exact under π): ${sharesText(platforms, summary.expectedShares)}`,
    `Shares realised in the last round: ${sharesText(platforms, summary.shares)}`,
  ];
  if (summary.welfare) {
    const w = summary.welfare;
    lines.push(
      `Welfare per round: final ${number(w.final)}, mean ${number(w.mean)}, sd ${number(w.sd)}, ` +
        `min ${number(w.min)}, max ${number(w.max)} (exact for the final profile: ${number(summary.expectedWelfare)})`,
    );
  }
  if (summary.cycle) {
    lines.push('Cycle:');
    summary.cycle.profiles.slice(0, 20).forEach((p, i) => lines.push(`  ${i + 1}. ${profileText(platforms, p)}`));
    if (summary.cycle.profiles.length > 20) lines.push(`  ... ${summary.cycle.profiles.length - 20} more`);
  }
  if (!summary.deterministic && summary.equilibriumTime.length > 0) {
    lines.push('Rounds at each pure Nash equilibrium visited:');
    for (const e of summary.equilibriumTime.slice(0, 10)) lines.push(`  ${e.rounds} rounds: ${profileText(platforms, e.profile)}`);
  }
  if (!summary.deterministic && summary.recurrentProfiles.length > 0) {
    lines.push(`Recurrent profiles (of ${summary.distinctProfiles} visited):`);
    for (const p of summary.recurrentProfiles.slice(0, 10)) {
      lines.push(`  ${p.rounds} rounds in ${p.visits} visits: ${profileText(platforms, p.profile)}`);
    }
  }
  const mean = summary.diversity.mean;
  if (mean) {
    lines.push(
      `Diversity (mean over rounds): distinct models ${number(mean.distinctModels)}, ` +
        `Herfindahl ${number(mean.herfindahl)}, model entropy ${number(mean.modelEntropy)} nats`,
    );
  }
  lines.push(`Run log: ${logPath ?? 'none (--no-log)'}`);
  return lines.join('\n') + '\n';
}
