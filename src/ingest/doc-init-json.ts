/**
 * A document as read (a {@link DocInit}: input, format, origin, title, date, reader messages and the readable view
 * with its map) as one line of JSON, and back. `sitrep ingest` sends documents this way to a running `sitrep serve`
 * (see `desk/remote.ts`), so the server extracts exactly what the CLI read, from the same reader, whatever the format.
 */
import { TextView, type DocFormat, type DocInit, type Message, type ViewPiece } from '../core/index.js';

/** The media type of a body of such lines (`POST /api/documents` from `sitrep ingest`). */
export const DOC_INIT_TYPE = 'application/vnd.sitrep.doc-init+jsonl';

const FORMATS: readonly DocFormat[] = ['text', 'html', 'feed-item', 'jsonl'];
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** One line of JSON for a read document; the view is left out when it is the input itself. */
export function docInitToJson(init: DocInit): string {
  const view = init.view && !init.view.isIdentity
    ? { text: init.view.text, pieces: (init.view as unknown as { pieces: readonly ViewPiece[] }).pieces }
    : undefined;
  return JSON.stringify({ ...init, view });
}

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** Checks a view's map against its texts: pieces in view order, every range inside its text. */
function viewFrom(input: string, raw: unknown): TextView | string {
  if (!raw || typeof raw !== 'object') return '"view" must be an object with "text" and "pieces"';
  const { text, pieces } = raw as { text?: unknown; pieces?: unknown };
  if (typeof text !== 'string' || !Array.isArray(pieces)) return '"view" must have a string "text" and an array "pieces"';
  let at = 0;
  for (const p of pieces as Partial<ViewPiece>[]) {
    if (!p || !isInt(p.v) || !isInt(p.i) || !isInt(p.vLen) || !isInt(p.iLen)) return '"view.pieces" must hold {v, i, vLen, iLen} whole numbers';
    if (p.v < at || p.v + p.vLen > text.length || p.i + p.iLen > input.length) return '"view.pieces" must be in view order and inside both texts';
    at = p.v + p.vLen;
  }
  return TextView.fromPieces(input, text, pieces as ViewPiece[]);
}

/** Reads one line written by {@link docInitToJson}; a string says what is wrong with it. */
export function docInitFromJson(line: string): DocInit | string {
  let r: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(line);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object';
    r = value as Record<string, unknown>;
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof r.id !== 'string' || !r.id) return '"id" must be a non-empty string';
  if (typeof r.input !== 'string' || !r.input.trim()) return '"input" must be a non-empty string';
  if (!FORMATS.includes(r.format as DocFormat)) return `"format" must be one of ${FORMATS.join(', ')}`;
  const origin = (r.origin ?? {}) as Record<string, unknown>;
  if (typeof origin !== 'object' || !['path', 'url', 'source', 'encoding'].every((k) => optString(origin[k])) || !(origin.line === undefined || isInt(origin.line))) {
    return '"origin" must be an object of path, line, url, source, encoding';
  }
  const title = r.title as { value?: unknown } | undefined;
  if (title !== undefined && (typeof title !== 'object' || typeof title?.value !== 'string')) return '"title" must be {value}';
  const published = r.published as { value?: unknown; rule?: unknown } | undefined;
  if (published !== undefined && (typeof published !== 'object' || typeof published?.value !== 'string' || typeof published.rule !== 'string')) {
    return '"published" must be {value, rule}';
  }
  const messages = (r.messages ?? []) as Message[];
  if (!Array.isArray(messages) || !messages.every((m) => m && SEVERITIES.has(m.severity) && typeof m.reason === 'string' && typeof m.rule === 'string' && isInt(m.start) && isInt(m.end))) {
    return '"messages" must be an array of {severity, reason, start, end, rule}';
  }
  const view = r.view === undefined || r.view === null ? undefined : viewFrom(r.input, r.view);
  if (typeof view === 'string') return view;
  return {
    id: r.id,
    input: r.input,
    format: r.format as DocFormat,
    origin: origin as DocInit['origin'],
    title: title ? { value: title.value as string } : undefined,
    published: published ? { value: published.value as string, rule: published.rule as string } : undefined,
    view,
    messages,
  };
}
