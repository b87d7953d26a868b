/**
 * Documents stored lately, for the live desk (`GET /api/stream`): the documents whose `ingested_at` is after a
 * cursor, with their claims and events, whichever process stored them (on PostgreSQL `sitrep ingest` and workers
 * write beside the server). Transactions commit out of the order of their timestamps, so each look reaches
 * {@link LOOKBACK_SECONDS} behind the cursor and leaves out the ids the caller already knows.
 */
import type { Claim, ConflictEvent } from '../core/index.js';
import type { Store } from '../store/index.js';

/** How far behind the cursor each look reaches. */
export const LOOKBACK_SECONDS = 10;
/** Rows one look reads at most; beyond, the next look goes on from the last one read. */
const LIMIT = 2000;
/** Documents whose claims and events are read per query. */
const DETAIL_BATCH = 200;

/** A document stored lately: what the live desk counts. */
export interface StoredLately {
  readonly id: string;
  readonly title: { readonly value: string } | undefined;
  readonly claims: readonly Claim[];
  readonly events: readonly ConflictEvent[];
}

/**
 * One look: the new cursor and the documents stored after the old one that `known` does not know. The first look
 * (`after` null) reads no document: it gives the cursor and, as `old`, the ids inside the look-back window, which
 * later looks must not take for news.
 */
export type StoredSince = (after: string | null, known: (id: string) => boolean) => Promise<{ cursor: string | null; docs: StoredLately[]; old?: string[] }>;

/** Looks for documents stored after a cursor. */
export function storedSince(store: Store): StoredSince {
  let full = false;
  return async (after, known) => {
    if (after === null) {
      const [row] = await store.db.query<{ at: string | null }>('SELECT max(ingested_at)::text AS at FROM documents');
      if (!row?.at) return { cursor: '-infinity', docs: [] };
      const old = await store.db.query<{ id: string }>(
        `SELECT id FROM documents WHERE ingested_at > $1::timestamptz - $2::interval LIMIT ${LIMIT}`,
        [row.at, `${LOOKBACK_SECONDS} seconds`],
      );
      return { cursor: row.at, docs: [], old: old.map((r) => r.id) };
    }
    // After a full page the next look starts at the cursor itself, so a burst larger than a page still moves on.
    const rows = await store.db.query<{ id: string; at: string }>(
      `SELECT id, ingested_at::text AS at FROM documents
       WHERE ingested_at > $1::timestamptz - $2::interval ORDER BY ingested_at, id LIMIT ${LIMIT}`,
      [after, full ? '0 seconds' : `${LOOKBACK_SECONDS} seconds`],
    );
    full = rows.length === LIMIT;
    const fresh = rows.filter((r) => !known(r.id)).map((r) => r.id);
    const docs: StoredLately[] = [];
    for (let at = 0; at < fresh.length; at += DETAIL_BATCH) {
      const details = await store.db.query<{ id: string; title: string | null; claims: unknown; events: unknown }>(
        `SELECT id, title, extraction->'claims' AS claims, extraction->'events' AS events FROM documents
         WHERE id = ANY($1::text[]) ORDER BY ingested_at, id`,
        [fresh.slice(at, at + DETAIL_BATCH)],
      );
      for (const d of details) {
        docs.push({
          id: d.id,
          title: d.title ? { value: d.title } : undefined,
          claims: Array.isArray(d.claims) ? (d.claims as Claim[]) : [],
          events: Array.isArray(d.events) ? (d.events as ConflictEvent[]) : [],
        });
      }
    }
    const last = rows[rows.length - 1]?.at;
    return { cursor: last && last > after ? last : after, docs };
  };
}
