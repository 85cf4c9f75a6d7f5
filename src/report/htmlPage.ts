/**
 * The self-contained HTML page of a report. Every text taken from inputs
 * (names of scenarios, models, platforms, files) goes through `escapeHtml`;
 * figures are inlined as the SVG that Vega rendered, which escapes its own
 * text. A Content-Security-Policy forbids scripts and remote resources.
 */
import type { ReportSection, Table } from './reportModel.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A section's figure as rendered: the SVG text and the file it was written to. */
export interface RenderedFigure {
  title: string;
  file: string;
  svg: string;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 1200px; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.5rem; }
.source { color: #666; font-family: monospace; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.notes li { color: #8a5a00; }
figure { margin: 1.5rem 0; overflow-x: auto; }
figcaption { color: #666; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; }
`;

function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell === null ? '-' : String(cell))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<caption>${escapeHtml(table.caption)}</caption>\n<tr>${head}</tr>\n${body}\n</table>`;
}

function sectionHtml(section: ReportSection, index: number, figures: readonly RenderedFigure[]): string {
  const parts: string[] = [
    `<section id="section-${index + 1}">`,
    `<h2>${escapeHtml(section.heading)}</h2>`,
    `<p class="source">${escapeHtml(section.source)} (${escapeHtml(section.kind)})</p>`,
  ];
  if (section.facts.length > 0) {
    const rows = section.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
    parts.push(`<dl>\n${rows.join('\n')}\n</dl>`);
  }
  if (section.notes.length > 0) {
    parts.push(`<ul class="notes">\n${section.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>`);
  }
  for (const figure of figures) {
    parts.push(`<figure>\n${figure.svg}\n<figcaption>${escapeHtml(figure.title)} (${escapeHtml(figure.file)})</figcaption>\n</figure>`);
  }
  parts.push(...section.tables.map(tableHtml));
  parts.push('</section>');
  return parts.join('\n');
}

/** Builds the page. `figures[i]` contains the rendered figures of `sections[i]`. */
export function buildHtmlPage(sections: readonly ReportSection[], figures: readonly (readonly RenderedFigure[])[]): string {
  const contents = sections
    .map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(s.heading)}</a></li>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<title>genmarket report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>genmarket report</h1>',
    `<ul>\n${contents}\n</ul>`,
    ...sections.map((s, i) => sectionHtml(s, i, figures[i] ?? [])),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
