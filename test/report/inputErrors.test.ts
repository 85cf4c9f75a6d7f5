import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-report-input-'));
const fixtureLines = readFileSync('test/fixtures/report/run-log.ndjson', 'utf8').trimEnd().split('\n');

function writeInput(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function expectCleanFailure(result: ReturnType<typeof runCli>, message: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
}

describe('report input errors', () => {
  it('rejects an empty log, naming it', () => {
    const path = writeInput('empty.ndjson', '');
    const result = runCli(['report', path, '--out', join(directory, 'empty-out')]);
    expectCleanFailure(result, new RegExp(`^genmarket: ${path} is empty: expected a simulate run log`));
  });

  it('rejects a log of blank lines', () => {
    const path = writeInput('blank.ndjson', '\n\n  \n');
    expectCleanFailure(runCli(['report', path]), /blank\.ndjson is empty/);
  });

  it('rejects a log whose only line is cut off', () => {
    const path = writeInput('cut.ndjson', fixtureLines[0].slice(0, 40));
    expectCleanFailure(runCli(['report', path]), /cut\.ndjson contains no complete record/);
  });

  it('rejects an unknown format, naming it', () => {
    const path = writeInput('notes.txt', 'just some text\nwithout structure\n');
    expectCleanFailure(runCli(['report', path]), /notes\.txt has an unknown format: expected a simulate run log/);
  });

  it('rejects records of an unknown kind', () => {
    const path = writeInput('other.ndjson', '{"level":30,"msg":"hello"}\n{"a":1}\n');
    expectCleanFailure(runCli(['report', path]), /other\.ndjson has an unknown format/);
  });

  it('rejects a missing file', () => {
    expectCleanFailure(runCli(['report', join(directory, 'missing.ndjson')]), /missing\.ndjson not found: check the path/);
  });

  it('names the line of a broken record', () => {
    const lines = [...fixtureLines];
    lines[2] = '{"type":"round","round":1,';
    const path = writeInput('broken.ndjson', lines.join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /broken\.ndjson line 3 is not valid JSON/);
  });

  it('names the line of an invalid round', () => {
    const lines = [...fixtureLines];
    lines[2] = JSON.stringify({ type: 'round', round: 1, profile: [0, 0], shares: 'half', welfare: 4 });
    const path = writeInput('invalid-round.ndjson', lines.join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /invalid-round\.ndjson line 3: invalid round record: shares: /);
  });

  it('names the line of a round with an unknown model', () => {
    const lines = [...fixtureLines];
    lines[2] = JSON.stringify({ type: 'round', round: 1, profile: [0, 5], shares: [0.5, 0.5], welfare: 4 });
    const path = writeInput('unknown-model.ndjson', lines.join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /unknown-model\.ndjson line 3: model index 5 is not a model of the scenario/);
  });

  it('rejects a header without rounds', () => {
    const path = writeInput('header-only.ndjson', fixtureLines[0] + '\n');
    expectCleanFailure(runCli(['report', path]), /header-only\.ndjson contains no complete round: the run stopped before it finished round 1/);
  });

  it('rejects round records without a header', () => {
    const path = writeInput('no-header.ndjson', fixtureLines.slice(1).join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /no-header\.ndjson has round records but its first line is not a genmarket-run-log header/);
  });

  it('rejects another log format version', () => {
    const header = { ...JSON.parse(fixtureLines[0]), formatVersion: 99 };
    const path = writeInput('version.ndjson', [JSON.stringify(header), ...fixtureLines.slice(1)].join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /version\.ndjson has run-log format version 99, but this genmarket reads version 1/);
  });

  it('rejects rounds out of order', () => {
    const lines = [...fixtureLines];
    [lines[2], lines[5]] = [lines[5], lines[2]];
    const path = writeInput('order.ndjson', lines.join('\n') + '\n');
    expectCleanFailure(runCli(['report', path]), /order\.ndjson line 4 is for round 2 after a record for round 3: the log is corrupted/);
  });
});

describe('report of a truncated log', () => {
  it('reads up to the last complete record with a note', () => {
    const cut = fixtureLines.slice(0, 6).join('\n') + '\n' + fixtureLines[6].slice(0, 30);
    const path = writeInput('truncated.ndjson', cut);
    const out = join(directory, 'truncated-out');
    const result = runCli(['report', path, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = JSON.parse(result.stdout);
    expect(written.sections[0].kind).toBe('run-log');
    expect(written.sections[0].notes[0]).toMatch(
      /truncated\.ndjson ends with an incomplete record on line 7 \(30 bytes without a newline\); reading the 6 complete records before it/,
    );
    expect(written.sections[0].notes[1]).toMatch(/truncated\.ndjson does not end with a summary, .* so the outcome is unknown/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('incomplete record on line 7');
    expect(html).toContain('<dt>rounds</dt><dd>3</dd>');
  });

  it('prints the note on stderr without --json', () => {
    const cut = fixtureLines.slice(0, 4).join('\n') + '\n{"type":"rou';
    const path = writeInput('truncated-text.ndjson', cut);
    const out = join(directory, 'truncated-text-out');
    const result = runCli(['report', path, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^note: .*truncated-text\.ndjson ends with an incomplete record on line 5/);
    expect(result.stderr).toMatch(/\nnote: .*truncated-text\.ndjson ends in the middle of round 2: left out its 1 record\n/);
    expect(result.stdout).toMatch(/^wrote 4 SVG files and .*index\.html\n$/);
    expect(existsSync(join(out, 'truncated-text-welfare.svg'))).toBe(true);
  });
});
