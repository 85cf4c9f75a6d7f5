/**
 * Vega-Lite specs of a run log: the market-share race, the deployed model
 * of each platform over rounds, and welfare with its reference lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ProfileChange, RunLogSeries, RunRound } from './runLogSeries.js';
import type { ReferenceWelfare } from './scenarioAnalysis.js';

/** Rounds drawn per line chart; longer runs are thinned evenly, keeping the first and last round. */
export const MAX_PLOTTED_ROUNDS = 1000;

const WIDTH = 640;
const HEIGHT = 280;

/** Keeps at most `max` rounds, evenly spaced, always with the first and the last. */
export function thinRounds(rounds: readonly RunRound[], max = MAX_PLOTTED_ROUNDS): RunRound[] {
  if (rounds.length <= max) return [...rounds];
  const thinned: RunRound[] = [];
  for (let n = 0; n < max; n++) thinned.push(rounds[Math.round((n * (rounds.length - 1)) / (max - 1))]);
  return thinned;
}

export interface ShareRow {
  round: number;
  platform: string;
  model: string;
  share: number;
}

/** Returns one row per round and platform. */
export function shareRows(series: RunLogSeries, rounds: readonly RunRound[]): ShareRow[] {
  return rounds.flatMap((r) =>
    r.shares.map((share, i) => ({ round: r.round, platform: series.platformNames[i], model: r.profile[i], share })),
  );
}

export interface ProfileSegment {
  platform: string;
  model: string;
  /** First round of the segment and the round after its last one. */
  start: number;
  end: number;
}

/** Segments drawn in the deployed-model chart; runs that switch more often are drawn at sampled rounds. */
export const MAX_PROFILE_SEGMENTS = 5000;

/**
 * Returns the profile serving in `count` evenly spaced rounds from 1 to
 * the last round, each as a change that lasts until the next sample.
 */
export function sampleProfiles(series: RunLogSeries, count = MAX_PLOTTED_ROUNDS): ProfileChange[] {
  const samples: ProfileChange[] = [];
  const changes = series.profileChanges;
  let k = 0;
  const total = Math.min(count, series.lastRound);
  for (let n = 0; n < total; n++) {
    const round = total === 1 ? 1 : 1 + Math.round((n * (series.lastRound - 1)) / (total - 1));
    while (k + 1 < changes.length && changes[k + 1].round <= round) k++;
    samples.push({ round, profile: changes[k].profile });
  }
  return samples;
}

/**
 * Merges consecutive changes in which a platform keeps its model into one
 * segment. Each change lasts until the next one, and the last until the
 * end of the last round.
 */
export function profileSegments(series: RunLogSeries, changes: readonly ProfileChange[] = series.profileChanges): ProfileSegment[] {
  const segments: ProfileSegment[] = [];
  series.platformNames.forEach((platform, i) => {
    let current: ProfileSegment | null = null;
    changes.forEach((change, k) => {
      const end = k + 1 < changes.length ? changes[k + 1].round : series.lastRound + 1;
      if (current && current.model === change.profile[i]) {
        current.end = end;
        return;
      }
      current = { platform, model: change.profile[i], start: change.round, end };
      segments.push(current);
    });
  });
  return segments;
}

/**
 * Returns the line mark of the share and welfare charts. With a round
 * record in every round the values hold until the next round, so the line
 * steps. Sparser records are joined by straight lines with a point at
 * each logged round, since the values between them are unknown.
 */
function lineMark(series: RunLogSeries, color?: string) {
  const colorProperty = color === undefined ? {} : { color };
  if (series.logStride === 1) return { type: 'line' as const, interpolate: 'step-after' as const, ...colorProperty };
  return { type: 'line' as const, point: true, ...colorProperty };
}

export function shareSpec(series: RunLogSeries, rows: ShareRow[]): TopLevelSpec {
  return {
    title: { text: `Market shares by round: ${series.scenarioName}`, subtitle: subtitle(series) },
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    mark: lineMark(series),
    encoding: {
      x: { field: 'round', type: 'quantitative', title: 'round' },
      y: { field: 'share', type: 'quantitative', title: 'market share', scale: { domain: [0, 1] } },
      color: { field: 'platform', type: 'nominal', title: 'platform', sort: series.platformNames },
    },
  };
}

export function profileSpec(series: RunLogSeries, segments: ProfileSegment[]): TopLevelSpec {
  return {
    title: { text: `Deployed model of each platform: ${series.scenarioName}`, subtitle: subtitle(series) },
    width: WIDTH,
    height: { step: 22 },
    data: { values: segments },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'start', type: 'quantitative', title: 'round' },
      x2: { field: 'end' },
      y: { field: 'platform', type: 'nominal', title: 'platform', sort: series.platformNames },
      // The default palette repeats after 10 colours; pools of up to 20 models keep distinct ones.
      color: { field: 'model', type: 'nominal', title: 'model', scale: { scheme: 'tableau20' }, legend: { labelLimit: 320 } },
    },
  };
}

export interface ReferenceRow {
  reference: string;
  welfare: number;
}

/** Returns the reference lines that exist: optimum, and best and worst equilibrium when the game has one. */
export function referenceRows(reference: ReferenceWelfare | null): ReferenceRow[] {
  if (!reference) return [];
  const rows: ReferenceRow[] = [{ reference: 'social optimum', welfare: reference.optimum }];
  if (reference.bestEquilibrium !== null) rows.push({ reference: 'best equilibrium', welfare: reference.bestEquilibrium });
  if (reference.worstEquilibrium !== null) rows.push({ reference: 'worst equilibrium', welfare: reference.worstEquilibrium });
  return rows;
}

export function welfareSpec(series: RunLogSeries, rounds: readonly RunRound[], references: ReferenceRow[]): TopLevelSpec {
  const welfareRows = rounds.map((r) => ({ round: r.round, welfare: r.welfare }));
  return {
    title: { text: `Welfare by round: ${series.scenarioName}`, subtitle: subtitle(series) },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: welfareRows },
        mark: lineMark(series, '#1f77b4'),
        encoding: {
          x: { field: 'round', type: 'quantitative', title: 'round' },
          y: { field: 'welfare', type: 'quantitative', title: 'welfare W', scale: { zero: false } },
        },
      },
      {
        data: { values: references },
        mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: {
          y: { field: 'welfare', type: 'quantitative' },
          color: {
            field: 'reference',
            type: 'nominal',
            title: 'reference (exact)',
            scale: {
              domain: ['social optimum', 'best equilibrium', 'worst equilibrium'],
              range: ['#2ca02c', '#9467bd', '#d62728'],
            },
          },
        },
      },
    ],
  };
}

function subtitle(series: RunLogSeries): string {
  return `${series.numPlatforms} platforms, rounds 1–${series.lastRound}, seed ${series.seed}`;
}
