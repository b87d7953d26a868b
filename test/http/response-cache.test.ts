/**
 * The answer cache of listings over the store: an answer is kept (here for a minute, so the test does not depend on
 * the clock), a write through the app clears it at once, and so does the live feed announcing a document another
 * process stored; with `cacheMs` 0 nothing is kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/http/index.js';
import { LiveFeed } from '../../src/http/live.js';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, matchesTag, REFRESH_AT, ResponseCache } from '../../src/http/response-cache.js';
import { Hono } from 'hono';
import { openStore } from '../../src/store/index.js';
import { deskDocs } from './desk-docs.js';

const total = async (app: ReturnType<typeof createApp>, path: string) => ((await (await app.request(path)).json()) as { total: number }).total;

describe('answer cache', () => {
  it('keeps listings until a write through the app or an announcement', async () => {
    const store = await openStore({ dir: 'memory://', env: {} });
    try {
      const [first, second, third] = deskDocs();
      await store.ingestDocuments([first]);
      const live = new LiveFeed();
      const app = createApp({ store, extract: async () => [third], cacheMs: 60_000, live });
      assert.equal(await total(app, '/api/documents'), 1);
      // Another process stores a document: the kept answer stands until it is announced.
      await store.ingestDocuments([second]);
      assert.equal(await total(app, '/api/documents'), 1);
      assert.equal(await total(app, '/api/documents?limit=10'), 2, 'another URL is another answer');
      live.publish([{ id: second.id, title: null, claims: 0, events: 0, propositions: 0 }]);
      assert.equal(await total(app, '/api/documents'), 2);
      // A write through the app is visible at once.
      const posted = await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: third.input });
      assert.equal(posted.status, 201);
      assert.equal(await total(app, '/api/documents'), 3);
      live.close();
    } finally {
      await store.close();
    }
  });

  it('keeps nothing with cacheMs 0: a document stored by another process is read at once', async () => {
    const store = await openStore({ dir: 'memory://', env: {} });
    try {
      const [first, second] = deskDocs();
      await store.ingestDocuments([first]);
      const app = createApp({ store, extract: async () => [], cacheMs: 0 });
      assert.equal(await total(app, '/api/documents'), 1);
      await store.ingestDocuments([second]);
      assert.equal(await total(app, '/api/documents'), 2);
    } finally {
      await store.close();
    }
  });

  it('computes an answer once for requests that arrive while it is computed, and not across a write', async () => {
    const cache = new ResponseCache(60_000);
    const app = new Hono();
    let computed = 0;
    let release: () => void = () => {};
    let gate = new Promise<void>((done) => (release = done));
    app.get('/api/x', cache.middleware, async (c) => {
      const n = ++computed;
      await gate;
      return c.json({ n });
    });
    const first = Array.from({ length: 5 }, () => app.request('/api/x'));
    await new Promise((done) => setTimeout(done, 10));
    release();
    const bodies = await Promise.all(first.map(async (r) => (await r).json()));
    assert.equal(computed, 1);
    assert.deepEqual(bodies, Array(5).fill({ n: 1 }));
    // A write while an answer is computed: later requests compute their own, and the older answer is not kept.
    cache.clear();
    gate = new Promise<void>((done) => (release = done));
    const before = app.request('/api/x');
    await new Promise((done) => setTimeout(done, 10));
    cache.clear();
    const after = app.request('/api/x');
    await new Promise((done) => setTimeout(done, 10));
    release();
    assert.deepEqual(await (await before).json(), { n: 2 });
    assert.deepEqual(await (await after).json(), { n: 3 });
    assert.deepEqual(await (await app.request('/api/x')).json(), { n: 3 });
  });

  it('refreshes a kept answer in the background before it expires: no request waits, none is older than the time', async () => {
    let clock = 0;
    const app = new Hono();
    const cache = new ResponseCache(1000, { now: () => clock, refetch: (request) => app.fetch(request) });
    let computed = 0;
    let release: () => void = () => {};
    let gate: Promise<void> = Promise.resolve();
    app.get('/api/x', cache.middleware, async (c) => {
      const n = ++computed;
      await gate;
      return c.json({ n });
    });
    const get = async () => (await (await app.request('/api/x')).json()) as { n: number };
    assert.deepEqual(await get(), { n: 1 });
    clock = 700;
    assert.deepEqual(await get(), { n: 1 }, 'fresh and not yet due: kept, no refresh');
    assert.equal(computed, 1);
    // Past REFRESH_AT of its time: served at once while it is computed again, once however many ask meanwhile.
    gate = new Promise<void>((done) => (release = done));
    clock = 1000 * REFRESH_AT;
    const during = await Promise.all([get(), get(), get()]);
    assert.deepEqual(during, [{ n: 1 }, { n: 1 }, { n: 1 }], 'the kept answer, without waiting for the refresh');
    await new Promise((done) => setTimeout(done, 10));
    assert.equal(computed, 2, 'one refresh');
    release();
    await new Promise((done) => setTimeout(done, 10));
    // The refreshed answer counts from when its computation began (750): kept until 1750, not beyond.
    clock = 1400;
    assert.deepEqual(await get(), { n: 2 });
    assert.equal(computed, 2);
    gate = Promise.resolve();
    clock = 1750;
    assert.deepEqual(await get(), { n: 3 }, 'expired: computed again before answering');
    // A write while a refresh runs: the refresh's answer (older than the write) is not kept.
    gate = new Promise<void>((done) => (release = done));
    clock = 1750 + 800;
    assert.deepEqual(await get(), { n: 3 });
    await new Promise((done) => setTimeout(done, 10));
    cache.clear();
    release();
    await new Promise((done) => setTimeout(done, 10));
    gate = Promise.resolve();
    assert.deepEqual(await get(), { n: 5 }, 'the refresh started before the write (4) was not kept');
  });

  it('sends a kept answer as ready bytes: 304 for its tag, gzip when accepted, plain otherwise', async () => {
    const cache = new ResponseCache(60_000);
    const app = new Hono();
    let computed = 0;
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, text: 'Shelling was reported near the river crossing.' }));
    app.get('/api/x', cache.middleware, (c) => {
      computed++;
      return c.json({ items });
    });
    app.get('/api/small', cache.middleware, (c) => c.json({ items: [] }));
    const plain = await app.request('/api/x');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
    assert.equal(plain.headers.get('cache-control'), 'no-cache');
    assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
    const etag = plain.headers.get('etag');
    assert.match(etag ?? '', /^W\/"[\w-]+"$/);
    assert.deepEqual(await plain.json(), { items });

    const packed = await app.request('/api/x', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(packed.headers.get('content-encoding'), 'gzip');
    assert.equal(packed.headers.get('etag'), etag);
    const bytes = Buffer.from(await packed.arrayBuffer());
    assert.ok(bytes.length < JSON.stringify({ items }).length / 4, `compressed to ${bytes.length} bytes`);
    assert.deepEqual(JSON.parse(gunzipSync(bytes).toString('utf8')), { items });

    const refused = await app.request('/api/x', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.deepEqual(await refused.json(), { items });

    const unchanged = await app.request('/api/x', { headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.headers.get('etag'), etag);
    assert.equal((await unchanged.arrayBuffer()).byteLength, 0);
    assert.equal((await app.request('/api/x', { headers: { 'if-none-match': '"other"' } })).status, 200);
    assert.equal(computed, 1, 'every request after the first was answered from the kept bytes');

    // A short answer is not worth compressing.
    const small = await app.request('/api/small', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(small.headers.get('content-encoding'), null);
    assert.deepEqual(await small.json(), { items: [] });
  });

  it('reads Accept-Encoding and If-None-Match as HTTP defines them', () => {
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip('gzip'), true);
    assert.equal(acceptsGzip('br;q=1.0, GZIP;q=0.5'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('*, gzip;q=0'), false);
    assert.equal(acceptsGzip('deflate, br'), false);
    assert.equal(acceptsGzip('x-gzip'), false);
    assert.equal(matchesTag('W/"abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('"abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('"abd", "abc"', 'W/"abc"'), true);
    assert.equal(matchesTag('*', 'W/"abc"'), true);
    assert.equal(matchesTag('"ab"', 'W/"abc"'), false);
    assert.equal(matchesTag(undefined, 'W/"abc"'), false);
  });
});
