/**
 * The desk tables (migration 7) kept at ingest equal the whole-store analysis: a realistic store (the dev-half corpus
 * desk of the browser tests and hand-made articles whose speakers are known only by name) is ingested document by
 * document, then re-extracted in part, then partly deleted; after each step the maintained propositions (both
 * thresholds), events and merged entities must be exactly what `groupPropositions` and `groupEvents` compute over every stored document.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Doc } from '../../src/core/index.js';
import { DEFAULT_MIN_CONFIDENCE, eventListing, groupEvents, groupPropositions, indexEntities, toSourceDoc, type EventGroup, type PropositionGroup } from '../../src/crossdoc/index.js';
import { memoryDesk, sqlDesk, storeDesk } from '../../src/desk/index.js';
import { createApp } from '../../src/http/index.js';
import type { Store } from '../../src/store/index.js';
import { storeBackends } from './backends.js';
import { corpusDocs } from '../web/corpus-desk.js';
import { deskDocs, testDoc } from '../http/desk-docs.js';
import { bakhmut, kozinka } from '../crossdoc/build-docs.js';

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Maintained and recomputed propositions at both levels, and events. */
async function compare(store: Store, when: string): Promise<{ propositions: number; events: number }> {
  const docs = (await storeDesk(store).documents()).map(toSourceDoc);
  let propositions = 0;
  for (const level of [0, DEFAULT_MIN_CONFIDENCE]) {
    const rows = await store.db.query<{ body: PropositionGroup }>('SELECT body FROM desk_propositions WHERE level = $1', [level]);
    const expected = groupPropositions(docs, { minConfidence: level });
    assert.deepEqual(byId(rows.map((r) => r.body)), byId(expected), `propositions at level ${level} ${when}`);
    propositions += expected.length;
  }
  const events = await store.db.query<{ body: EventGroup; listing: string }>('SELECT body, listing FROM desk_events');
  const expectedEvents = groupEvents(docs);
  assert.deepEqual(byId(events.map((r) => r.body)), byId(expectedEvents), `events ${when}`);
  for (const r of events) assert.deepEqual(JSON.parse(r.listing), eventListing(r.body), `the listing item of ${r.body.id} ${when}`);
  // Entities: every one merged as the whole-store index merges it, aliases and documents in the same order.
  const expectedEntities = indexEntities(docs);
  const desk = sqlDesk(store);
  const listed = await desk.entities({}, { limit: 100_000, offset: 0 });
  assert.equal(listed.total, expectedEntities.size, `entity count ${when}`);
  assert.deepEqual(byId(listed.items), byId([...expectedEntities.values()]), `entities ${when}`);
  return { propositions, events: expectedEvents.length };
}

/** Speakers known only by name: the short name's claims come first, the full name later in another proposition. */
function nameOnlyDocs(): Doc[] {
  const holds = { kind: 'control', holder: 'UA', polarity: 'asserts' as const };
  return [
    testDoc({
      id: 'short-name', outlet: 'Outlet A', published: '2023-05-20',
      claims: [{ speaker: null, as: 'Malial', sentence: 'Malial said Ukraine still held Bakhmut.', proposition: { ...holds, place: bakhmut } }],
    }),
    testDoc({
      id: 'long-name', outlet: 'Outlet B', published: '2023-05-21',
      claims: [{ speaker: null, as: 'Hannah Malial', sentence: 'Hannah Malial said Ukraine held Kozinka.', proposition: { ...holds, place: kozinka } }],
    }),
    testDoc({
      id: 'other-name', outlet: 'Outlet C', published: '2023-05-22',
      claims: [{ speaker: null, as: 'Olga Malial', sentence: 'Olga Malial said Ukraine held Kozinka.', proposition: { ...holds, place: kozinka } }],
    }),
  ];
}

/** The stores the case runs on: PGlite in memory, and PostgreSQL in a fresh schema when SITREP_TEST_DATABASE_URL is set. */
const backends = storeBackends('sitrep_desk_test');

