/**
 * The store as a {@link DeskSource}: documents read back with one query (input, readable text and the stored
 * extraction JSON), ingest through `Store.ingestDocuments`, and a version that changes whenever any process
 * sharing the database stores a document.
 */
import { TextView, type Doc, type DocFormat } from '../core/index.js';
import { readHtml } from '../ingest/read-html.js';
import type { Store } from '../store/index.js';
import type { DeskChanges, DeskSource, IngestReport } from './desk-source.js';
import { sqlDesk } from './sql-desk.js';

interface DocRow extends Record<string, unknown> {
  id: string;
  format: string;
  title: string | null;
  published: string | null;
  published_rule: string | null;
  url: string | null;
  source: string | null;
  path: string | null;
  input: string;
  view_text: string | null;
  extraction: Record<string, unknown>;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * The readable text of an HTML document with its map back to the input, rebuilt by reading the page again
 * (the store keeps the text, not the map). Accepted only when it gives exactly the stored text; otherwise null.
 */
export function rebuildView(input: string, viewText: string): TextView | null {
  try {
    const view = readHtml(input, { id: 'view' }).view;
    return view && view.text === viewText ? view : null;
  } catch {
    return null;
  }
}

/** Documents whose view text came from the store without its map (see {@link docFromRow}). */
export const UNMAPPED_VIEWS = new WeakSet<TextView>();

/**
 * Rebuilds a document from its row. The readable text comes back without its offset map; the cross-document
 * rules need only the text, and the document view rebuilds the map when it is shown ({@link rebuildView}).
 */
export function docFromRow(row: DocRow): Doc {
  const x = row.extraction ?? {};
  const origin = (x.origin && typeof x.origin === 'object' ? x.origin : {}) as Doc['origin'];
  return {
    id: row.id,
    input: row.input,
    format: row.format as DocFormat,
    origin: { ...origin, path: row.path ?? origin.path, url: row.url ?? origin.url, source: row.source ?? origin.source },
    title: row.title ? { value: row.title } : undefined,
    published: row.published ? { value: row.published, rule: row.published_rule ?? 'store/published' } : undefined,
    view: row.view_text === null ? TextView.identity(row.input) : unmapped(row.input, row.view_text),
    excluded: list(x.excluded),
    sentences: [],
    lang: { words: [], sentences: [], chunks: [], clauses: [] },
    times: list(x.times),
    entities: list(x.entities),
    claims: list(x.claims),
    events: list(x.events),
    messages: list(x.messages),
  };
}

function unmapped(input: string, text: string): TextView {
  const view = TextView.fromPieces(input, text, []);
  UNMAPPED_VIEWS.add(view);
  return view;
}

/** The columns a document is rebuilt from ({@link docFromRow}). */
const ROW_COLUMNS = 'id, format, title, published, published_rule, url, source, path, input, view_text, extraction';
/** Rows read per query when loading many documents. */
const LOAD_BATCH = 500;

/**
 * Name under which the extraction context's learnt state (the entity registry) is kept in the store's `run_state`,
 * by `sitrep ingest` and by the server, so entity ids do not depend on which process saw a name first.
 */
export const CONTEXT_STATE = 'context';

/** Options of {@link storeDesk}. */
export interface StoreDeskOptions {
  /**
   * The extraction context's state after the documents being stored were extracted (the server's worker registry):
   * saved under {@link CONTEXT_STATE} after each batch, so a later `sitrep ingest` goes on from it.
   */
  readonly contextState?: () => unknown;
}

/** A desk over the store. */
export function storeDesk(store: Store, options: StoreDeskOptions = {}): DeskSource {
  return {
    async version() {
      // New documents change the count and the latest ingest time; a re-extraction (`ingest --replace`) keeps
      // both but recounts the entities it touches, which stamps their `updated_at`.
      const [row] = await store.db.query<{ n: string; at: string | null; e: string | null }>(
        `SELECT (SELECT count(*) FROM documents)::text AS n, (SELECT max(ingested_at) FROM documents) AS at,
           (SELECT max(updated_at) FROM entities) AS e`,
      );
      return `store:${row.n}:${row.at ?? ''}:${row.e ?? ''}`;
    },
    search: (words) => store.searchDocuments(words),
    queries: sqlDesk(store),
    async document(id) {
      const rows = await store.db.query<DocRow>(`SELECT ${ROW_COLUMNS} FROM documents WHERE id = $1`, [id]);
      return rows[0] ? docFromRow(rows[0]) : null;
    },
    async documents() {
      const rows = await store.db.query<DocRow>(`SELECT ${ROW_COLUMNS} FROM documents ORDER BY ingested_at, id`);
      return rows.map(docFromRow);
    },
    async changes(known): Promise<DeskChanges> {
      // The stamps of all rows are small (an id and two times each); only the rows whose stamp moved are read.
      const all = await store.db.query<{ id: string; stamp: string }>(
        `SELECT id, ingested_at::text || '/' || updated_at::text AS stamp FROM documents ORDER BY ingested_at, id`,
      );
      const stamps = new Map(all.map((r) => [r.id, r.stamp]));
      const wanted = all.filter((r) => known.get(r.id) !== r.stamp).map((r) => r.id);
      const docs: Doc[] = [];
      for (let at = 0; at < wanted.length; at += LOAD_BATCH) {
        const rows = await store.db.query<DocRow>(`SELECT ${ROW_COLUMNS} FROM documents WHERE id = ANY($1::text[])`, [wanted.slice(at, at + LOAD_BATCH)]);
        for (const row of rows) docs.push(docFromRow(row));
      }
      return { order: all.map((r) => r.id), stamps, docs };
    },
    async ingest(docs, ingestOptions = {}): Promise<IngestReport> {
      const results = await store.ingestDocuments(docs, { replace: ingestOptions.replace === true });
      const state = options.contextState?.();
      if (state) await store.setRunState(CONTEXT_STATE, state);
      return {
        stored: results.filter((r) => r.status === 'stored').map((r) => r.storedId ?? r.id),
        duplicates: results.filter((r) => r.status === 'duplicate' || r.status === 'near-duplicate').map((r) => ({ id: r.id, of: r.duplicateOf ?? '' })),
        failed: results.filter((r) => r.status === 'failed').map((r) => ({ id: r.id, error: r.error ?? 'failed' })),
      };
    },
  };
}
