/**
 * The store contract: the same cases against every backend. PGlite (in memory) always; PostgreSQL too when
 * SITREP_TEST_DATABASE_URL is set (each case in a fresh schema, dropped afterwards, so reruns pass).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { makeSpan, type Claim, type ConflictEvent, type Doc } from '../../src/core/index.js';
import { migrate, migrations, openPglite, openPostgres, Store, type Db, type Queryable } from '../../src/store/index.js';
import { ARTICLE, ARTICLE_2, htmlTwin, textDoc, withPeople } from './sample-article.js';
import { toExtractionJson } from '../../src/store/extraction-json.js';

/** A backend under test: gives a fresh, empty database per case. */
interface Backend {
  name: string;
  setup(): Promise<void>;
  /** A fresh empty database; `second` opens another connection to the same one (for concurrent writers). */
  fresh(): Promise<{ db: Db; second(): Promise<Db> }>;
  teardown(): Promise<void>;
}

/** A Db that the test owns: closing it through a Store does nothing, the backend closes it at the end. */
function keepOpen(db: Db): Db {
  return { ...db, close: async () => {} };
}

function pgliteBackend(): Backend {
  let db: Db;
  return {
    name: 'PGlite',
    async setup() {
      db = await openPglite();
    },
    async fresh() {
      // One in-memory instance for the suite (starting PGlite takes seconds); each case gets an empty schema.
      await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      return { db: keepOpen(db), second: async () => keepOpen(db) };
    },
    async teardown() {
      await db?.close();
    },
  };
}

function postgresBackend(url: string): Backend {
  const opened: Db[] = [];
  const schemas: string[] = [];
  let admin: pg.Pool;
  return {
    name: 'PostgreSQL',
    async setup() {
      admin = new pg.Pool({ connectionString: url, max: 1 });
    },
    async fresh() {
      const schema = `sitrep_test_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      const open = async () => {
        const db = await openPostgres(url, { schema });
        opened.push(db);
        return keepOpen(db);
      };
      return { db: await open(), second: open };
    },
    async teardown() {
      for (const db of opened) await db.close();
      for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** A document of the sample article with a claim, an event and two people, as the pipeline would leave it. */
function fullDoc(id: string, input = ARTICLE, published = '2023-05-12', source = 'Example News'): Doc {
  const base = withPeople(
    { ...textDoc(id, input, { path: `${id}.txt`, source }), published: { value: published, rule: 'time/test' } },
    [
      { id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hanna Maliar', 'Maliar'], side: 'UA' },
      { id: 'person:yevgeny-prigozhin', name: 'Yevgeny Prigozhin', forms: ['Yevgeny Prigozhin'], side: 'RU' },
    ],
  );
  const quote = input.indexOf('“The enemy');
  const claims: Claim[] = [];
  if (quote >= 0) {
    const end = input.indexOf('losses,”', quote) + 8;
    claims.push({
      id: `${id}#c1`,
      speaker: 'person:hanna-maliar',
      speakerText: 'Maliar',
      side: 'UA',
      cue: 'wrote',
      start: quote,
      end: end + 14,
      content: input.slice(quote, end),
      contentSpan: makeSpan(input, quote, end, 'claims/test'),
      channel: 'Telegram',
      date: published,
      proposition: { kind: 'control', place: 'geo:712', holder: 'UA', polarity: 'asserts' },
      sentence: 3,
      rule: 'claims/test',
    });
  }
  const strike = input.indexOf('Overnight, Russian drones');
  const events: ConflictEvent[] = [];
  if (strike >= 0) {
    events.push({
      id: `${id}#e1`,
      type: 'Explosions/Remote violence',
      subType: 'Air/drone strike',
      date: '2023-05-11',
      place: 'geo:703448',
      actors: ['org:russian-armed-forces'],
      fatalities: null,
      start: strike,
      end: strike + 25,
      text: input.slice(strike, strike + 25),
      sentence: 9,
      rule: 'events/test',
    });
  }
  const boiler = input.indexOf('Independent verification');
  const excluded = boiler >= 0 ? [makeSpan(input, boiler, boiler + 51, 'clean/test')] : [];
  return { ...base, claims, events, excluded };
}

