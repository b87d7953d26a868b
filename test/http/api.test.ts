import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, memoryDesk } from '../../src/http/index.js';
import { createDoc } from '../../src/core/index.js';
import { deskDocs } from './desk-docs.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function makeApp(extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  // Posted documents skip the stages here: these tests are about the API, not extraction.
  return createApp({ store: memoryDesk(deskDocs()), extract: async (inits) => inits.map((i) => createDoc(i)), ...extra });
}

async function get(app: ReturnType<typeof createApp>, path: string): Promise<{ status: number; body: Json }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

test('contested propositions list control of Bakhmut with both sides, dated, newest first', async () => {
  const { status, body } = await get(makeApp(), '/api/propositions?status=contested');
  assert.equal(status, 200);
  assert.equal(body.total, 1);
  const [p] = body.items;
  assert.equal(p.kind, 'control');
  assert.equal(p.placeName, 'Bakhmut');
  assert.deepEqual(p.sides, ['RU', 'UA']);
  assert.deepEqual(p.claims.map((c: Json) => c.date), ['2023-05-12', '2023-05-25', '2023-05-25', '2023-05-25']);
  assert.deepEqual(p.sources.bySide, { UA: 1, RU: 2 });
  const again = await get(makeApp(), `/api/propositions/${encodeURIComponent(p.id)}`);
  assert.equal(again.body.id, p.id);
});

test('status and place filters select; a bad status is a 400 naming the parameter', async () => {
  const app = makeApp();
  assert.equal((await get(app, '/api/propositions?status=corroborated')).body.total, 0);
  assert.equal((await get(app, '/api/propositions?place=Bachmut')).body.total, 1, 'an alias-like spelling finds Bakhmut');
  assert.equal((await get(app, '/api/propositions?place=Kozinka')).body.total, 0);
  const bad = await get(app, '/api/propositions?status=maybe');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.param, 'status');
  assert.match(bad.body.error.message, /contested/);
});

test('validation: unknown parameters, bad dates, reversed ranges, bad limits and bboxes are 400s', async () => {
  const app = makeApp();
  for (const [path, param] of [
    ['/api/events?colour=red', 'colour'],
    ['/api/events?from=2023-02-30', 'from'],
    ['/api/events?from=2023-06-01&to=2023-05-01', 'from'],
    ['/api/documents?limit=0', 'limit'],
    ['/api/documents?limit=abc', 'limit'],
    ['/api/events?bbox=1,2,3', 'bbox'],
    ['/api/events?bbox=40,50,30,45', 'bbox'],
    ['/api/entities?kind=animal', 'kind'],
  ]) {
    const r = await get(app, path);
    assert.equal(r.status, 400, path);
    assert.equal(r.body.error.param, param, path);
  }
  assert.equal((await get(app, '/api/nothing')).status, 404);
});

test('documents: list newest first, pagination, search by text, entity alias, place and date', async () => {
  const app = makeApp();
  const all = await get(app, '/api/documents');
  assert.deepEqual(all.body.items.map((d: Json) => d.id), ['dw#25', 'bbc-3', 'kyiv-post/1']);
  const page = await get(app, '/api/documents?limit=2&offset=2');
  assert.deepEqual(page.body.items.map((d: Json) => d.id), ['kyiv-post/1']);
  assert.equal(page.body.next, null);
  assert.equal((await get(app, '/api/documents?limit=2')).body.next, 2);
  assert.deepEqual((await get(app, '/api/documents?q=conquered')).body.items.map((d: Json) => d.id), ['dw#25']);
  assert.deepEqual((await get(app, '/api/documents?entity=Hannah%20Malial')).body.items.map((d: Json) => d.id).sort(), ['dw#25', 'kyiv-post/1']);
  assert.deepEqual((await get(app, '/api/documents?place=Kozinka')).body.items.map((d: Json) => d.id).sort(), ['bbc-3', 'dw#25']);
  assert.deepEqual((await get(app, '/api/documents?from=2023-05-20&to=2023-05-24')).body.items.map((d: Json) => d.id), ['bbc-3']);
});

test('one document: its input and every span, each span text equal to its slice', async () => {
  const { status, body } = await get(makeApp(), `/api/documents/${encodeURIComponent('dw#25')}`);
  assert.equal(status, 200);
  assert.ok(body.spans.length > 5);
  for (const s of body.spans) assert.equal(body.input.slice(s.start, s.end), s.text);
  const kinds = new Set(body.spans.map((s: Json) => s.kind));
  for (const k of ['entity', 'claim', 'content', 'event']) assert.ok(kinds.has(k), k);
  assert.equal((await get(makeApp(), '/api/documents/kyiv-post/1')).body.id, 'kyiv-post/1', 'ids with a slash');
  assert.equal((await get(makeApp(), '/api/documents/nope')).status, 404);
});

