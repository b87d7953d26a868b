/**
 * The extraction of a document as the plain JSON object of product.md's contract, as stored in
 * `documents.extraction` and served by the API.
 */
import type { Doc } from '../core/index.js';

/** The stored extraction JSON of one document (the contract's fields plus `format`, `origin`, `times`, `excluded`). */
export interface ExtractionJson {
  id: string;
  title: string | null;
  published: string | null;
  format: string;
  origin: Doc['origin'];
  entities: unknown[];
  claims: unknown[];
  events: unknown[];
  times: unknown[];
  excluded: unknown[];
  messages: unknown[];
}

/** Builds the contract JSON of a document; `id` overrides the document's own id (when stored under another). */
export function toExtractionJson(doc: Doc, id: string = doc.id): ExtractionJson {
  return {
    id,
    title: doc.title?.value ?? null,
    published: doc.published?.value ?? null,
    format: doc.format,
    origin: doc.origin,
    entities: doc.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.type !== undefined ? { type: e.type } : {}),
      ...(e.side !== undefined ? { side: e.side } : {}),
      ...(e.role !== undefined ? { role: e.role } : {}),
      ...(e.lat !== undefined ? { lat: e.lat, lon: e.lon } : {}),
      ...(e.country !== undefined ? { country: e.country } : {}),
      ...(e.geonamesId !== undefined ? { geonamesId: e.geonamesId } : {}),
      ...(e.unresolved ? { unresolved: true } : {}),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, rule: m.rule, sentence: m.sentence, ...(m.metonym ? { metonym: true } : {}) })),
    })),
    claims: [...doc.claims],
    events: [...doc.events],
    times: doc.times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, ...(t.precision ? { precision: t.precision } : {}), ...(t.unresolved ? { unresolved: t.unresolved } : {}), rule: t.rule })),
    excluded: doc.excluded.map((s) => ({ start: s.start, end: s.end, text: s.text, rule: s.rule })),
    messages: [...doc.messages],
  };
}
