/**
 * The watcher against a local HTTP server whose feeds change between polls: conditional GET (ETag, Last-Modified),
 * 304 handled, a failing feed backed off and retried while the others are read, every item handed on once, state
 * kept across runs; folders by content hash; a stop request finishing the document in the sink.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocInit } from '../../src/core/index.js';
import { backoffMs, feedSource, folderSource, runWatch, type WatchEvent, type WatchSink, type WatchState } from '../../src/watch/index.js';
import { jsonFeed, rss, startFeedServer, until, type FeedServer } from './feed-server.js';

let server: FeedServer;
before(async () => {
  server = await startFeedServer();
});
after(async () => {
  await server.close();
});

/** State in memory, as JSON (what the store would keep). */
function memoryState(): WatchState & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (name) => (values.has(name) ? JSON.parse(values.get(name)!) : null),
    set: async (name, value) => void values.set(name, JSON.stringify(value)),
  };
}

/** A sink that records what it got and stores everything. */
function recordingSink(): WatchSink & { got: DocInit[]; ids: () => string[] } {
  const got: DocInit[] = [];
  const sink: WatchSink = async (init) => {
    got.push(init);
    return { id: init.id, status: 'stored', messages: [] };
  };
  return Object.assign(sink, { got, ids: () => got.map((d) => d.id) });
}

const feedOptions = { maxBytes: 1 << 20, timeoutMs: 10_000 };
const count = (list: readonly string[], id: string) => list.filter((x) => x === id).length;

/** Resolves once the server has seen no new request for 300 ms. */
async function quiet(srv: FeedServer): Promise<void> {
  let seen = -1;
  while (seen !== srv.requests.length) {
    seen = srv.requests.length;
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('backoff doubles per failure, up to the cap, never under Retry-After', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 10_000)), [2000, 4000, 8000, 10_000]);
  assert.equal(backoffMs(1, 1000, 10_000, 7000), 7000, 'Retry-After wins when longer');
  assert.equal(backoffMs(1, 1000, 10_000, 60_000), 10_000, 'but not beyond the cap');
  assert.equal(backoffMs(3, 30_000, 10_000), 30_000, 'an interval longer than the cap is the cap');
});

test('feeds: conditional GET, 304, a 500 feed backed off while the others are read, new items handed on once', async () => {
  server.routes.set('/wire.xml', { body: rss('Wire', [['w1', 'One', 'First report.'], ['w2', 'Two', 'Second report.']]), etag: '"v1"' });
  server.routes.set('/daily.json', { body: jsonFeed('Daily', [['d1', 'Daily one', 'A daily text.']]), contentType: 'application/feed+json', lastModified: 'Thu, 25 May 2023 10:00:00 GMT' });
  server.routes.set('/broken.xml', { status: 500 });
  const state = memoryState();
  const sink = recordingSink();
  const events: WatchEvent[] = [];
  const stop = new AbortController();
  const running = runWatch({
    sources: ['/wire.xml', '/daily.json', '/broken.xml'].map((p) => feedSource(server.url + p, feedOptions)),
    sink, state, intervalMs: 40, signal: stop.signal, report: (e) => events.push(e),
  });
  const errors = () => events.filter((e): e is Extract<WatchEvent, { kind: 'error' }> => e.kind === 'error');
  try {
    await until(() => sink.ids().includes('w2') && sink.ids().includes('d1'), 'the good feeds are read');
    await until(() => errors().length >= 3, 'the broken feed failed three times');
    const [e1, e2, e3] = errors();
    assert.ok(e1.source.endsWith('/broken.xml') && /HTTP 500/.test(e1.reason), `the feed and the reason: ${JSON.stringify(e1)}`);
    assert.deepEqual([e1.failures, e2.failures, e3.failures], [1, 2, 3]);
    assert.deepEqual([e1.retryMs, e2.retryMs, e3.retryMs], [80, 160, 320], 'the wait doubles with each failure');
    // While the broken feed waits 320 ms and more, the working ones are polled every 40 ms: they pull ahead (on a
    // loaded machine the first polls may bunch up, so wait for the gap rather than count at one instant; without
    // backoff the counts stay level and this times out).
    const polls = (path: string) => server.requests.filter((r) => r.path === path).length;
    await until(() => polls('/wire.xml') >= polls('/broken.xml') + 2, 'the broken feed is asked less often than a working one');

    // Validators sent back; the server answered 304, and nothing was handed on again.
    await until(() => server.requests.filter((r) => r.path === '/daily.json' && r.status === 304).length >= 2, 'daily answered 304');
    const wireAgain = server.requests.filter((r) => r.path === '/wire.xml').slice(1);
    assert.ok(wireAgain.length && wireAgain.every((r) => r.headers['if-none-match'] === '"v1"'), 'If-None-Match carries the ETag');
    assert.ok(wireAgain.some((r) => r.status === 304));
    assert.ok(server.requests.filter((r) => r.path === '/daily.json').slice(1).every((r) => r.headers['if-modified-since'] === 'Thu, 25 May 2023 10:00:00 GMT'), 'If-Modified-Since carries Last-Modified');
    assert.deepEqual(sink.ids().sort(), ['d1', 'w1', 'w2']);

    // The feed changes: one item added, one edited; only those two are handed on.
    server.routes.set('/wire.xml', { body: rss('Wire', [['w3', 'Three', 'Third report.'], ['w1', 'One', 'First report.'], ['w2', 'Two', 'Second report, corrected.']]), etag: '"v2"' });
    await until(() => sink.ids().includes('w3') && count(sink.ids(), 'w2') === 2, 'the new and the edited item');
    // The broken feed recovers and is read on its next try.
    server.routes.set('/broken.xml', { body: rss('Mended', [['b1', 'Back', 'Back online.']]) });
    await until(() => sink.ids().includes('b1'), 'the mended feed is read', 30_000);
    assert.ok(events.some((e) => e.kind === 'recovered' && e.source.endsWith('/broken.xml')));
  } finally {
    stop.abort();
  }
  const summary = await running;
  assert.equal(summary.documents.stored, sink.got.length);
  for (const id of ['w1', 'd1', 'w3', 'b1']) assert.equal(count(sink.ids(), id), 1, `${id} handed on once`);

  // A restart with the same state: validators and seen items are remembered, nothing is handed on again.
  // A poll the stop cut short may still reach the server (same event loop) after the watcher returned: let it land.
  await quiet(server);
  const before304 = server.requests.filter((r) => r.status === 304).length;
  const again = recordingSink();
  const second = await runWatch({
    sources: ['/wire.xml', '/daily.json'].map((p) => feedSource(server.url + p, feedOptions)),
    sink: again, state, intervalMs: 40, once: true, signal: new AbortController().signal, report: () => {},
  });
  assert.equal(second.failing, 0);
  assert.deepEqual(again.ids(), []);
  assert.equal(server.requests.filter((r) => r.status === 304).length, before304 + 2, 'both feeds answered 304 after the restart');
});

