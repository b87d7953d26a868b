/**
 * The store: documents and everything extracted from them, in Postgres SQL over one {@link Db}
 * (PGlite or a PostgreSQL server). Each document is written in one transaction; exact and near-duplicate
 * documents are recognised and recorded as further sources of the stored one instead of being stored twice.
 */
import type { Doc } from '../core/index.js';
import type { Db, Queryable } from './db.js';
import type { ExtractionJson } from './extraction-json.js';
import { fingerprintDoc, NEAR_DUPLICATE_SIMILARITY, similarity, type Fingerprint } from './fingerprint.js';
import { migrate } from './migrate.js';
import { importBatch, refreshImported } from './bulk-import.js';
import { noTouch, rebuildDeskTables, fillEventListings, refreshAllPropositions, refreshDesk, storedSourceDoc, touchedBy, writeDeskRows } from './desk-tables.js';
import {
  DOCUMENT_COLUMNS, documentRows, documentValues, insertDocumentRows, insertLayerRows, INSERT_SOURCE, jsonParam, layerRows, sourceRow,
  storedRow,
} from './document-rows.js';

/** What happened to one document on ingest. */
export type IngestStatus = 'stored' | 'duplicate' | 'near-duplicate' | 'failed';

/** The outcome of ingesting one document. */
export interface IngestResult {
  /** The document's id as given. */
  readonly id: string;
  readonly status: IngestStatus;
  /**
   * The stored document holding this text: the document itself when `stored` (under `<id>~<hash>` when its id was
   * already taken by a different text), the earlier one when a duplicate; absent when `failed`.
   */
  readonly storedId?: string;
  /** For `duplicate` and `near-duplicate`: the stored document it duplicates (itself when ingested twice). */
  readonly duplicateOf?: string;
  /** Estimated Jaccard similarity of the word shingles to the stored text: 1 for exact duplicates. */
  readonly similarity?: number;
  /** Why it failed, one sentence (bad data in the document; the batch goes on). */
  readonly error?: string;
  /** True when `stored` replaced the earlier extraction of the same text from the same source (`replace` option). */
  readonly replaced?: boolean;
}

/** Options for {@link Store.ingestDocuments}. */
export interface IngestOptions {
  /** Called after each document, in order (for progress bars). */
  onResult?: (result: IngestResult, index: number) => void;
  /**
   * Re-extraction: a document whose text is already stored under its own id replaces that document's row and
   * layers (its recorded sources stay) instead of counting as a duplicate of itself. Other duplicates are unchanged.
   */
  replace?: boolean;
  /**
   * Runs inside a document's transaction once it is known to be stored (new, or replaced), before any of its rows are
   * written, and returns the document to write: how concurrent writers link entities to one shared registry
   * (`src/queue/shared-registry.ts`). Not called for duplicates. The transaction may still roll back (or be retried
   * after a deadlock, calling it again), so the caller learns the outcome from the result or the throw.
   */
  link?: (tx: Queryable, doc: Doc) => Promise<Doc>;
}

/** One stored document in a listing. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly format: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly path: string | null;
  readonly words: number;
  /** Number of sources it was read from (1 + duplicates recorded). */
  readonly sources: number;
  /** ISO timestamp. */
  readonly ingestedAt: string;
}

/** A source a stored document was read from: the original or a duplicate. */
export interface DocumentSource {
  readonly docKey: string;
  readonly relation: 'original' | 'duplicate' | 'near-duplicate';
  /** Estimated Jaccard similarity to the stored text (1 for the original and exact duplicates). */
  readonly similarity: number;
  readonly format: string | null;
  readonly path: string | null;
  readonly line: number | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly seenAt: string;
}

/** A stored document with its text, extraction and sources. */
export interface StoredDocument extends DocumentSummary {
  readonly input: string;
  /** The readable text (equal to `input` for plain text). */
  readonly viewText: string;
  readonly contentHash: string;
  readonly extraction: ExtractionJson;
  readonly sourceList: readonly DocumentSource[];
}

/** An alias of a stored entity: a surface form with how often and when it was seen. */
export interface StoredAlias {
  readonly alias: string;
  readonly count: number;
  readonly documents: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly firstDocument: string | null;
  readonly lastDocument: string | null;
}

/** A stored entity with its aliases, most frequent first. */
export interface StoredEntity {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly type: string | null;
  readonly side: string | null;
  readonly role: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly geonamesId: number | null;
  readonly mentions: number;
  readonly documents: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly aliases: readonly StoredAlias[];
}

