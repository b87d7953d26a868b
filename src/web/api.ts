/**
 * The UI's only way to data: the HTTP API. Types are imported from the server code (erased at bundle time), so
 * a change of a response shape breaks the UI's type check rather than the analyst's screen.
 */
import type { EntitySummary, EventListing, PropositionGroup, PropositionListing, Story } from '../crossdoc/index.js';
import type { ClaimView, DocDetail, DocSummary } from '../http/index.js';

/** A page of results as the API returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  next: number | null;
}

/** An entity page. */
export type EntityDetail = EntitySummary & {
  mentions: { docId: string; start: number; end: number; text: string }[];
  claims: ClaimView[];
  propositions: { id: string; kind: string; placeName: string | null; status: string; from: string | null; to: string | null }[];
  events: { id: string; type: string; subType: string; placeName: string | null; from: string | null; to: string | null; status: string; reports: number }[];
};

async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const url = query.size ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

/**
 * Propositions and events are asked for this many at a time (the newest first; "more" asks for the next page): a
 * store of 100,000 documents holds tens of thousands of events, and a page of 500 was half a megabyte to fetch and draw.
 */
export const PAGE_SIZE = 20;

/** The API calls the UI makes. */
export const api = {
  propositions: (params: { status?: string; place?: string; limit?: number; offset?: number; all?: number } = {}) =>
    getJson<Page<PropositionListing>>('/api/propositions', { limit: PAGE_SIZE, ...params }),
  proposition: (id: string) => getJson<PropositionGroup>(`/api/propositions/${encodeURIComponent(id)}`),
  events: (params: { from?: string; to?: string; limit?: number; offset?: number } = {}) =>
    getJson<Page<EventListing>>('/api/events', { limit: PAGE_SIZE, ...params }),
  places: () => getJson<Page<EntitySummary>>('/api/entities', { kind: 'place', limit: 500 }),
  entities: (q?: string) => getJson<Page<EntitySummary>>('/api/entities', { q, limit: 500 }),
  entity: (id: string) => getJson<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`),
  documents: (q?: string) => getJson<Page<DocSummary>>('/api/documents', { q, limit: 200 }),
  document: (id: string) => getJson<DocDetail>(`/api/documents/${encodeURIComponent(id)}`),
  stories: () => getJson<Page<Story>>('/api/stories', { limit: 200 }),
};
