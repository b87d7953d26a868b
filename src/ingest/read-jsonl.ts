/**
 * Reading JSON Lines: one document per line, `{"id","text","title"?,"published"?,"source"?,"url"?}`.
 * A malformed line becomes one error naming its line; the other lines are read.
 */
import { makeMessage, type DocInit, type Message } from '../core/index.js';
import { readPublished } from './published-date.js';
import { htmlReader } from './markup-readers.js';
import { readText } from './read-text.js';

/** A record's documents and the problems of the lines that could not be read. */
export interface JsonlResult {
  docs: DocInit[];
  errors: Array<{ line: number; message: Message }>;
}

/**
 * Reads one JSON Lines record (already split from its file). Returns a document or an error reason. A
 * `published` that is no date, not a calendar date or in the future is a warning on the document, read undated.
 */
export function readJsonlRecord(line: string, lineNumber: number, fallbackId: string, origin: { path?: string; encoding?: string }, now?: Date): DocInit | string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return `line ${lineNumber}: not valid JSON (${(error as Error).message})`;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) return `line ${lineNumber}: expected a JSON object`;
  const r = record as Record<string, unknown>;
  if (typeof r.text !== 'string' || !r.text.trim()) return `line ${lineNumber}: "text" must be a non-empty string`;
  for (const key of ['id', 'title', 'published', 'source', 'url'] as const) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string' && !(key === 'id' && typeof r[key] === 'number')) {
      return `line ${lineNumber}: "${key}" must be a string`;
    }
  }
  const { published, warning } = readPublished(typeof r.published === 'string' ? r.published : undefined, 'ingest/jsonl-published', { now, line: lineNumber });
  const base = {
    id: r.id !== undefined && r.id !== null && String(r.id) ? String(r.id) : fallbackId,
    origin: { ...origin, line: lineNumber, url: (r.url as string) ?? undefined, source: (r.source as string) ?? undefined },
    title: typeof r.title === 'string' && r.title ? { value: r.title } : undefined,
    published,
    ...(warning ? { messages: [warning] } : {}),
  };
  const looksHtml = /^\s*</.test(r.text) && /<\/(p|div|body|html|article)>/i.test(r.text);
  const doc = looksHtml ? htmlReader()(r.text, base) : readText(r.text, base);
  return { ...doc, format: 'jsonl' };
}

/** Reads a whole JSON Lines text. */
export function readJsonl(text: string, idPrefix: string, origin: { path?: string; encoding?: string }, now?: Date): JsonlResult {
  const out: JsonlResult = { docs: [], errors: [] };
  let lineNumber = 0;
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    lineNumber++;
    const line = text.slice(at, nl).replace(/\r$/, '');
    const lineStart = at;
    at = nl + 1;
    if (!line.trim()) continue;
    const result = readJsonlRecord(line, lineNumber, `${idPrefix}#${lineNumber}`, origin, now);
    if (typeof result === 'string') out.errors.push({ line: lineNumber, message: makeMessage('error', result, 'ingest/jsonl', lineStart, lineStart + line.length) });
    else out.docs.push(result);
  }
  return out;
}
