/**
 * The extraction contract: the JSON object `sitrep extract` prints for each document (see product.md).
 * Names and meanings of these fields are stable; fields may be added.
 */
import type { Doc, Entity } from './core/index.js';

/** One document as the extraction contract shows it. */
export interface ExtractJson {
  id: string;
  title: string | null;
  published: string | null;
  publishedRule: string | null;
  source: string | null;
  url: string | null;
  path: string | null;
  line: number | null;
  format: string;
  encoding: string | null;
  /** Where the document came from (path, line, url, source, encoding), as one object. */
  origin: Doc['origin'];
  times: Array<{ start: number; end: number; text: string; value: string | null; precision?: string; rule: string; unresolved?: string }>;
  excluded: Array<{ start: number; end: number; text: string; rule: string }>;
  entities: Array<Omit<Entity, 'mentions'> & { mentions: Array<{ start: number; end: number; text: string; rule: string; sentence: number; metonym?: boolean }> }>;
  claims: Doc['claims'];
  /** Each event with its `confidence` (0–1) and `evidence` (frame, voice, how each role was filled). */
  events: Doc['events'];
  messages: Doc['messages'];
}

/**
 * Converts an extracted document to its contract JSON; `id` overrides the document's own id (the store keeps a
 * document under another id when its own was taken by a different text).
 */
export function toExtractJson(doc: Doc, id: string = doc.id): ExtractJson {
  return {
    id,
    title: doc.title?.value ?? null,
    published: doc.published?.value ?? null,
    publishedRule: doc.published?.rule ?? null,
    source: doc.origin.source ?? null,
    url: doc.origin.url ?? null,
    path: doc.origin.path ?? null,
    line: doc.origin.line ?? null,
    format: doc.format,
    encoding: doc.origin.encoding ?? null,
    origin: doc.origin,
    times: doc.times.map((t) => ({
      start: t.start, end: t.end, text: t.text, value: t.value, rule: t.rule,
      ...(t.precision ? { precision: t.precision } : {}),
      ...(t.unresolved ? { unresolved: t.unresolved } : {}),
    })),
    excluded: doc.excluded.map(({ start, end, text, rule }) => ({ start, end, text, rule })),
    entities: doc.entities.map((e) => ({
      ...e,
      mentions: e.mentions.map(({ start, end, text, rule, sentence, metonym }) => ({ start, end, text, rule, sentence, ...(metonym ? { metonym } : {}) })),
    })),
    claims: doc.claims,
    events: doc.events,
    messages: doc.messages,
  };
}
