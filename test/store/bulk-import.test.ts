/**
 * `Store.importDocuments` (batches, multi-row statements) leaves every table exactly as `ingestDocuments` (one
 * transaction per document) does: the dev-half corpus desk and hand-made articles, with an exact duplicate, a near
 * duplicate, an id reused for another text and a text repeated inside one batch, loaded in batches small enough that
 * documents share entities and aliases across and within batches. PGlite always, PostgreSQL when
 * SITREP_TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createDoc, TextView, type Doc } from '../../src/core/index.js';
import type { Store } from '../../src/store/index.js';
import { storeBackends } from './backends.js';
import { corpusDocs } from '../web/corpus-desk.js';
import { deskDocs } from '../http/desk-docs.js';

/** Every table the store writes, with the columns that do not depend on the clock, in a stable order. */
const TABLES: Record<string, string> = {
  documents: `SELECT id, content_hash, minhash, word_count, format, title, published, url, source, path, input, view_text,
    extraction, outlet, outlet_key, entity_count, claim_count, event_count, search::text AS search FROM documents ORDER BY id`,
  document_sources: 'SELECT document_id, source_key, doc_key, relation, similarity, content_hash, title, published FROM document_sources ORDER BY document_id, source_key',
  document_bands: 'SELECT * FROM document_bands ORDER BY document_id, band',
  excluded_spans: 'SELECT * FROM excluded_spans ORDER BY document_id, ordinal',
  time_expressions: 'SELECT * FROM time_expressions ORDER BY document_id, ordinal',
  entities: `SELECT id, kind, name, type, side, role, lat, lon, country, geonames_id, mention_count, document_count,
    first_seen, last_seen FROM entities ORDER BY id`,
  entity_aliases: 'SELECT * FROM entity_aliases ORDER BY entity_id, alias',
  mentions: 'SELECT * FROM mentions ORDER BY document_id, ordinal',
  claims: 'SELECT * FROM claims ORDER BY document_id, id',
  events: 'SELECT * FROM events ORDER BY document_id, id',
  desk_claims: 'SELECT * FROM desk_claims ORDER BY document_id, ordinal',
  desk_claim_views: 'SELECT * FROM desk_claim_views ORDER BY document_id, ordinal',
  desk_event_reports: 'SELECT * FROM desk_event_reports ORDER BY document_id, ordinal',
  desk_entity_docs: 'SELECT * FROM desk_entity_docs ORDER BY document_id, ordinal',
  desk_propositions: 'SELECT * FROM desk_propositions ORDER BY level, prop_key, id',
  desk_events: 'SELECT * FROM desk_events ORDER BY event_key, id',
  desk_entities: 'SELECT id, kind, name, side, mentions, keys, acc FROM desk_entities ORDER BY id',
};

/** The store's documents plus the cases a batch must set aside: duplicates, a reused id, a repeat inside a batch. */
function withDuplicates(docs: readonly Doc[]): Doc[] {
  const long = docs.find((d) => d.input.length > 2000)!;
  const other = docs.find((d) => d !== long && d.input.length > 500)!;
  // A near copy: one word changed near the end of a long text, its spans left where they were.
  const nearInput = `${long.input.slice(0, -40)}quite ${long.input.slice(-34)}`;
  const near: Doc = { ...long, id: 'near-copy', input: nearInput, view: TextView.identity(nearInput), origin: { source: 'Outlet N' } };
  const exact: Doc = { ...other, id: 'exact-copy', origin: { source: 'Outlet E' } };
  const reused = createDoc({ id: other.id, input: 'A different text under an id already used, about the weather on the coast.', format: 'text' });
  return [...docs.slice(0, 5), exact, ...docs.slice(5, 12), near, reused, { ...docs[3], id: 'repeat-in-batch' }, ...docs.slice(12)];
}

async function tables(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(TABLES)) out[name] = await store.db.query(sql);
  return out;
}

const backends = storeBackends('sitrep_bulk_test');

describe('importDocuments', () => {
  let docs: Doc[];
  before(async () => {
    docs = withDuplicates([...deskDocs(), ...(await corpusDocs())]);
  });

  for (const backend of backends) it(`writes the rows ingestDocuments writes, on ${backend.name}`, async () => {
    const one = await backend.open('one');
    const bulk = await backend.open('bulk');
    try {
      const serial = await one.store.ingestDocuments(docs);
      const batched = await bulk.store.importDocuments(docs, { batch: 7 });
      assert.deepEqual(batched.map((r) => r.status), serial.map((r) => r.status));
      assert.ok(['duplicate', 'near-duplicate'].every((s) => serial.some((r) => r.status === s)), JSON.stringify(serial.filter((r) => r.status !== 'stored')));
      assert.ok(serial.some((r) => r.storedId?.includes('~')), 'the reused id is stored under id~hash');
      // Ingest order (what the desk orders claims by), but for the documents set aside and stored after their batch.
      const order = 'SELECT id FROM documents WHERE id NOT LIKE \'%~%\' ORDER BY ingested_at, id';
      assert.deepEqual(await bulk.store.db.query(order), await one.store.db.query(order));
      const expected = await tables(one.store);
      const actual = await tables(bulk.store);
      for (const name of Object.keys(TABLES)) {
        assert.ok(expected[name].length > 0, `${name} has rows`);
        assert.deepEqual(actual[name], expected[name], name);
      }
    } finally {
      await one.store.close();
      await bulk.store.close();
      await one.drop();
      await bulk.drop();
    }
  });
});
