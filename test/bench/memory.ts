/**
 * Memory of a long run: a 10,000,000-round hardmax run with observers and
 * a run log, played in a child process so that no other section's heap
 * counts. The resident set size and the heap in use after 1,000,000 and
 * after 10,000,000 rounds, and the growth between them, show whether a
 * long run keeps its memory flat. It takes one to two minutes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DYNAMICS_SIZE } from './dynamics.js';
import { note, report } from './timing.js';

const ROUNDS = 10_000_000;

interface MemorySample {
  round: number;
  rss: number;
  heapUsed: number;
  seconds: number;
}

/** Runs memoryRun.js in a child process and returns its samples, one per million rounds. */
async function sampleChild(rounds: number): Promise<MemorySample[]> {
  const script = fileURLToPath(new URL('./memoryRun.js', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', script, String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (status !== 0) throw new Error(`memory benchmark child ${script} failed with exit status ${status}`);
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as MemorySample);
}

const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export async function benchMemory(): Promise<void> {
  const samples = await sampleChild(ROUNDS);
  const first = samples.find((s) => s.round === 1_000_000);
  const last = samples.find((s) => s.round === ROUNDS);
  if (first === undefined || last === undefined) {
    throw new Error(`memory benchmark child printed no sample at round 1,000,000 or ${ROUNDS.toLocaleString('en-US')}`);
  }
  const size = `${DYNAMICS_SIZE} hardmax`;
  report('RSS after 1,000,000 rounds', size, mebibytes(first.rss));
  report('RSS after 10,000,000 rounds', size, mebibytes(last.rss));
  const growth = last.rss - first.rss;
  report('RSS growth, rounds 1e6 to 1e7', size, mebibytes(growth));
  report('heap used after 1,000,000 rounds', size, mebibytes(first.heapUsed));
  report('heap used after 10,000,000 rounds', size, mebibytes(last.heapUsed));
  const maxRss = Math.max(...samples.map((s) => s.rss));
  note(`max RSS over the ${samples.length} samples: ${mebibytes(maxRss)}; ${Math.round(ROUNDS / last.seconds).toLocaleString('en-US')} rounds/s with the log`);
}
