/**
 * Parsing of a prompt-topic table: a CSV file with a header row and the
 * columns `broad_category` (topic name) and `count` (number of prompts on
 * that topic). Other columns, such as `broad_category_id` and `percentage`,
 * are ignored because shares are computed from the counts.
 */
import { InputError } from '../errors.js';

export interface TopicCount {
  /** Topic name, such as "Tech Programming". */
  topic: string;
  /** Number of sampled prompts on this topic. */
  count: number;
}

const TOPIC_COLUMN = 'broad_category';
const COUNT_COLUMN = 'count';

/**
 * Splits CSV text into rows of fields following RFC 4180: fields may be
 * quoted, and a doubled quote inside a quoted field is a literal quote.
 * Raises InputError on an unterminated quoted field.
 */
export function parseCsvRows(text: string, source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      inQuotes = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new InputError(`${source}: unterminated quoted field that starts before line ${line}`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines, including the one after a trailing newline, carry no data.
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

/**
 * Parses a prompt-topic CSV and returns one count per topic, in file order.
 * Raises InputError naming the line and column of any invalid value, a
 * missing column, a repeated topic or a table with no prompts.
 */
export function parseTopicCounts(text: string, source: string): TopicCount[] {
  const rows = parseCsvRows(text.replace(/^\uFEFF/, ''), source);
  if (rows.length === 0) throw new InputError(`${source} is empty: expected a header row and one row per topic`);

  const header = rows[0].map((h) => h.trim());
  const topicIndex = header.indexOf(TOPIC_COLUMN);
  const countIndex = header.indexOf(COUNT_COLUMN);
  for (const [column, index] of [
    [TOPIC_COLUMN, topicIndex],
    [COUNT_COLUMN, countIndex],
  ] as const) {
    if (index < 0) {
      throw new InputError(
        `${source}: missing column "${column}" in the header (found ${header.map((h) => `"${h}"`).join(', ')})`,
      );
    }
  }

  const topics: TopicCount[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    const topic = (row[topicIndex] ?? '').trim();
    const countText = (row[countIndex] ?? '').trim();
    if (topic === '') throw new InputError(`${source} line ${line}: ${TOPIC_COLUMN} is empty`);
    if (seen.has(topic)) throw new InputError(`${source} line ${line}: topic "${topic}" appears twice`);
    if (!/^\d+$/.test(countText)) {
      throw new InputError(
        `${source} line ${line}: ${COUNT_COLUMN} of "${topic}" must be a non-negative whole number, got "${countText}"`,
      );
    }
    seen.add(topic);
    topics.push({ topic, count: Number(countText) });
  });

  if (topics.length === 0) throw new InputError(`${source} has a header but no topic rows`);
  if (topics.every((t) => t.count === 0)) throw new InputError(`${source}: every topic count is 0`);
  return topics;
}