test('a server without validators: the same body reads nothing, a changed body only its new items', async () => {
  server.routes.set('/plain.xml', { body: rss('Plain', [['p1', 'P1', 'Plain one.']]) });
  const state = memoryState();
  const sink = recordingSink();
  const once = () => runWatch({ sources: [feedSource(`${server.url}/plain.xml`, feedOptions)], sink, state, intervalMs: 1000, once: true, signal: new AbortController().signal, report: () => {} });
  await once();
  await once();
  assert.deepEqual(sink.ids(), ['p1']);
  server.routes.set('/plain.xml', { body: rss('Plain', [['p2', 'P2', 'Plain two.'], ['p1', 'P1', 'Plain one.']]) });
  await once();
  assert.deepEqual(sink.ids(), ['p1', 'p2']);
});

test('a body that is no feed, a 404 and a 503 with Retry-After are errors with their reason', async () => {
  server.routes.set('/junk.xml', { body: '<rss><channel><item>', contentType: 'application/rss+xml' });
  server.routes.set('/busy.xml', { status: 503, retryAfter: '120' });
  const events: WatchEvent[] = [];
  const summary = await runWatch({
    sources: ['/junk.xml', '/missing.xml', '/busy.xml'].map((p) => feedSource(server.url + p, feedOptions)),
    sink: recordingSink(), state: memoryState(), intervalMs: 1000, once: true, signal: new AbortController().signal, report: (e) => events.push(e),
  });
  assert.equal(summary.failing, 3);
  const reason = (p: string) => events.find((e) => e.kind === 'error' && e.source.endsWith(p)) as Extract<WatchEvent, { kind: 'error' }>;
  assert.match(reason('/junk.xml').reason, /feed|XML/i);
  assert.match(reason('/missing.xml').reason, /HTTP 404/);
  assert.match(reason('/busy.xml').reason, /HTTP 503/);
  // In one pass nothing is retried; the delay a long run would wait honours Retry-After.
  assert.equal(backoffMs(1, 1000, undefined, 120_000), 120_000);
});

