/**
 * The API over the real store and the real pipeline: the seed articles are posted, read back, and every span
 * the document view returns indexes the input exactly. Runs on PGlite always and on PostgreSQL when
 * SITREP_TEST_DATABASE_URL is set (in a scratch schema, dropped afterwards).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/http/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { SEEDS } from '../../scripts/shared-dir.js';

const seedFiles = readdirSync(SEEDS).filter((x) => x.endsWith('.txt')).sort();
const pgUrl = process.env.SITREP_TEST_DATABASE_URL;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const backends: { name: string; open: () => Promise<Store>; cleanup: () => Promise<void> }[] = [
  { name: 'PGlite', open: () => openStore({ dir: 'memory://', env: {} }), cleanup: async () => {} },
];
if (pgUrl) {
  const schema = `sitrep_http_${process.pid}`;
  backends.push({
    name: 'PostgreSQL',
    open: () => openStore({ url: pgUrl, schema, env: {} }),
    cleanup: async () => {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  });
}

for (const backend of backends) {
  describe(`API over the store on ${backend.name}`, () => {
    let store: Store | undefined;
    let app: ReturnType<typeof createApp>;
    const ready = (async () => {
      store = await backend.open();
      app = createApp({ store });
    })();
    after(async () => {
      await store?.close();
      await backend.cleanup();
    });

    test('posting the seeds stores them; each document view has spans that slice the input exactly', async () => {
      await ready;
      for (const f of seedFiles) {
        const res = await app.request(`/api/documents?id=${encodeURIComponent(f)}&source=seeds`, {
          method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: readFileSync(join(SEEDS, f), 'utf8'),
        });
        assert.equal(res.status, 201, await res.clone().text());
        assert.deepEqual(((await res.json()) as Json).stored, [f]);
      }
      const list = (await (await app.request('/api/documents')).json()) as Json;
      assert.equal(list.total, 2);
      assert.deepEqual(list.items.map((d: Json) => d.published), ['2023-05-25', '2023-05-12']);
      for (const d of list.items) {
        const doc = (await (await app.request(`/api/documents/${encodeURIComponent(d.id)}`)).json()) as Json;
        assert.ok(doc.spans.length > 0, `${d.id} has spans`);
        for (const s of doc.spans) assert.equal(doc.input.slice(s.start, s.end), s.text, `${s.kind} ${s.label}`);
      }
      const again = await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: readFileSync(join(SEEDS, seedFiles[0]), 'utf8') });
      assert.equal(((await again.json()) as Json).duplicates.length, 1, 'the same text again is a duplicate');
    });

    test('an HTML page is stored with its readable text; spans carry offsets into both', async () => {
      await ready;
      const html = '<!doctype html><html><head><title>Strike on Kramatorsk</title><script>var x = 1;</script></head><body><nav>Home | World</nav><article><h1>Strike on Kramatorsk</h1>' +
        '<p>Ukrainian Deputy Defence Minister Hanna Maliar said on Friday that Russian forces shelled Kramatorsk overnight &amp; that the city of Sloviansk was also hit.</p>' +
        '<p>The Russian Defence Ministry said its troops had struck military targets in the Donetsk region, a claim Kyiv denied.</p></article></body></html>';
      const res = await app.request('/api/documents?id=page-1&published=2023-05-20', { method: 'POST', headers: { 'content-type': 'text/html' }, body: html });
      assert.equal(res.status, 201, await res.clone().text());
      const doc = (await (await app.request('/api/documents/page-1')).json()) as Json;
      assert.equal(doc.format, 'html');
      assert.ok(doc.viewText, 'readable text returned');
      assert.ok(!doc.viewText.includes('<p>'));
      assert.ok(!doc.viewText.includes('var x'));
      const mapped = doc.spans.filter((s: Json) => s.kind === 'entity');
      assert.ok(mapped.length > 0, 'entities found in the page');
      for (const s of mapped) {
        assert.equal(doc.input.slice(s.start, s.end), s.text);
        assert.equal(doc.viewText.slice(s.vStart, s.vEnd), s.text, `${s.label} at the same words in the readable text`);
      }
    });

    test('documents?q= is full-text search in the store: each word begins a word of the title or text, in any order', async () => {
      await ready;
      const ids = async (q: string) => ((await (await app.request(`/api/documents?q=${encodeURIComponent(q)}`)).json()) as Json).items.map((d: Json) => d.id);
      const kramatorsk = (await ids('Kramatorsk')).sort();
      assert.ok(kramatorsk.includes('page-1'));
      assert.deepEqual((await ids('kramat')).sort(), kramatorsk, 'a word matches the words it begins, whatever the case');
      assert.ok((await ids('Sloviansk, Maliar')).includes('page-1'));
      assert.deepEqual((await ids('maliar sloviansk')).sort(), (await ids('Sloviansk, Maliar')).sort(), 'every word, in any order');
      assert.deepEqual(await ids('Kramatorsk Zaporizhzhiaxyz'), [], 'every word must match');
      assert.deepEqual(await ids('ramatorsk'), [], 'the middle of a word is not a word');
      assert.deepEqual(await ids('%'), []);
      assert.deepEqual((await store!.searchDocuments(['kramatorsk'])).sort(), kramatorsk);
    });

    test('the desk version changes on new documents and on a re-extraction that replaces one', async () => {
      await ready;
      const { storeDesk } = await import('../../src/http/index.js');
      const { deskDocs } = await import('./desk-docs.js');
      const desk = storeDesk(store!);
      const v0 = await desk.version();
      const [first] = deskDocs();
      await store!.ingestDocuments([first]);
      const v1 = await desk.version();
      assert.notEqual(v1, v0);
      assert.equal(await desk.version(), v1, 'stable while nothing changes');
      await store!.ingestDocuments([{ ...first, entities: first.entities.slice(1) }], { replace: true });
      assert.notEqual(await desk.version(), v1, 'a replaced extraction is a new version');
    });

    test('a new snapshot keeps the documents it had and reads only new or changed rows', async () => {
      await ready;
      const { DeskViews, storeDesk } = await import('../../src/desk/index.js');
      const { deskDocs } = await import('./desk-docs.js');
      const views = new DeskViews(storeDesk(store!), 0);
      const v1 = await views.get();
      const added = deskDocs()[1];
      await store!.ingestDocuments([added]);
      const v2 = await views.get();
      assert.deepEqual(v2.docs.map((d) => d.id), (await storeDesk(store!).documents()).map((d) => d.id), 'the order of a full read');
      assert.ok(v2.byId.has(added.id));
      for (const d of v1.docs) assert.equal(v2.byId.get(d.id), d, `${d.id} kept, not read again`);
      await store!.ingestDocuments([{ ...added, entities: added.entities.slice(1) }], { replace: true });
      const v3 = await views.get();
      assert.notEqual(v3.byId.get(added.id), v2.byId.get(added.id), 'a re-extracted document is read again');
      assert.equal(v3.byId.get(added.id)!.entities.length, added.entities.length - 1);
      for (const d of v1.docs) assert.equal(v3.byId.get(d.id), d);
      // Leave the store as the other cases expect it.
      assert.ok(await store!.deleteDocument(added.id));
      assert.ok(!(await views.get()).byId.has(added.id), 'a deleted document leaves the snapshot');
    });

    test('the seeds give one contested proposition on control of Bakhmut with both sides', async (t) => {
      await ready;
      const all = (await (await app.request('/api/propositions')).json()) as Json;
      if (!all.total) {
        t.skip('needs claims stage: no propositions extracted yet');
        return;
      }
      const contested = (await (await app.request('/api/propositions?status=contested&place=Bakhmut&kind=control')).json()) as Json;
      assert.equal(contested.total, 1);
      assert.ok(contested.items[0].sides.includes('RU'));
      assert.ok(contested.items[0].sides.includes('UA'));
    });
  });
}