/** Namespaces of the advisory locks that serialise writers touching the same text (see {@link lockKeys}). */
const LOCK_BAND = 0x51 * 2 ** 36;
const LOCK_HASH = 0x5175 * 2 ** 32;
const LOCK_ID = 0x5176 * 2 ** 32;

/** SQLSTATE classes that mean "this document's data is bad", not "the database is unusable". */
const DATA_ERROR = /^2[23]/;
/** SQLSTATEs of a transaction that lost a race (deadlock, serialisation) and can simply be retried. */
const RETRY = new Set(['40001', '40P01']);

/** A 32-bit hash of a string, for advisory lock keys. */
function lockHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Advisory lock keys for a document, sorted: its exact hash, its id and each LSH band key. Two workers
 * ingesting copies of one article (or near copies: they share a band key) then run one after the other, and the
 * second sees the first's committed row. Sorted so that two writers never wait on each other in a cycle.
 */
function lockKeys(fp: Fingerprint, id: string): number[] {
  const keys = [LOCK_HASH + lockHash(fp.hash), LOCK_ID + lockHash(id)];
  fp.bands?.forEach((key, band) => keys.push(LOCK_BAND + band * 2 ** 32 + (key >>> 0)));
  return keys.sort((a, b) => a - b);
}

/** Casts some parameters need (an array, a JSON text). */
const CASTS: Partial<Record<(typeof DOCUMENT_COLUMNS)[number], string>> = { minhash: '::integer[]', extraction: '::jsonb' };

/** Tables holding a document's layers: what a re-extraction replaces (its recorded sources stay). */
const LAYER_TABLES = ['document_bands', 'excluded_spans', 'time_expressions', 'mentions', 'claims', 'events', 'desk_claims', 'desk_event_reports', 'desk_entity_docs', 'desk_claim_views',
] as const;

/** Migration 7 made the desk tables: a store holding documents fills them once, right after migrating. */
const DESK_TABLES_MIGRATION = 7;
/** Migration 8 added the propositions' listing items: a store holding documents recomputes its propositions once. */
const LISTING_MIGRATION = 8;
/** Migration 9 added the events' listing items: a store holding documents computes them once from the kept events. */
const EVENT_LISTING_MIGRATION = 9;

/**
 * Recomputes the counts, first/last seen and aliases of the given entities from their stored mentions. Used when a
 * document is replaced or deleted: accumulated counters cannot subtract a document's first/last dates.
 */
async function recountEntities(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const seen = `(SELECT m.entity_id, m.alias, m.document_id, COALESCE(d.published, d.ingested_at::date) AS seen,
      d.ingested_at FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ANY($1::text[]))`;
  await tx.query(
    `UPDATE entities e SET mention_count = COALESCE(a.n, 0), document_count = COALESCE(a.docs, 0),
       first_seen = a.first_seen, last_seen = a.last_seen, updated_at = now()
     FROM unnest($1::text[]) AS x(id)
     LEFT JOIN (SELECT entity_id, count(*)::integer AS n, count(DISTINCT document_id)::integer AS docs,
                  min(seen) AS first_seen, max(seen) AS last_seen FROM ${seen} AS s GROUP BY entity_id) AS a
       ON a.entity_id = x.id
     WHERE e.id = x.id`,
    [ids],
  );
  await tx.query('DELETE FROM entity_aliases WHERE entity_id = ANY($1::text[])', [ids]);
  await tx.query(
    `INSERT INTO entity_aliases (entity_id, alias, count, document_count, first_seen, last_seen, first_document, last_document)
     SELECT entity_id, alias, count(*)::integer, count(DISTINCT document_id)::integer, min(seen), max(seen),
       (array_agg(document_id ORDER BY seen, ingested_at, document_id))[1],
       (array_agg(document_id ORDER BY seen DESC, ingested_at DESC, document_id DESC))[1]
     FROM ${seen} AS s WHERE alias <> '' GROUP BY entity_id, alias`,
    [ids],
  );
}

const SUMMARY_COLUMNS = `d.id, d.title, d.published, d.format, d.source, d.url, d.path, d.word_count AS words,
  (SELECT count(*) FROM document_sources s WHERE s.document_id = d.id) AS sources, d.ingested_at AS "ingestedAt"`;

