/**
 * One document as the API returns it: the input exactly as read and every extracted span over it (entity
 * mentions, claims and their parts, events, time expressions, boilerplate), flat and in input order, so a
 * client can highlight them all without knowing the layers.
 */
import type { Doc, TextView } from '../core/index.js';
import { docHeader, rebuildView, UNMAPPED_VIEWS, type DocSummary } from '../desk/index.js';

/** Kinds of highlighted spans. */
export type SpanKind = 'entity' | 'claim' | 'speaker' | 'cue' | 'content' | 'event' | 'time' | 'boilerplate' | 'message';

/** One highlighted span: an input range, its text and what it is. */
export interface SpanView {
  readonly kind: SpanKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Id of the annotation it belongs to (entity id, claim id, event id), when it has one. */
  readonly ref: string | null;
  /** A short human label: the entity's name and kind, "Maliar said", the event sub-type, the date. */
  readonly label: string;
  readonly rule: string | null;
  /** Entity kind, for entity mentions. */
  readonly entityKind?: string;
  /** The range in `viewText`, when the document has a readable text apart from its input (HTML). */
  readonly vStart?: number;
  readonly vEnd?: number;
}

/** The full document view: what a list shows of it (without the counts), its input, spans and layers. */
export interface DocDetail extends Omit<DocSummary, 'counts'> {
  readonly input: string;
  /**
   * The readable text when it differs from the input (an HTML page's article text), else null. Spans then carry
   * `vStart`/`vEnd` into it as well, so a client can show the article rather than its markup.
   */
  readonly viewText: string | null;
  readonly spans: readonly SpanView[];
  readonly entities: Doc['entities'];
  readonly claims: Doc['claims'];
  readonly events: Doc['events'];
  readonly messages: Doc['messages'];
}

/** The document's view with its offset map, or null when it has none apart from the input or it cannot be rebuilt. */
function mappedView(doc: Doc): TextView | null {
  if (doc.view.isIdentity) return null;
  return UNMAPPED_VIEWS.has(doc.view) ? rebuildView(doc.input, doc.view.text) : doc.view;
}

/** Builds the document view. Spans outside the input (a corrupted row) are dropped rather than sent broken. */
export function docDetail(doc: Doc): DocDetail {
  const view = mappedView(doc);
  const spans: SpanView[] = [];
  const add = (kind: SpanKind, start: number, end: number, ref: string | null, label: string, rule: string | null, extra: Partial<SpanView> = {}) => {
    if (!(start >= 0 && end > start && end <= doc.input.length)) return;
    const v = view ? { vStart: view.toView(start), vEnd: view.toView(end) } : {};
    spans.push({ kind, start, end, text: doc.input.slice(start, end), ref, label, rule, ...extra, ...v });
  };
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  for (const e of doc.entities) {
    for (const m of e.mentions) add('entity', m.start, m.end, e.id, `${e.name} (${e.kind}${e.side ? `, ${e.side}` : ''})`, m.rule, { entityKind: e.kind });
  }
  for (const c of doc.claims) {
    const who = (c.speaker && names.get(c.speaker)) ?? c.speakerText ?? 'unattributed';
    const p = c.proposition;
    const about = p ? `: ${p.polarity} ${p.kind} of ${(p.place && names.get(p.place)) ?? p.place ?? '?'} by ${p.holder ?? '?'}` : '';
    add('claim', c.start, c.end, c.id, `${who} ${c.cue}${about}`, c.rule);
    if (c.speakerSpan) add('speaker', c.speakerSpan.start, c.speakerSpan.end, c.id, who, c.speakerSpan.rule);
    if (c.cueSpan) add('cue', c.cueSpan.start, c.cueSpan.end, c.id, c.cue, c.cueSpan.rule);
    add('content', c.contentSpan.start, c.contentSpan.end, c.id, 'claim content', c.contentSpan.rule);
  }
  for (const e of doc.events) {
    add('event', e.start, e.end, e.id, `${e.type} / ${e.subType}${e.date ? ` on ${e.date}` : ''}${e.place ? ` at ${names.get(e.place) ?? e.place}` : ''}`, e.rule);
  }
  for (const t of doc.times) add('time', t.start, t.end, null, t.value ?? `unresolved: ${t.unresolved ?? 'no reference date'}`, t.rule);
  for (const x of doc.excluded) add('boilerplate', x.start, x.end, null, 'boilerplate', x.rule);
  for (const m of doc.messages) add('message', m.start, m.end, null, `${m.severity}: ${m.reason}`, m.rule);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    ...docHeader(doc),
    input: doc.input,
    viewText: view ? view.text : null,
    spans,
    entities: doc.entities,
    claims: doc.claims,
    events: doc.events,
    messages: doc.messages,
  };
}
