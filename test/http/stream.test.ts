/**
 * The live desk's stream (`GET /api/stream`): an event per stored document with its numbers of claims, events and
 * propositions, emitted on POST; replay after a reconnect; closed and too slow clients let go.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../../src/core/index.js';
import { createApp, memoryDesk } from '../../src/http/index.js';
import { LiveFeed, MAX_BACKLOG, noticeOf } from '../../src/http/live.js';
import { deskDocs } from './desk-docs.js';
import { SseReader } from './sse-reader.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Polls `check` until it holds (bounded). */
async function until(check: () => boolean, what: string, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${waitMs} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** An app whose extraction gives a posted text the layers of the prepared document with the same input. */
function makeApp(held: Doc[], initial: Doc[] = []) {
  const live = new LiveFeed();
  const app = createApp({
    store: memoryDesk(initial),
    live,
    extract: async (inits) => inits.map((init) => {
      const doc = held.find((d) => d.input === init.input);
      return doc ? { ...doc, id: init.id } : createDoc(init);
    }),
  });
  return { app, live };
}

const post = (app: ReturnType<typeof createApp>, body: string, id: string) =>
  app.request(`/api/documents?id=${encodeURIComponent(id)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

test('a POSTed document is announced on the stream with its claims, events and propositions', async () => {
  const [first, second] = deskDocs();
  const { app, live } = makeApp([second], [first]);
  const res = await app.request('/api/stream');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.match(res.headers.get('cache-control') ?? '', /no-cache/);
  const sse = new SseReader(res.body!);
  await until(() => live.size === 1, 'the client is registered');

  const stored = await post(app, second.input, 'posted-1');
  assert.equal(stored.status, 201);
  const event = await sse.next((e) => e.event === 'document');
  const notice = JSON.parse(event.data) as Json;
  assert.equal(notice.id, 'posted-1');
  assert.equal(notice.title, 'Wagner claims Bakhmut');
  assert.equal(notice.claims, 3);
  assert.equal(notice.events, 1);
  assert.equal(notice.propositions, 1, 'three claims about one proposition (control of Bakhmut)');
  assert.match(event.id ?? '', /^[a-z0-9]+-\d+$/);

  // The same text again is a duplicate: stored once, announced once.
  assert.equal((await post(app, second.input, 'posted-2')).status, 201);
  assert.equal((await post(app, 'A plain new text without claims.', 'plain')).status, 201);
  const next = JSON.parse((await sse.next((e) => e.event === 'document')).data) as Json;
  assert.equal(next.id, 'plain', 'the duplicate was not announced');
  assert.deepEqual([next.claims, next.events, next.propositions], [0, 0, 0]);

  await sse.cancel();
  await until(() => live.size === 0, 'a closed connection removes its client');
});

test('a reconnecting client gets the events it missed (Last-Event-ID); an unknown id replays nothing', async () => {
  const live = new LiveFeed();
  const first = new SseReader(live.subscribe());
  live.publish([{ id: 'a', title: null, claims: 1, events: 0, propositions: 0 }]);
  const seen = await first.next();
  await first.cancel();
  live.publish([{ id: 'b', title: null, claims: 2, events: 0, propositions: 1 }, { id: 'c', title: null, claims: 0, events: 1, propositions: 0 }]);
  const again = new SseReader(live.subscribe(seen.id));
  assert.deepEqual([(JSON.parse((await again.next()).data) as Json).id, (JSON.parse((await again.next()).data) as Json).id], ['b', 'c']);
  await again.cancel();
  const stranger = new SseReader(live.subscribe('zzz-1'));
  live.publish([{ id: 'd', title: null, claims: 0, events: 0, propositions: 0 }]);
  assert.equal((JSON.parse((await stranger.next()).data) as Json).id, 'd', 'an id of another server run replays nothing');
  await stranger.cancel();
  assert.equal(live.size, 0);
});

test('a client that reads nothing is dropped once its backlog is full; the others go on', async () => {
  const live = new LiveFeed();
  const stalled = live.subscribe();
  stalled.getReader(); // locked, never read
  const reading = new SseReader(live.subscribe());
  assert.equal(live.size, 2);
  for (let i = 0; i <= MAX_BACKLOG + 1; i++) {
    live.publish([{ id: `doc-${i}`, title: null, claims: 0, events: 0, propositions: 0 }]);
    await reading.next((e) => (JSON.parse(e.data) as Json).id === `doc-${i}`);
  }
  assert.equal(live.size, 1, 'the stalled client is gone, the reading one stays');
  await reading.cancel();
  assert.equal(live.size, 0);
  live.close();
});

test('the notice counts propositions once per kind and place, at the desk\'s confidence', () => {
  const [, dw, bbc] = deskDocs();
  assert.deepEqual(noticeOf(dw), { id: 'dw#25', title: 'Wagner claims Bakhmut', claims: 3, events: 1, propositions: 1 });
  assert.equal(noticeOf(bbc).propositions, 0, 'a claim without proposition');
  const weak = { ...dw, claims: dw.claims.map((c) => ({ ...c, proposition: c.proposition && { ...c.proposition, confidence: 0.2 } })) };
  assert.equal(noticeOf(weak).propositions, 0);
});

test('the stream takes no parameters', async () => {
  const { app } = makeApp([]);
  const res = await app.request('/api/stream?x=1');
  assert.equal(res.status, 400);
});

test('over a real socket: an event arrives after a POST, and a client that hangs up is removed', async () => {
  const { startServer } = await import('../../src/http/index.js');
  const [, dw] = deskDocs();
  const live = new LiveFeed();
  const server = await startServer({ store: memoryDesk([]), live, extract: async (inits) => inits.map((i) => ({ ...dw, id: i.id })) });
  try {
    const hangUp = new AbortController();
    const res = await fetch(`${server.url}/api/stream`, { signal: hangUp.signal });
    assert.equal(res.status, 200);
    const sse = new SseReader(res.body!);
    await until(() => live.size === 1, 'the client is registered');
    const posted = await fetch(`${server.url}/api/documents?id=over-http`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: dw.input });
    assert.equal(posted.status, 201);
    assert.equal((JSON.parse((await sse.next((e) => e.event === 'document')).data) as Json).id, 'over-http');
    hangUp.abort();
    await until(() => live.size === 0, 'the server noticed the closed connection');
  } finally {
    await server.close();
  }
});

test('watch state: kept by name under the watcher\'s prefix, writes need the token like any write', async () => {
  const values = new Map<string, unknown>();
  const app = createApp({
    store: memoryDesk([]), token: 'secret',
    runState: { get: async (n) => values.get(n) ?? null, set: async (n, v) => void values.set(n, v) },
  });
  const path = `/api/watch-state/${encodeURIComponent('feed:https://example.org/a?b=1%20c')}`;
  assert.deepEqual(await (await app.request(path)).json(), { name: 'feed:https://example.org/a?b=1%20c', value: null });
  const put = (headers: Record<string, string>, body: string) => app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body });
  assert.equal((await put({}, '{"value":{"etag":"x"}}')).status, 401);
  assert.equal((await put({ authorization: 'Bearer secret' }, 'not json')).status, 400);
  assert.equal((await put({ authorization: 'Bearer secret' }, '{"value":{"etag":"x"}}')).status, 200);
  assert.deepEqual([...values.keys()], ['watch:feed:https://example.org/a?b=1%20c'], 'kept apart from the extraction registry');
  assert.deepEqual(((await (await app.request(path)).json()) as Json).value, { etag: 'x' });
});

test('documents another process stores are announced too (the store is looked at while someone listens), once', async () => {
  const { startServer } = await import('../../src/http/index.js');
  const { openStore } = await import('../../src/store/index.js');
  const [kyiv, dw, bbc] = deskDocs();
  const store = await openStore({ dir: 'memory://', env: {} });
  const live = new LiveFeed();
  const server = await startServer({ store, live, livePollMs: 30, extract: async (inits) => inits.map((i) => ({ ...bbc, id: i.id })) });
  try {
    await store.ingestDocuments([kyiv]);
    const res = await fetch(`${server.url}/api/stream`);
    const sse = new SseReader(res.body!);
    await until(() => live.size === 1, 'the client is registered');
    // The first look after someone listens sets where news begin.
    const looked = live.looks;
    await until(() => live.looks >= looked + 2, 'the store was looked at since the client came');
    // Stored beside the server (as `sitrep ingest` or a worker on PostgreSQL would), then through it.
    await store.ingestDocuments([dw]);
    const fromOther = JSON.parse((await sse.next((e) => e.event === 'document')).data) as Json;
    assert.deepEqual(fromOther, { id: 'dw#25', title: 'Wagner claims Bakhmut', claims: 3, events: 1, propositions: 1 });
    assert.equal((await fetch(`${server.url}/api/documents?id=via-post`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bbc.input })).status, 201);
    assert.equal((JSON.parse((await sse.next((e) => e.event === 'document')).data) as Json).id, 'via-post');
    await store.ingestDocuments([createDoc({ id: 'marker', input: 'Rain and wind were forecast for the coast of Odesa on Sunday.', format: 'text' })]);
    const next = JSON.parse((await sse.next((e) => e.event === 'document')).data) as Json;
    assert.equal(next.id, 'marker', 'the POSTed document was not announced a second time by the look at the store');
    assert.equal(sse.events.filter((e) => e.event === 'document').length, 3);
    assert.ok(!sse.events.some((e) => e.data.includes('"kyiv-post/1"')), 'what was stored before anyone listened is not news');
  } finally {
    await server.close();
    await store.close();
  }
});
