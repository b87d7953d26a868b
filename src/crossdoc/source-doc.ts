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

/** The outlet named for documents that carry no source, URL or feed: one name for all of them, never their ids. */
export const UNKNOWN_OUTLET = 'unknown outlet';

/**
 * The outlet of a document: its `source` (JSON Lines field, a feed's channel title), else its URL's host, else
 * {@link UNKNOWN_OUTLET}. Independence of sources is judged per speaker, but stories and unattributed reports need
 * to know which outlets carried them. Documents whose outlet is unknown share one name, so two of them never count
 * as two outlets vouching for an unattributed report.
 */
export function outletOf(doc: Pick<Doc, 'id' | 'origin'>): string {
  if (doc.origin.source) return doc.origin.source;
  if (doc.origin.url) {
    try {
      const host = new URL(doc.origin.url).hostname.replace(/^www\./, '');
      if (host) return host;
    } catch {
      // A malformed URL is no reason to lose the document: it is an unknown outlet.
    }
  }
  return UNKNOWN_OUTLET;
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
