import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSection } from '../../src/report/buildReport.js';
import { escapeHtml } from '../../src/report/htmlPage.js';
import { writeReport } from '../../src/report/writeReport.js';
import { runCli } from '../cli.js';

const directory = mkdtempSync(join(tmpdir(), 'genmarket-hostile-'));

const scriptModel = '<script>alert(1)</script>';
const imagePlatform = '"><img src=x onerror=alert(2)>';
const boldScenario = "<b>bold</b> & 'quoted'";

let hostileLog: string | null = null;

/** Writes a scenario with markup in its names once and returns the log of a real simulate run on it. */
function writeHostileLog(): string {
  if (hostileLog !== null) return hostileLog;
  const scenario = {
    name: boldScenario,
    userTypes: [
      { name: '<i>type</i>', weight: 2 },
      { name: 'other', weight: 1 },
    ],
    models: [
      { name: scriptModel, rewards: [2, 0] },
      { name: 'plain', rewards: [1, 1] },
    ],
    platforms: [
      { name: imagePlatform, initialModel: 'plain' },
      { name: 'B&B', initialModel: 'plain' },
    ],
    choice: { rule: 'hardmax' },
  };
  const scenarioPath = join(directory, 'hostile-scenario.json');
  writeFileSync(scenarioPath, JSON.stringify(scenario));
  const path = join(directory, 'hostile.ndjson');
  const run = runCli(['simulate', scenarioPath, '--log', path, '--log-stride', '1', '--no-progress']);
  if (run.status !== 0) throw new Error(`genmarket simulate failed: ${run.stderr}`);
  hostileLog = path;
  return path;
}

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(scriptModel)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(imagePlatform)).toBe('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(escapeHtml("a & 'b'")).toBe('a &amp; &#39;b&#39;');
  });
});

describe('hostile names', () => {
  it('show as text in the HTML page', async () => {
    const out = join(directory, 'out');
    const written = await writeReport([buildSection(writeHostileLog())], out);
    const html = readFileSync(written.html, 'utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('<i>type');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('B&amp;B');
  });

  it('are escaped in every SVG file', async () => {
    const out = join(directory, 'svg');
    const written = await writeReport([buildSection(writeHostileLog())], out);
    const files = written.sections[0].figures.map((f) => f.file);
    expect(files).toHaveLength(4);
    for (const file of files) {
      const svg = readFileSync(file, 'utf8');
      expect(svg, file).not.toContain('<script');
      expect(svg, file).not.toContain('<img');
      expect(svg, file).not.toContain('<b>');
    }
    const shares = readFileSync(join(out, 'hostile-shares.svg'), 'utf8');
    expect(shares).toContain('&lt;img src=x onerror=alert(2)&gt;');
    const profile = readFileSync(join(out, 'hostile-profile.svg'), 'utf8');
    expect(profile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