/** The store over one database. Create it with `openStore()` or `new Store(db)` and call {@link Store.migrate}. */
export class Store {
  /** @param db the database; the store closes it on {@link Store.close}. */
  constructor(readonly db: Db) {}

  /**
   * Brings the schema up to date; returns the migration versions applied (none when already current). A store that
   * already held documents when the desk tables were added gets them filled ({@link Store.rebuildDesk}).
   */
  async migrate(): Promise<number[]> {
    const applied = await migrate(this.db);
    if (!applied.length || (await this.countDocuments()) === 0) return applied;
    if (applied.includes(DESK_TABLES_MIGRATION)) await this.rebuildDesk();
    else {
      if (applied.includes(LISTING_MIGRATION)) await this.db.transaction((tx) => refreshAllPropositions(tx, jsonParam));
      if (applied.includes(EVENT_LISTING_MIGRATION)) await this.db.transaction((tx) => fillEventListings(tx, jsonParam));
    }
    return applied;
  }

  /**
   * Recomputes the desk tables (propositions, events, outlets) from every stored document, in one transaction;
   * returns the number of documents read. For stores written before migration 7 and after a change of the
   * cross-document rules (`sitrep rebuild`).
   */
  rebuildDesk(onProgress?: (done: number) => void): Promise<number> {
    return this.db.transaction((tx) => rebuildDeskTables(tx, jsonParam, onProgress));
  }

  /**
   * Stores documents one by one, each in its own transaction, and says for each whether it was stored or
   * recognised as an exact or near duplicate of a stored one (then only its source is recorded). A document
   * whose data the database rejects comes back `failed` and the batch goes on; a database that stops
   * working throws.
   */
  async ingestDocuments(docs: Iterable<Doc>, options: IngestOptions = {}): Promise<IngestResult[]> {
    const results: IngestResult[] = [];
    let index = 0;
    for (const doc of docs) {
      const result = await this.ingestDocument(doc, options);
      results.push(result);
      options.onResult?.(result, index++);
    }
    return results;
  }

  /**
   * Loads many documents fast (restores, benchmarks): `batch` documents (default 200) per transaction, each table
   * written by one multi-row statement, with the rows {@link Store.ingestDocuments} writes. Documents that are not new
   * and distinct (an exact or near duplicate, an id already stored) are stored one by one after the rest of their
   * batch, as `ingestDocuments` stores them. The propositions and events of the keys the load touched are recomputed
   * in one transaction at the end: until then readers see the documents but not yet their propositions and events.
   * Meant for one writer: concurrent writers may miss a duplicate across a batch. Results come in the input order.
   */
  async importDocuments(docs: Iterable<Doc>, options: { batch?: number; onBatch?: (done: number) => void } = {}): Promise<IngestResult[]> {
    const size = Math.max(1, Math.floor(options.batch ?? 200));
    const results: IngestResult[] = [];
    const touch = noTouch();
    let pending: Doc[] = [];
    const flush = async () => {
      const fps = pending.map((d) => fingerprintDoc(d));
      const batch = pending;
      pending = [];
      const accepted = await this.db.transaction((tx) => importBatch(tx, batch, fps, touch));
      const at = results.length;
      for (const i of accepted) results[at + i] = { id: batch[i].id, status: 'stored', storedId: batch[i].id };
      for (let i = 0; i < batch.length; i++) results[at + i] ??= await this.ingestDocument(batch[i]);
      options.onBatch?.(results.length);
    };
    for (const doc of docs) {
      pending.push(doc);
      if (pending.length >= size) await flush();
    }
    if (pending.length) await flush();
    await this.db.transaction((tx) => refreshImported(tx, touch));
    return results;
  }

