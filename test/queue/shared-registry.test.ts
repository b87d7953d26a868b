/**
 * Two writers that extract independently share one entity registry through the store: the second links a spelling
 * variant to the person the first stored, and neither overwrites the other's records. PGlite in memory (one process,
 * two registries over one database, as two workers over one server).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { createContext, restoreContextState, runPipeline } from '../../src/pipeline.js';
import { SharedRegistry } from '../../src/queue/shared-registry.js';
import { openStore } from '../../src/store/index.js';

const FIRST = 'Ukrainian military spokesman Taras Hrytsenko said on Monday that Russian forces shelled the town of Kupiansk overnight.';
const SECOND = 'Military spokesman Taras Grytsenko told reporters on Tuesday that the shelling of Kupiansk continued. Grytsenko said two people were wounded.';

test('two writers that opened the registry before either stored link a spelling variant to one person id', async () => {
  const store = await openStore({ dir: 'memory://' });
  try {
    // Both open before anything is stored: neither's extraction context knows the other's person.
    const a = await SharedRegistry.open(store);
    const b = await SharedRegistry.open(store);
    const ctxA = await createContext({});
    restoreContextState(ctxA, a.state());
    const ctxB = await createContext({});
    restoreContextState(ctxB, b.state());

    const docB = runPipeline(createDoc({ id: 'second', input: SECOND, format: 'text' }), ctxB);
    assert.ok(docB.entities.some((e) => e.id === 'person:taras-grytsenko'), 'alone, the variant would get an id of its own');

    assert.equal((await a.ingest(store, runPipeline(createDoc({ id: 'first', input: FIRST, format: 'text' }), ctxA))).status, 'stored');
    assert.equal((await b.ingest(store, docB)).status, 'stored');

    const people = await store.db.query<{ document_id: string; entity_id: string }>(
      `SELECT DISTINCT document_id, entity_id FROM mentions WHERE entity_id LIKE 'person:%' ORDER BY document_id`,
    );
    assert.deepEqual(people, [
      { document_id: 'first', entity_id: 'person:taras-hrytsenko' },
      { document_id: 'second', entity_id: 'person:taras-hrytsenko' },
    ]);
    const rows = await store.db.query<{ id: string; forms: string[] }>(
      `SELECT id, record->'forms' AS forms FROM entity_registry WHERE kind = 'person'`,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].id, 'person:taras-hrytsenko');
    assert.ok(rows[0].forms.includes('Taras Grytsenko') && rows[0].forms.includes('Taras Hrytsenko'), JSON.stringify(rows[0].forms));

    // A third writer opened now starts from both writers' records.
    const c = await SharedRegistry.open(store);
    const snap = (c.state() as { entityRegistry: { persons: { id: string }[] } }).entityRegistry;
    assert.deepEqual(snap.persons.map((p) => p.id), ['person:taras-hrytsenko']);
  } finally {
    await store.close();
  }
});

test('a document the store refuses after linking leaves no record behind in the writer that linked it', async () => {
  const store = await openStore({ dir: 'memory://' });
  try {
    const shared = await SharedRegistry.open(store);
    const ctx = await createContext({});
    const doc = runPipeline(createDoc({ id: 'first', input: FIRST, format: 'text' }), ctx);
    // Two claims with one id: the database rejects the document after its entities were linked.
    const bad = { ...doc, claims: [...doc.claims, ...doc.claims], events: [] };
    assert.ok(doc.claims.length > 0, 'the sample has a claim to repeat');
    assert.equal((await shared.ingest(store, bad)).status, 'failed');
    assert.deepEqual(await store.db.query('SELECT id FROM entity_registry'), []);
    const snap = (shared.state() as { entityRegistry: { persons: { id: string }[] } }).entityRegistry;
    assert.deepEqual(snap.persons, [], 'the rolled-back person is forgotten here too');
    assert.equal((await shared.ingest(store, doc)).status, 'stored');
    assert.deepEqual(await store.db.query('SELECT id FROM entity_registry'), [{ id: 'person:taras-hrytsenko' }]);
  } finally {
    await store.close();
  }
});
