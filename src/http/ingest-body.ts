/**
 * Reading a `POST /api/documents` body into documents: plain text, HTML or JSON Lines, chosen by the
 * Content-Type, with the ingest readers the CLI uses so the API and `sitrep ingest` agree on every format.
 */
import { createHash } from 'node:crypto';
import type { DocInit } from '../core/index.js';
import { readHtml } from '../ingest/read-html.js';
import { readJsonl } from '../ingest/read-jsonl.js';
import { readText } from '../ingest/read-text.js';
import { DOC_INIT_TYPE, docInitFromJson } from '../ingest/doc-init-json.js';
import { HttpError } from './http-error.js';

/** Metadata a client may give in the query string for a single text or HTML document. */
export interface BodyMeta {
  id?: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
}

/** Documents read from a body, and the lines that could not be read. */
export interface ReadBody {
  readonly docs: DocInit[];
  readonly errors: readonly { line: number; message: string }[];
}

/** Media types accepted, by format. */
export const INGEST_TYPES = {
  text: ['text/plain'],
  html: ['text/html', 'application/xhtml+xml'],
  jsonl: ['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines', 'application/json-lines'],
} as const;

/**
 * An `application/json` body may be one document object (pretty-printed or not) or an array of them; each becomes
 * one JSON Lines record. A body that is not one JSON value is read as JSON Lines, whose errors name the line.
 */
function asJsonLines(body: string): string {
  const t = body.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return body;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return body;
  }
  return (Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v)).join('\n');
}

/** Reads a request body of the given Content-Type. */
export function readBody(contentType: string | undefined, body: string, meta: BodyMeta): ReadBody {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!body.trim()) throw new HttpError(400, 'the body is empty; send the article text, an HTML page or JSON Lines');
  // Without an id, the same text posted twice gets the same id, so it is recognised as a duplicate.
  const id = meta.id ?? `post:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
  const base = {
    id,
    origin: { source: meta.source, url: meta.url },
    title: meta.title ? { value: meta.title } : undefined,
    published: meta.published ? { value: meta.published, rule: 'http/published-param' } : undefined,
  };
  if ((INGEST_TYPES.text as readonly string[]).includes(type)) return { docs: [readText(body, base)], errors: [] };
  if ((INGEST_TYPES.html as readonly string[]).includes(type)) return { docs: [readHtml(body, base)], errors: [] };
  if (type === DOC_INIT_TYPE) {
    // Documents already read by `sitrep ingest` (see desk/remote.ts): extracted as read, with their own ids.
    const out: ReadBody = { docs: [], errors: [] };
    body.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const init = docInitFromJson(line);
      if (typeof init === 'string') (out.errors as { line: number; message: string }[]).push({ line: i + 1, message: `line ${i + 1}: ${init}` });
      else out.docs.push(init);
    });
    return out;
  }
  if ((INGEST_TYPES.jsonl as readonly string[]).includes(type) || type === 'application/json') {
    const result = readJsonl(type === 'application/json' ? asJsonLines(body) : body, id, {});
    return { docs: result.docs, errors: result.errors.map((e) => ({ line: e.line, message: e.message.reason })) };
  }
  throw new HttpError(
    415,
    `unsupported Content-Type "${type || '(none)'}"; send ${[...INGEST_TYPES.text, ...INGEST_TYPES.html, INGEST_TYPES.jsonl[0]].join(', ')}`,
  );
}