  /** Stores one document in one transaction (see {@link Store.ingestDocuments}). */
  async ingestDocument(doc: Doc, options: Pick<IngestOptions, 'replace' | 'link'> = {}): Promise<IngestResult> {
    const fp = fingerprintDoc(doc);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.write(tx, doc, fp, options.replace === true, options.link));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && RETRY.has(code) && attempt < 5) continue;
        if (typeof code === 'string' && DATA_ERROR.test(code)) {
          const reason = error instanceof Error ? error.message : String(error);
          return { id: doc.id, status: 'failed', error: `the database rejected the document: ${reason}` };
        }
        throw error;
      }
    }
  }

  /** The body of one document's transaction. */
  private async write(tx: Queryable, given: Doc, fp: Fingerprint, replace: boolean, link?: IngestOptions['link']): Promise<IngestResult> {
    let doc = given;
    await tx.query(
      'SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS keys',
      [lockKeys(fp, doc.id)],
    );

    const exact = await tx.query<{ id: string; doc_key: string | null }>(
      `SELECT d.id, s.doc_key FROM documents d
       LEFT JOIN document_sources s ON s.document_id = d.id AND s.relation = 'original'
       WHERE d.content_hash = $1`,
      [fp.hash],
    );
    if (exact[0] && replace && exact[0].doc_key === doc.id) {
      if (link) doc = await link(tx, doc);
      await this.replaceDocument(tx, doc, fp, exact[0].id);
      return { id: doc.id, status: 'stored', storedId: exact[0].id, replaced: true };
    }
    if (exact[0]) {
      await tx.query(INSERT_SOURCE, sourceRow(doc, exact[0].id, 'duplicate', 1, fp.hash));
      return { id: doc.id, status: 'duplicate', storedId: exact[0].id, duplicateOf: exact[0].id, similarity: 1 };
    }

    if (fp.minhash && fp.bands) {
      const candidates = await tx.query<{ id: string; minhash: number[] }>(
        `SELECT d.id, d.minhash FROM documents d
         WHERE d.id IN (SELECT b.document_id FROM document_bands b
                        JOIN unnest($1::smallint[], $2::integer[]) AS k(band, key) ON b.band = k.band AND b.key = k.key)
         ORDER BY d.ingested_at, d.id`,
        [fp.bands.map((_, band) => band), fp.bands],
      );
      let best: { id: string; similarity: number } | undefined;
      for (const c of candidates) {
        const sim = similarity(fp.minhash, c.minhash);
        if (sim >= NEAR_DUPLICATE_SIMILARITY && (!best || sim > best.similarity)) best = { id: c.id, similarity: sim };
      }
      if (best) {
        await tx.query(INSERT_SOURCE, sourceRow(doc, best.id, 'near-duplicate', best.similarity, fp.hash));
        return { id: doc.id, status: 'near-duplicate', storedId: best.id, duplicateOf: best.id, similarity: best.similarity };
      }
    }

    // A different text under an id already stored (an article updated at the same URL): keep both.
    const taken = await tx.query('SELECT 1 FROM documents WHERE id = $1', [doc.id]);
    const id = taken.length ? `${doc.id}~${fp.hash.slice(0, 12)}` : doc.id;
    if (link) doc = await link(tx, doc);
    await this.insertDocument(tx, doc, fp, id);
    return { id: doc.id, status: 'stored', storedId: id };
  }

  /** Inserts a new document and every layer extracted from it, and brings the desk tables up to date. */
  private async insertDocument(tx: Queryable, doc: Doc, fp: Fingerprint, id: string): Promise<void> {
    const rows = documentRows(doc, fp, id);
    await insertDocumentRows(tx, [rows]);
    await refreshDesk(tx, await writeDeskRows(tx, [storedSourceDoc(rows.stored)], jsonParam, noTouch(), true), jsonParam);
  }

  /**
   * Replaces a stored document's row and layers with a new extraction of the same text, keeping its recorded
   * sources, then recomputes the counts of every entity it mentioned before or mentions now.
   */
  private async replaceDocument(tx: Queryable, doc: Doc, fp: Fingerprint, id: string): Promise<void> {
    const before = await tx.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM mentions WHERE document_id = $1', [id]);
    const touched = await touchedBy(tx, id);
    for (const table of LAYER_TABLES) await tx.query(`DELETE FROM ${table} WHERE document_id = $1`, [id]);
    const sets = DOCUMENT_COLUMNS.slice(1).map((column, i) => `${column} = $${i + 2}${CASTS[column] ?? ''}`);
    const values = documentValues(doc, fp, id);
    await tx.query(`UPDATE documents SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
    await insertLayerRows(tx, [layerRows(doc, fp, id)]);
    await refreshDesk(tx, await writeDeskRows(tx, [storedSourceDoc(storedRow(values))], jsonParam, touched), jsonParam);
    const ids = new Set([...before.map((r) => r.entity_id), ...doc.entities.map((e) => e.id)]);
    await recountEntities(tx, [...ids].sort());
  }

  /**
   * Deletes a stored document with everything extracted from it and its recorded sources, and recomputes the
   * counts and aliases of the entities it mentioned. Returns false when there is no such document.
   */
  async deleteDocument(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOCK_ID + lockHash(id)]);
      const before = await tx.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM mentions WHERE document_id = $1', [id]);
      const touched = await touchedBy(tx, id, noTouch());
      const deleted = await tx.query('DELETE FROM documents WHERE id = $1 RETURNING id', [id]);
      await recountEntities(tx, before.map((r) => r.entity_id).sort());
      await refreshDesk(tx, touched, jsonParam);
      return deleted.length > 0;
    });
  }

  /** Stored documents, the most recently stored first, `limit` (default 50) from `offset` (default 0). */
  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const limit = Math.max(0, Math.floor(options.limit ?? 50));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    return this.db.query<DocumentSummary & Record<string, unknown>>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.ingested_at DESC, d.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  /**
   * Ids of the stored documents whose title or readable text has, for every word of `words` (lower-case letters and
   * digits), a word beginning with it: Postgres full-text search over the indexed `search` column (migration 4).
   * No words, no documents.
   */
  async searchDocuments(words: readonly string[]): Promise<string[]> {
    const terms = words.filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
    if (!terms.length) return [];
    // The index, always: the rows are few pages (texts live in TOAST), so the planner would scan them all and
    // unpack every row's search vector, which grows with the store; the GIN index touches only what matches.
    const rows = await this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ id: string }>(
        `SELECT id FROM documents WHERE search @@ to_tsquery('simple'::regconfig, $1)`,
        [terms.map((w) => `'${w}':*`).join(' & ')],
      );
    });
    return rows.map((r) => r.id);
  }

  /** Number of stored documents (duplicates not counted). */
  async countDocuments(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
    return rows[0].n;
  }

  /** One stored document with its text, extraction JSON and sources, or null when there is none with that id. */
  async getDocument(id: string): Promise<StoredDocument | null> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${SUMMARY_COLUMNS}, d.input, COALESCE(d.view_text, d.input) AS "viewText", d.content_hash AS "contentHash",
         d.extraction FROM documents d WHERE d.id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const sourceList = await this.db.query<DocumentSource & Record<string, unknown>>(
      `SELECT doc_key AS "docKey", relation, similarity, format, path, line, url, source, title, published, seen_at AS "seenAt"
       FROM document_sources WHERE document_id = $1 ORDER BY seen_at, source_key`,
      [id],
    );
    return { ...(rows[0] as unknown as StoredDocument), sourceList };
  }

  /**
   * The id of the stored document holding the text read as `key`: `key` itself when stored under it, else the
   * document a duplicate with that reader id was recorded against; null when neither is known.
   */
  async resolveDocumentId(key: string): Promise<string | null> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM (
         SELECT id, 0 AS rank, ingested_at AS at FROM documents WHERE id = $1
         UNION ALL
         SELECT document_id, 1, seen_at FROM document_sources WHERE doc_key = $1
       ) AS found ORDER BY rank, at DESC LIMIT 1`,
      [key],
    );
    return rows[0]?.id ?? null;
  }

  /** One stored entity with its aliases (most frequent first), or null. */
  async getEntity(id: string): Promise<StoredEntity | null> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT id, kind, name, type, side, role, lat, lon, country, geonames_id AS "geonamesId", mention_count AS mentions,
         document_count AS documents, first_seen AS "firstSeen", last_seen AS "lastSeen" FROM entities WHERE id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const aliases = await this.db.query<StoredAlias & Record<string, unknown>>(
      `SELECT alias, count, document_count AS documents, first_seen AS "firstSeen", last_seen AS "lastSeen",
         first_document AS "firstDocument", last_document AS "lastDocument"
       FROM entity_aliases WHERE entity_id = $1 ORDER BY count DESC, alias`,
      [id],
    );
    return { ...(rows[0] as unknown as StoredEntity), aliases };
  }

  /** Closes the database. */
  /** The run state saved under `name` (e.g. the entity registry), or null. */
  async getRunState(name: string): Promise<unknown> {
    const rows = await this.db.query<{ value: unknown }>('SELECT value FROM run_state WHERE name = $1', [name]);
    return rows[0]?.value ?? null;
  }

  /** Saves run state under `name`, replacing what was there. */
  async setRunState(name: string, value: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO run_state (name, value) VALUES ($1, $2::jsonb)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [name, jsonParam(value)],
    );
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