describe('desk tables', () => {
  let docs: Doc[];
  before(async () => {
    docs = [...nameOnlyDocs(), ...deskDocs(), ...(await corpusDocs())];
  });

  for (const backend of backends) it(`equal the whole-store analysis after each step on ${backend.name}: ingest one by one, re-extract, delete, rebuild`, async () => {
    const { store, drop } = await backend.open();
    try {
      const shortFirst = docs.slice(0, 2);
      for (const doc of shortFirst) await store.ingestDocuments([doc]);
      // The full name arrived after the short one, in another proposition: the short one's proposition follows it.
      const merged = await store.db.query<{ body: PropositionGroup }>(`SELECT body FROM desk_propositions WHERE level = 0 AND place = $1`, [bakhmut.id]);
      assert.equal(merged[0].body.claims[0].source, 'text:hannah malial');
      await compare(store, 'after the name-only articles');
      for (const doc of docs.slice(2)) await store.ingestDocuments([doc]);
      const counts = await compare(store, 'after ingesting one by one');
      assert.ok(counts.propositions >= 20 && counts.events >= 20, `a realistic store: ${JSON.stringify(counts)}`);

      // Re-extraction in place: the same text with fewer claims and events.
      const redo = docs.filter((d) => d.claims.length > 1 && d.events.length > 0).slice(0, 3);
      assert.equal(redo.length, 3);
      const results = await store.ingestDocuments(redo.map((d) => ({ ...d, claims: d.claims.slice(1), events: d.events.slice(1) })), { replace: true });
      assert.ok(results.every((r) => r.replaced), JSON.stringify(results));
      await compare(store, 'after re-extraction');

      // Deleting documents, one of them a full name: "Malial" was two people's tail, now only Olga's.
      for (const id of ['long-name', docs[10].id, docs[20].id]) assert.ok(await store.deleteDocument(id), `delete ${id}`);
      const after = await store.db.query<{ body: PropositionGroup }>(`SELECT body FROM desk_propositions WHERE level = 0 AND place = $1`, [bakhmut.id]);
      assert.ok(after.some((p) => p.body.claims.some((c) => c.source === 'text:olga malial')), JSON.stringify(after.map((p) => p.body.claims.map((c) => c.source))));
      await compare(store, 'after deletes');

      // The API answers the same from the tables as from the documents in memory.
      const fromTables = createApp({ store, extract: async () => [] });
      const inMemory = createApp({ store: memoryDesk(await storeDesk(store).documents()), extract: async () => [] });
      const answer = async (app: typeof fromTables, path: string) => {
        const res = await app.request(path);
        assert.equal(res.status, 200, path);
        return res.json();
      };
      const entities = (await answer(inMemory, '/api/entities?limit=500')) as { items: { id: string }[] };
      const paths = [
        '/api/propositions?limit=500', '/api/propositions?status=contested&limit=500', '/api/propositions?all=1&limit=500',
        '/api/propositions?place=Bakhmut', '/api/events?limit=500', '/api/events?full=1&limit=500', '/api/events?bbox=30,44,41,53&limit=500', '/api/events?status=corroborated',
        '/api/documents?limit=500', '/api/documents?q=Bakhmut', '/api/documents?q=russian%20forces&from=2022-01-01', '/api/documents?outlet=DW',
        '/api/documents?place=Kozinka', '/api/entities?kind=place&limit=500', '/api/entities?q=Maliar', '/api/entities?q=Zelensky&kind=person',
        ...entities.items.filter((_, i) => i % 10 === 0).map((e) => `/api/entities/${encodeURIComponent(e.id)}`),
        ...((await answer(inMemory, '/api/events?limit=500')) as { items: { id: string }[] }).items
          .filter((_, i) => i % 10 === 0).map((e) => `/api/events/${encodeURIComponent(e.id)}`),
      ];
      for (const path of paths) assert.deepEqual(await answer(fromTables, path), await answer(inMemory, path), path);

      // A rebuild from scratch gives the same tables.
      const before = await store.db.query<{ level: number; id: string; body: unknown }>('SELECT level, id, body FROM desk_propositions ORDER BY level, id');
      await store.rebuildDesk();
      const rebuilt = await store.db.query<{ level: number; id: string; body: unknown }>('SELECT level, id, body FROM desk_propositions ORDER BY level, id');
      assert.deepEqual(rebuilt, before);
      await compare(store, 'after a rebuild');

      // A store from before migration 9 gets its events' listing items computed once, from the kept events.
      await store.db.exec(`ALTER TABLE desk_events DROP COLUMN listing; DROP INDEX desk_events_id; DELETE FROM schema_migrations WHERE version = 9`);
      assert.deepEqual(await store.migrate(), [9]);
      await compare(store, 'after migration 9');
    } finally {
      await store.close();
      await drop();
    }
  });
});
