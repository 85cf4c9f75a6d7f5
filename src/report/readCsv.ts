/**
 * Reading of CSV tables (RFC 4180: comma separated, fields with commas,
 * quotes or newlines in double quotes, `""` for a quote). The first row
 * names the columns. Numeric fields become numbers, empty fields null.
 */
import { InputError } from '../errors.js';

export interface CsvTable {
  columns: string[];
  rows: Record<string, string | number | null>[];
  notes: string[];
}

/** Splits CSV text into rows of raw fields; also reports whether the text ended inside a row. */
function splitRows(text: string): { rows: string[][]; endsInsideRow: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  const endsInsideRow = quoted || field !== '' || row.length > 0;
  if (endsInsideRow) rows.push([...row, field]);
  return { rows: rows.filter((r) => !(r.length === 1 && r[0] === '')), endsInsideRow };
}

function convert(field: string): string | number | null {
  const trimmed = field.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : field;
}

/**
 * Parses CSV text with a header row. A last row without a newline and with
 * fewer fields than the header is a partial write: it is dropped with a
 * note. Any other row of the wrong width raises an InputError naming the
 * file and row.
 */
export function parseCsv(text: string, source: string): CsvTable {
  const { rows, endsInsideRow } = splitRows(text);
  if (rows.length === 0) throw new InputError(`${source} is empty: expected a header row and result rows`);
  const columns = rows[0].map((c) => c.trim());
  const notes: string[] = [];
  const body = rows.slice(1);
  const last = body.at(-1);
  if (endsInsideRow && last && last.length < columns.length) {
    body.pop();
    notes.push(`${source}: the last row is incomplete (the sweep was probably interrupted); read the ${body.length} complete rows before it`);
  }
  const records = body.map((fields, r) => {
    if (fields.length !== columns.length) {
      throw new InputError(`${source} row ${r + 2} has ${fields.length} fields but the header has ${columns.length}: check the file`);
    }
    return Object.fromEntries(columns.map((name, k) => [name, convert(fields[k])]));
  });
  return { columns, rows: records, notes };
}