test('entities: alias search finds one person across spellings; the entity page has aliases and claims', async () => {
  const app = makeApp();
  for (const q of ['Maliar', 'Malial', 'Malyar', 'hanna']) {
    const r = await get(app, `/api/entities?q=${q}`);
    assert.equal(r.body.items[0]?.id, 'person:hanna-maliar', q);
  }
  const e = await get(app, '/api/entities/person:hanna-maliar');
  assert.equal(e.body.side, 'UA');
  assert.deepEqual(e.body.aliases.map((a: Json) => a.text).sort(), ['Hanna Maliar', 'Hannah Malial']);
  assert.equal(e.body.claims.length, 2);
  assert.deepEqual(e.body.claims.map((c: Json) => c.date), ['2023-05-12', '2023-05-25']);
  assert.equal(e.body.propositions[0].status, 'contested');
  assert.equal((await get(app, '/api/entities?kind=place')).body.items.every((x: Json) => x.kind === 'place'), true);
  const place = await get(app, '/api/entities/geo:999');
  assert.equal(place.body.events.length, 1);
  assert.equal(place.body.events[0].status, 'corroborated');
});

test('events: grouped across outlets, filtered by bbox, place, status and date', async () => {
  const app = makeApp();
  const all = await get(app, '/api/events');
  assert.equal(all.body.total, 1);
  assert.equal(all.body.items[0].status, 'corroborated');
  assert.equal(all.body.items[0].reports.length, 2);
  assert.equal(all.body.items[0].reportCount, 2);
  assert.equal(all.body.items[0].docCount, 2);
  assert.deepEqual(all.body.items[0].reportDates.map(([, n]: [string, number]) => n).reduce((a: number, b: number) => a + b), 2);
  const full = await get(app, '/api/events?full=1');
  assert.equal(full.body.items[0].reportCount, undefined);
  assert.equal(full.body.items[0].reports.length, 2);
  const one = await get(app, `/api/events/${encodeURIComponent(all.body.items[0].id)}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.body, full.body.items[0]);
  assert.equal((await get(app, '/api/events/event:nothing')).status, 404);
  assert.equal((await get(app, '/api/events?bbox=35,50,36,51')).body.total, 1);
  assert.equal((await get(app, '/api/events?bbox=37,48,39,49')).body.total, 0);
  assert.equal((await get(app, '/api/events?status=single-source')).body.total, 0);
  assert.equal((await get(app, '/api/events?from=2023-05-23')).body.total, 0);
  assert.equal((await get(app, '/api/events?type=Battles&place=Kozinka')).body.total, 1);
});

test('stories and the OpenAPI description', async () => {
  const app = makeApp();
  const stories = await get(app, '/api/stories');
  assert.equal(stories.status, 200);
  assert.ok(stories.body.items.length >= 1);
  const api = await get(app, '/api/openapi.json');
  assert.equal(api.body.openapi, '3.1.0');
  for (const path of ['/api/documents', '/api/documents/{id}', '/api/entities', '/api/entities/{id}', '/api/events', '/api/propositions', '/api/stories']) {
    assert.ok(api.body.paths[path], path);
  }
});

test('POST ingests text and JSON Lines; duplicates are recognised; the new document is listed', async () => {
  const app = makeApp();
  const res = await app.request('/api/documents?published=2023-06-01&source=Test', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Shelling hit Kherson overnight.' });
  assert.equal(res.status, 201);
  const body = (await res.json()) as Json;
  assert.equal(body.stored.length, 1);
  const again = (await (await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Shelling hit Kherson overnight.' })).json()) as Json;
  assert.equal(again.stored.length, 0);
  assert.equal(again.duplicates.length, 1);
  const jsonl = '{"id":"j1","text":"One."}\nnot json\n{"id":"j2","text":"Two.","published":"2023-06-02"}\n';
  const j = await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: jsonl });
  const jb = (await j.json()) as Json;
  assert.equal(j.status, 201);
  assert.deepEqual(jb.stored, ['j1', 'j2']);
  assert.equal(jb.errors[0].line, 2);
  const list = await get(app, '/api/documents?outlet=Test');
  assert.equal(list.body.total, 1);
  assert.equal(list.body.items[0].published, '2023-06-01');
});

test('POST: unsupported type 415, empty body 400, bad published 400', async () => {
  const app = makeApp();
  assert.equal((await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' })).status, 415);
  assert.equal((await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '  ' })).status, 400);
  assert.equal((await app.request('/api/documents?published=May', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status, 400);
  for (const [value, reason] of [['2014-13-01', /must be a date/], ['2099-01-01', /publication date 2099-01-01 is in the future/]] as const) {
    const res = await app.request(`/api/documents?published=${value}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Shelling hit Kherson overnight.' });
    assert.equal(res.status, 400, value);
    assert.match(JSON.stringify(await res.json()), reason);
  }
});

test('a token protects writes but not reads; oversized bodies are refused', async () => {
  const app = makeApp({ token: 's3cret', maxBodyBytes: 1000 });
  const post = (headers: Record<string, string>, body = 'Some article text.') =>
    app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body });
  const none = await post({});
  assert.equal(none.status, 401);
  assert.match(((await none.json()) as Json).error.message, /Bearer/);
  assert.equal((await post({ authorization: 'Bearer wrong' })).status, 401);
  assert.equal((await post({ authorization: 'Bearer s3cret' })).status, 201);
  assert.equal((await post({ authorization: 'Bearer s3cret' }, 'x'.repeat(2000))).status, 413);
  assert.equal((await app.request('/api/documents')).status, 200);
});

test('responses carry a Content-Security-Policy that allows only the page\'s own scripts', async () => {
  const res = await makeApp().request('/api/documents');
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.match(res.headers.get('content-security-policy') ?? '', /style-src 'self';/, 'no nonce: nothing inline is allowed');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});