async function count(db: Queryable, table: string, documentId: string): Promise<number> {
  const column = table === 'documents' ? 'id' : 'document_id';
  const rows = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [documentId]);
  return rows[0].n;
}

const DOC_TABLES = ['documents', 'document_sources', 'document_bands', 'excluded_spans', 'mentions', 'claims', 'events'];

const backends: Backend[] = [pgliteBackend()];
if (process.env.SITREP_TEST_DATABASE_URL) backends.push(postgresBackend(process.env.SITREP_TEST_DATABASE_URL));

for (const backend of backends) {
  describe(`store contract on ${backend.name}`, () => {
    before(() => backend.setup());
    after(() => backend.teardown());

    const freshStore = async () => {
      const { db, second } = await backend.fresh();
      const store = new Store(db);
      return { store, db, second };
    };

    test('migrate applies the schema once; running it again is a no-op', async () => {
      const { store, db } = await freshStore();
      const versions = migrations.map((m) => m.version);
      assert.deepEqual(versions.slice(0, 6), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(await store.migrate(), versions);
      assert.deepEqual(await store.migrate(), []);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows, versions.map((version) => ({ version })));
    });

    test('run state is kept by name and replaced on save', async () => {
      const { store } = await freshStore();
      await store.migrate();
      assert.equal(await store.getRunState('context'), null);
      await store.setRunState('context', { entityRegistry: { persons: [{ id: 'person:x', forms: ['X'] }], things: [] } });
      await store.setRunState('context', { entityRegistry: { persons: [], things: [] } });
      assert.deepEqual(await store.getRunState('context'), { entityRegistry: { persons: [], things: [] } });
    });

    test('two processes migrating at once apply each migration once', async () => {
      const { store, second } = await freshStore();
      const other = new Store(await second());
      const [a, b] = await Promise.all([store.migrate(), other.migrate()]);
      assert.deepEqual([...a, ...b].sort((x, y) => x - y), migrations.map((m) => m.version));
    });

    test('a database at an older version is brought up to date with its data', async () => {
      const { db } = await freshStore();
      assert.deepEqual(await migrate(db, migrations.slice(0, 1)), [1]);
      await db.query(
        `INSERT INTO documents (id, content_hash, word_count, format, input, extraction) VALUES ('old', 'h', 2, 'text', 'Hanna\n Maliar', '{}')`,
      );
      await db.query(`INSERT INTO entities (id, kind, name) VALUES ('person:hanna-maliar', 'person', 'Hanna Maliar')`);
      await db.query(
        `INSERT INTO mentions (document_id, ordinal, entity_id, span_start, span_end, text, rule) VALUES ('old', 0, 'person:hanna-maliar', 0, 13, 'Hanna\n Maliar', 'entities/test')`,
      );
      assert.deepEqual(await migrate(db), migrations.slice(1).map((m) => m.version));
      const [row] = await db.query<{ alias: string }>('SELECT alias FROM mentions');
      assert.equal(row.alias, 'Hanna Maliar');
    });

    test('a store holding documents before the desk tables gets them filled when migrated', async () => {
      const { store, db } = await freshStore();
      assert.deepEqual(await migrate(db, migrations.filter((m) => m.version <= 5)), [1, 2, 3, 4, 5]);
      const doc = fullDoc('kyiv-old');
      await db.query(
        `INSERT INTO documents (id, content_hash, word_count, format, input, published, source, extraction)
         VALUES ('kyiv-old', 'h', 2, 'text', $1, '2023-05-12', 'Example News', $2::jsonb)`,
        [doc.input, JSON.stringify(toExtractionJson(doc))],
      );
      assert.ok((await store.migrate()).includes(7));
      const props = await db.query<{ kind: string; status: string }>('SELECT kind, status FROM desk_propositions WHERE level = 0');
      assert.deepEqual(props, [{ kind: 'control', status: 'single-source' }]);
      const [outlet] = await db.query<{ outlet: string }>('SELECT outlet FROM documents');
      assert.equal(outlet.outlet, 'Example News');
      assert.equal((await db.query('SELECT 1 FROM desk_entities')).length, 2);
    });

    test('ingest stores a document with its layers, and get returns it with its extraction', async () => {
      const { store, db } = await freshStore();
      await store.migrate();
      const doc = fullDoc('kyiv-1');
      const [result] = await store.ingestDocuments([doc]);
      assert.deepEqual(result, { id: 'kyiv-1', status: 'stored', storedId: 'kyiv-1' });

      const got = await store.getDocument('kyiv-1');
      assert.ok(got);
      assert.equal(got.input, ARTICLE);
      assert.equal(got.viewText, ARTICLE);
      assert.equal(got.published, '2023-05-12');
      assert.equal(got.source, 'Example News');
      assert.equal(got.sources, 1);
      assert.equal(got.sourceList[0].relation, 'original');
      assert.equal(got.extraction.id, 'kyiv-1');
      assert.equal(got.extraction.entities.length, 2);
      assert.equal(got.extraction.claims.length, 1);
      assert.equal(got.extraction.events.length, 1);
      assert.equal(got.extraction.excluded.length, 1);

      assert.equal(await count(db, 'mentions', 'kyiv-1'), doc.entities.reduce((n, e) => n + e.mentions.length, 0));
      assert.equal(await count(db, 'document_bands', 'kyiv-1'), 16);
      const mentions = await db.query<{ span_start: number; span_end: number; text: string; rule: string }>(
        'SELECT span_start, span_end, text, rule FROM mentions WHERE document_id = $1 ORDER BY ordinal',
        ['kyiv-1'],
      );
      for (const m of mentions) assert.equal(ARTICLE.slice(m.span_start, m.span_end), m.text);
      assert.ok(mentions.every((m) => m.rule === 'entities/test'));

      const [claim] = await db.query('SELECT * FROM claims WHERE document_id = $1', ['kyiv-1']);
      assert.equal(claim.speaker_id, 'person:hanna-maliar');
      assert.equal(claim.claim_date, '2023-05-12');
      assert.equal(claim.prop_kind, 'control');
      assert.equal(claim.prop_holder, 'UA');
      assert.equal(claim.prop_polarity, 'asserts');
      assert.equal(claim.channel, 'Telegram');
      const [event] = await db.query('SELECT * FROM events WHERE document_id = $1', ['kyiv-1']);
      assert.equal(event.sub_type, 'Air/drone strike');
      assert.equal(event.event_date, '2023-05-11');
      assert.deepEqual(event.actors, ['org:russian-armed-forces']);
      assert.equal(event.fatalities, null);
    });

    test('the same input twice is stored once, its source recorded once', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const doc = fullDoc('kyiv-1');
      await store.ingestDocuments([doc]);
      const [again] = await store.ingestDocuments([doc]);
      assert.equal(again.status, 'duplicate');
      assert.equal(again.duplicateOf, 'kyiv-1');
      assert.equal(await store.countDocuments(), 1);
      const got = await store.getDocument('kyiv-1');
      assert.equal(got?.sourceList.length, 1);
      // A duplicate adds nothing to the entities: Maliar's mentions are counted once.
      const maliar = await store.getEntity('person:hanna-maliar');
      assert.equal(maliar?.documents, 1);
    });

    test('a text and its HTML twin are exact duplicates: one document, two sources', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const [text, html] = await store.ingestDocuments([textDoc('article.txt', ARTICLE), htmlTwin('article.html', ARTICLE)]);
      assert.equal(text.status, 'stored');
      assert.deepEqual(html, { id: 'article.html', status: 'duplicate', storedId: 'article.txt', duplicateOf: 'article.txt', similarity: 1 });
      assert.equal(await store.countDocuments(), 1);
      const got = await store.getDocument('article.txt');
      assert.deepEqual(got?.sourceList.map((s) => [s.docKey, s.relation, s.format]), [
        ['article.txt', 'original', 'text'],
        ['article.html', 'duplicate', 'html'],
      ]);
      assert.equal(await store.resolveDocumentId('article.html'), 'article.txt');
      assert.equal(await store.resolveDocumentId('article.txt'), 'article.txt');
      assert.equal(await store.resolveDocumentId('unknown'), null);
    });

    test('a lightly edited copy from another outlet is a near duplicate', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const edited = ARTICLE.replace('eleven attacks', 'twelve attacks').replace('several houses', 'three houses');
      const [, near] = await store.ingestDocuments([fullDoc('a', ARTICLE), fullDoc('b', edited, '2023-05-12', 'Other Outlet')]);
      assert.equal(near.status, 'near-duplicate');
      assert.equal(near.duplicateOf, 'a');
      assert.ok(near.similarity! >= 0.8 && near.similarity! < 1);
      assert.equal(await store.countDocuments(), 1);
      const got = await store.getDocument('a');
      assert.deepEqual(got?.sourceList.map((s) => [s.docKey, s.relation, s.source]), [
        ['a', 'original', 'Example News'],
        ['b', 'near-duplicate', 'Other Outlet'],
      ]);
    });

    test('a different article is stored, also under an id already taken by another text', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const other = 'The city council approved a new budget for public transport on Tuesday, raising bus fares by ten percent and promising twenty new electric trams by the end of next year.';
      const results = await store.ingestDocuments([textDoc('x', ARTICLE), textDoc('y', other), textDoc('x', ARTICLE_2)]);
      assert.deepEqual(results.map((r) => r.status), ['stored', 'stored', 'stored']);
      assert.match(results[2].storedId!, /^x~[0-9a-f]{12}$/);
      assert.equal(await store.countDocuments(), 3);
    });

    test('a transaction that fails halfway leaves nothing of its document', async () => {
      const { store, db } = await freshStore();
      await store.migrate();
      await store.ingestDocuments([fullDoc('first')]);
      // A Db whose transactions fail after the document row, its sources, bands and entities were written.
      const failing: Db = {
        ...db,
        transaction: (fn) =>
          db.transaction((tx) =>
            fn({
              exec: tx.exec,
              query: async (sql, params) => {
                if (sql.includes('INSERT INTO mentions')) throw new Error('connection lost');
                return tx.query(sql, params);
              },
            }),
          ),
      };
      const doc = withPeople(fullDoc('second', ARTICLE_2), [
        { id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hanna Maliar'] },
        { id: 'person:new-person', name: 'New Person', forms: ['Prigozhin'] },
      ]);
      await assert.rejects(new Store(failing).ingestDocuments([doc]), /connection lost/);
      for (const table of DOC_TABLES) assert.equal(await count(db, table, 'second'), 0, table);
      assert.equal(await store.getEntity('person:new-person'), null);
      assert.equal((await store.getEntity('person:hanna-maliar'))?.documents, 1);
      assert.equal(await store.countDocuments(), 1);
      // Nothing left behind blocks storing it properly afterwards.
      const [ok] = await store.ingestDocuments([doc]);
      assert.equal(ok.status, 'stored');
    });

    test('a document the database rejects fails alone and the batch goes on', async () => {
      const { store, db } = await freshStore();
      await store.migrate();
      const bad = fullDoc('bad');
      const twice = { ...bad, claims: [...bad.claims, ...bad.claims] };
      const other = 'The city council approved a new budget for public transport on Tuesday, raising bus fares by ten percent and promising twenty new electric trams.';
      const results = await store.ingestDocuments([twice, textDoc('good', other)]);
      assert.equal(results[0].status, 'failed');
      assert.match(results[0].error!, /rejected/);
      assert.equal(results[1].status, 'stored');
      for (const table of DOC_TABLES) assert.equal(await count(db, table, 'bad'), 0, table);
    });

    test('entity aliases accumulate across documents with counts and first/last seen', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const later = withPeople(
        {
          ...textDoc('later', 'Deputy minister Hana Malyar said on Thursday that Hannah Malial had been misquoted by several outlets about the fighting.'),
          published: { value: '2023-05-25', rule: 'time/test' },
        },
        [{ id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hana Malyar', 'Hannah Malial'], side: 'UA' }],
      );
      const earlier = withPeople(
        {
          ...textDoc('earlier', 'Hannah Malial wrote on Telegram that the situation near the city was difficult; Hannah Malial added that reserves were on the way.'),
          published: { value: '2023-05-12', rule: 'time/test' },
        },
        [{ id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hannah Malial'] }],
      );
      // Stored out of date order: first/last seen follow publication dates, not arrival.
      await store.ingestDocuments([later, earlier]);
      const maliar = await store.getEntity('person:hanna-maliar');
      assert.ok(maliar);
      assert.equal(maliar.kind, 'person');
      assert.equal(maliar.side, 'UA');
      assert.equal(maliar.mentions, 4);
      assert.equal(maliar.documents, 2);
      assert.equal(maliar.firstSeen, '2023-05-12');
      assert.equal(maliar.lastSeen, '2023-05-25');
      assert.deepEqual(
        maliar.aliases.map((a) => [a.alias, a.count, a.documents, a.firstSeen, a.lastSeen, a.firstDocument, a.lastDocument]),
        [
          ['Hannah Malial', 3, 2, '2023-05-12', '2023-05-25', 'earlier', 'later'],
          ['Hana Malyar', 1, 1, '2023-05-25', '2023-05-25', 'later', 'later'],
        ],
      );
      // Recounting from the mentions (as replace and delete do) gives the same as accumulating.
      const [replaced] = await store.ingestDocuments([earlier], { replace: true });
      assert.equal(replaced.replaced, true);
      assert.deepEqual(await store.getEntity('person:hanna-maliar'), maliar);
    });

    test('listing pages through documents, most recent first, and get of an unknown id is null', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const texts = ['Alpha', 'Bravo', 'Charlie'].map(
        (w) => `${w} report: shelling was reported in the morning near the river crossing, officials in the ${w} district said, with no casualties.`,
      );
      await store.ingestDocuments(texts.map((t, i) => textDoc(`d${i}`, t, { source: `Outlet ${i}` })));
      assert.equal(await store.countDocuments(), 3);
      const first = await store.listDocuments({ limit: 2 });
      const rest = await store.listDocuments({ limit: 2, offset: 2 });
      assert.deepEqual([...first, ...rest].map((d) => d.id), ['d2', 'd1', 'd0']);
      assert.equal(first[0].source, 'Outlet 2');
      assert.equal(first[0].sources, 1);
      assert.equal(first[0].format, 'text');
      assert.ok(first[0].words > 10);
      assert.match(first[0].ingestedAt, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(await store.getDocument('nope'), null);
      assert.equal(await store.getEntity('nope'), null);
    });

    test('text with NUL characters, lone surrogates and odd dates is stored, offsets intact', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const input = 'Kyiv\u0000 was shelled overnight, officials said, and \\u0000 is not a NUL here. \uD83D\uDE00 \uDE00 \uD83D.';
      const doc = {
        ...textDoc('nul', input),
        published: { value: '2023-02-30', rule: 'time/test' },
        times: [{ ...makeSpan(input, 0, 4, 'time/test'), value: 'soon', sentence: 0 }],
        excluded: [makeSpan(input, input.indexOf(' \uDE00') + 1, input.indexOf(' \uDE00') + 2, 'clean/test')],
      };
      const [r] = await store.ingestDocuments([doc]);
      assert.equal(r.status, 'stored');
      const got = await store.getDocument('nul');
      assert.equal(got?.input.length, input.length);
      assert.equal(got?.input, input.replace('\u0000', '\uFFFD').replace(' \uDE00 \uD83D.', ' \uFFFD \uFFFD.'));
      assert.equal(got?.published, null);
      assert.equal(got?.extraction.published, '2023-02-30');
      const times = got?.extraction.times as { text: string }[];
      assert.equal(times[0].text, 'Kyiv');
      assert.equal((got?.extraction.excluded as { text: string }[])[0].text, '\uFFFD');
    });

    test('two writers ingesting the same text at once store it once', async () => {
      const { store, second } = await freshStore();
      await store.migrate();
      const other = new Store(await second());
      const results = await Promise.all([
        store.ingestDocument(textDoc('one', ARTICLE, { source: 'A' })),
        other.ingestDocument(htmlTwin('two', ARTICLE)),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['duplicate', 'stored']);
      assert.equal(await store.countDocuments(), 1);
    });

    test('two writers ingesting near copies at once store one and record the other', async () => {
      const { store, second } = await freshStore();
      await store.migrate();
      const other = new Store(await second());
      const edited = ARTICLE.replace('eleven attacks', 'twelve attacks').replace('several houses', 'three houses');
      const results = await Promise.all([
        store.ingestDocument(textDoc('one', ARTICLE)),
        other.ingestDocument(textDoc('two', edited)),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['near-duplicate', 'stored']);
      assert.equal(await store.countDocuments(), 1);
    });

    test('replace re-extracts a stored document in place, keeping its sources and recounting its entities', async () => {
      const { store } = await freshStore();
      await store.migrate();
      const first = fullDoc('kyiv-1');
      await store.ingestDocuments([first, { ...htmlTwin('kyiv-1.html', ARTICLE), entities: [] }]);
      assert.equal((await store.getEntity('person:yevgeny-prigozhin'))?.mentions, 1);

      // The improved pipeline no longer finds Prigozhin and calls Maliar by one more form.
      const again = withPeople(fullDoc('kyiv-1'), [
        { id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hanna Maliar', 'Maliar', 'Deputy Defence Minister'], side: 'UA' },
      ]);
      const [plain] = await store.ingestDocuments([again]);
      assert.equal(plain.status, 'duplicate');
      const [result] = await store.ingestDocuments([again], { replace: true });
      assert.deepEqual(result, { id: 'kyiv-1', status: 'stored', storedId: 'kyiv-1', replaced: true });

      assert.equal(await store.countDocuments(), 1);
      const got = await store.getDocument('kyiv-1');
      assert.deepEqual(got?.sourceList.map((s) => s.docKey), ['kyiv-1', 'kyiv-1.html']);
      assert.deepEqual(got?.extraction.entities.map((e) => (e as { id: string }).id), ['person:hanna-maliar']);
      const prigozhin = await store.getEntity('person:yevgeny-prigozhin');
      assert.equal(prigozhin?.mentions, 0);
      assert.deepEqual(prigozhin?.aliases, []);
      const maliar = await store.getEntity('person:hanna-maliar');
      assert.equal(maliar?.documents, 1);
      assert.deepEqual(
        maliar?.aliases.map((a) => [a.alias, a.count, a.documents, a.firstSeen]),
        [
          // The test's mention finder also finds "Maliar" inside "Hanna Maliar".
          ['Maliar', 2, 1, '2023-05-12'],
          ['Deputy Defence Minister', 1, 1, '2023-05-12'],
          ['Hanna Maliar', 1, 1, '2023-05-12'],
        ],
      );
      assert.equal(maliar?.mentions, 4);
    });

    test('deleting a document removes its layers and recounts the entities it mentioned', async () => {
      const { store, db } = await freshStore();
      await store.migrate();
      const people = [{ id: 'person:hanna-maliar', name: 'Hanna Maliar', forms: ['Hanna Maliar', 'Maliar'] }];
      const early = withPeople({ ...fullDoc('early'), published: { value: '2023-05-05', rule: 'time/test' } }, people);
      const late = withPeople({ ...textDoc('late', ARTICLE_2), published: { value: '2023-05-25', rule: 'time/test' } }, people);
      await store.ingestDocuments([early, late]);
      assert.equal((await store.getEntity('person:hanna-maliar'))?.firstSeen, '2023-05-05');

      assert.equal(await store.deleteDocument('early'), true);
      assert.equal(await store.deleteDocument('early'), false);
      assert.equal(await store.getDocument('early'), null);
      for (const table of DOC_TABLES) assert.equal(await count(db, table, 'early'), 0, table);
      const maliar = await store.getEntity('person:hanna-maliar');
      assert.equal(maliar?.documents, 1);
      assert.equal(maliar?.firstSeen, '2023-05-25');
      assert.deepEqual(maliar?.aliases.map((a) => [a.alias, a.count, a.firstDocument]), [
        ['Hanna Maliar', 1, 'late'],
        ['Maliar', 1, 'late'],
      ]);
      // The text can be stored again afterwards.
      assert.equal((await store.ingestDocuments([early]))[0].status, 'stored');
    });
  });
}