test('a stop request lets the document in the sink finish; the next run goes on from there', async () => {
  server.routes.set('/slow.xml', { body: rss('Slow', [['s1', 'S1', 'Slow one.'], ['s2', 'S2', 'Slow two.'], ['s3', 'S3', 'Slow three.']]), etag: '"s"' });
  const state = memoryState();
  const stop = new AbortController();
  const got: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let entered = false;
  const running = runWatch({
    sources: [feedSource(`${server.url}/slow.xml`, feedOptions)],
    sink: async (init) => {
      entered = true;
      await held;
      got.push(init.id);
      return { id: init.id, status: 'stored', messages: [] };
    },
    state, intervalMs: 1000, signal: stop.signal, report: () => {},
  });
  await until(() => entered, 'the first document is in the sink');
  stop.abort();
  release();
  const summary = await running;
  assert.deepEqual(got, ['s1'], 'the document in flight finished, no other started');
  assert.equal(summary.documents.stored, 1);
  // The validators were not kept (the body was not read to its end): the next run fetches it and sends the rest.
  const sink = recordingSink();
  await runWatch({ sources: [feedSource(`${server.url}/slow.xml`, feedOptions)], sink, state, intervalMs: 1000, once: true, signal: new AbortController().signal, report: () => {} });
  assert.deepEqual(sink.ids(), ['s2', 's3']);
});

test('folders: new and changed files by content, new lines of a growing JSON Lines file, skipped files listed once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  try {
    writeFileSync(join(dir, 'a.txt'), 'Kyiv said the bridge was damaged.\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"id":"b1","text":"First line."}\n{"id":"b2","text":"Second line."}\n');
    writeFileSync(join(dir, '.hidden.txt'), 'not read');
    writeFileSync(join(dir, 'photo.png'), 'not read');
    const state = memoryState();
    const sink = recordingSink();
    const events: WatchEvent[] = [];
    const source = folderSource(dir, { maxBytes: 1 << 20 });
    const once = () => runWatch({ sources: [source], sink, state, intervalMs: 1000, once: true, signal: new AbortController().signal, report: (e) => events.push(e) });
    await once();
    assert.deepEqual(sink.ids().sort(), ['a', 'b1', 'b2']);
    assert.equal(events.filter((e) => e.kind === 'skipped').length, 2);

    await once();
    assert.equal(sink.got.length, 3, 'nothing changed, nothing handed on');
    assert.equal(events.filter((e) => e.kind === 'skipped').length, 2, 'skipped files are listed once per run');

    appendFileSync(join(dir, 'b.jsonl'), '{"id":"b3","text":"Third line."}\n');
    writeFileSync(join(dir, 'a.txt'), 'Kyiv said the bridge was repaired.\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.html'), '<html><body><article><p>Officials said the town was quiet.</p></article></body></html>');
    // Touched without a change of content: not read as new.
    writeFileSync(join(dir, 'same.txt'), 'Unchanged text.\n');
    await once();
    const afterSecond = sink.ids().slice(3);
    assert.deepEqual(afterSecond.sort(), ['a', 'b3', 'same', 'sub/c']);
    assert.equal(sink.got.find((d) => d.id === 'a' && /repaired/.test(d.input)) !== undefined, true);
    utimesSync(join(dir, 'same.txt'), new Date(), new Date(Date.now() + 5000));
    await once();
    assert.equal(sink.got.length, 7, 'a new time with the same content is not new');

    // A fresh watcher (a restart) with the same state reads nothing again.
    const restarted = recordingSink();
    await runWatch({ sources: [folderSource(dir, { maxBytes: 1 << 20 })], sink: restarted, state, intervalMs: 1000, once: true, signal: new AbortController().signal, report: () => {} });
    assert.deepEqual(restarted.ids(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a watched folder picks up a file written while it runs; a missing folder is an error retried', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-live-'));
  const missing = join(dir, 'not-yet');
  try {
    const sink = recordingSink();
    const events: WatchEvent[] = [];
    const stop = new AbortController();
    const running = runWatch({
      sources: [folderSource(dir, { maxBytes: 1 << 20, settleMs: 0 }), folderSource(missing, { maxBytes: 1 << 20, settleMs: 0 })],
      sink, state: memoryState(), intervalMs: 30, signal: stop.signal, report: (e) => events.push(e),
    });
    try {
      await until(() => events.some((e) => e.kind === 'poll' && e.source === dir), 'the folder was polled once');
      writeFileSync(join(dir, 'late.txt'), 'A report written while the watcher runs.\n');
      await until(() => sink.ids().includes('late'), 'the new file is read');
      await until(() => events.some((e) => e.kind === 'error' && e.source === missing && e.failures >= 2), 'the missing folder is retried');
      mkdirSync(missing);
      writeFileSync(join(missing, 'found.txt'), 'The folder exists now.\n');
      await until(() => sink.ids().includes('found'), 'the folder is read once it exists', 30_000);
    } finally {
      stop.abort();
    }
    await running;
    assert.equal(count(sink.ids(), 'late'), 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
