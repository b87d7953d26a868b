/**
 * The cross-document view of one extracted document: what the cross-document rules need (outlet, date,
 * entities, claims, events) and nothing else, so that they run the same over fresh pipeline output and
 * over documents read back from the store.
 */
import type { ConflictEvent, Claim, Doc, Entity } from '../core/index.js';

/** One document as the cross-document rules see it. */
export interface SourceDoc {
  readonly id: string;
  /** The outlet that published it (feed or JSON Lines `source`, else the URL's host, else the document id). */
  readonly outlet: string;
  /** Publication date `YYYY-MM-DD`, or null when unknown (never guessed). */
  readonly published: string | null;
  readonly title: string | null;
  /** The input exactly as read: claim and event offsets index it. */
  readonly input: string;
  /** The readable text, for text similarity between articles (the input when there is no cleaned view). */
  readonly text: string;
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly events: readonly ConflictEvent[];
}

/**
 * The outlet of a document. Independence of sources is judged per speaker, but stories and unattributed
 * reports need to know which outlets carried them, so every document gets one name.
 */
export function outletOf(doc: Pick<Doc, 'id' | 'origin'>): string {
  if (doc.origin.source) return doc.origin.source;
  if (doc.origin.url) {
    try {
      return new URL(doc.origin.url).hostname.replace(/^www\./, '');
    } catch {
      // A malformed URL is no reason to lose the document: fall through to its id.
    }
  }
  return doc.id;
}

/** Turns a pipeline document into its cross-document view. */
export function toSourceDoc(doc: Doc): SourceDoc {
  return {
    id: doc.id,
    outlet: outletOf(doc),
    published: doc.published?.value ?? null,
    title: doc.title?.value ?? null,
    input: doc.input,
    text: doc.view.text,
    entities: doc.entities,
    claims: doc.claims,
    events: doc.events,
  };
}
