/**
 * Rendering and file writing of a report: one SVG file per figure and the
 * `index.html` page with every figure inlined, in the output directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileError } from '../errors.js';
import { buildHtmlPage, type RenderedFigure } from './htmlPage.js';
import type { InputKind, ReportSection } from './reportModel.js';
import { renderSvg } from './renderSvg.js';

export interface WrittenReport {
  outDir: string;
  html: string;
  sections: {
    source: string;
    kind: InputKind;
    figures: { title: string; file: string }[];
    notes: string[];
  }[];
}

/** Returns a file-name prefix per section from its input's base name, unique within the report. */
export function filePrefixes(sources: readonly string[]): string[] {
  const used = new Map<string, number>();
  return sources.map((source) => {
    const stem = basename(source, extname(source)).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'input';
    const count = (used.get(stem) ?? 0) + 1;
    used.set(stem, count);
    return count === 1 ? stem : `${stem}-${count}`;
  });
}

function writeFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw fileError('report file', path, err);
  }
}

/** Renders every figure, writes the SVG files and the HTML page, and returns what was written. */
export async function writeReport(sections: readonly ReportSection[], outDir: string): Promise<WrittenReport> {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw fileError('output directory', outDir, err);
  }
  const prefixes = filePrefixes(sections.map((s) => s.source));
  const rendered: RenderedFigure[][] = [];
  for (const [i, section] of sections.entries()) {
    const figures: RenderedFigure[] = [];
    for (const figure of section.figures) {
      const file = `${prefixes[i]}-${figure.name}.svg`;
      const svg = await renderSvg(figure.spec);
      writeFile(join(outDir, file), svg);
      figures.push({ title: figure.title, file, svg });
    }
    rendered.push(figures);
  }
  const html = join(outDir, 'index.html');
  writeFile(html, buildHtmlPage(sections, rendered));
  return {
    outDir,
    html,
    sections: sections.map((s, i) => ({
      source: s.source,
      kind: s.kind,
      figures: rendered[i].map((f) => ({ title: f.title, file: join(outDir, f.file) })),
      notes: s.notes,
    })),
  };
}
