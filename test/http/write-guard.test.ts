/**
 * The write guard: cross-site writes, rebound host names, read-only network servers, auth schemes, enum values,
 * binary and JSON bodies, missing assets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, memoryDesk } from '../../src/http/index.js';
import { hostsFor, isLoopbackHost } from '../../src/http/write-guard.js';
import { createDoc } from '../../src/core/index.js';
import { deskDocs } from './desk-docs.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function makeApp(extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  return createApp({ store: memoryDesk(deskDocs()), extract: async (inits) => inits.map((i) => createDoc(i)), ...extra });
}

const post = (app: ReturnType<typeof createApp>, headers: Record<string, string>, body: string | Uint8Array = 'Shelling hit the town.') =>
  app.request('http://127.0.0.1:8080/api/documents', { method: 'POST', headers: { host: '127.0.0.1:8080', 'content-type': 'text/plain', ...headers }, body: body as BodyInit });

async function total(app: ReturnType<typeof createApp>): Promise<number> {
  return ((await (await app.request('http://127.0.0.1:8080/api/documents', { headers: { host: '127.0.0.1:8080' } })).json()) as Json).total;
}

test('a write from another origin is refused and stores nothing; the same write from the page itself or a CLI client is taken', async () => {
  const app = makeApp({ allowedHosts: hostsFor('127.0.0.1') });
  const before = await total(app);
  const cross = await post(app, { origin: 'http://evil.example' });
  assert.equal(cross.status, 403);
  const body = (await cross.json()) as Json;
  assert.equal(body.error.rule, 'http/same-origin');
  assert.match(body.error.message, /evil\.example/);
  assert.equal((await post(app, { 'sec-fetch-site': 'cross-site' })).status, 403, 'Sec-Fetch-Site cross-site');
  assert.equal((await post(app, { origin: 'http://127.0.0.1:9999' })).status, 403, 'another port is another origin');
  assert.equal(await total(app), before, 'nothing was stored');
  assert.equal((await post(app, { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' })).status, 201);
  assert.equal((await post(app, {}, 'Drones struck the depot.')).status, 201, 'curl and the CLI send no Origin');
  assert.equal(await total(app), before + 2);
});

test('a rebound host name is refused for reads and writes; loopback names are accepted', async () => {
  const app = makeApp({ allowedHosts: hostsFor('127.0.0.1') });
  const read = await app.request('http://attacker.example:8080/api/documents', { headers: { host: 'attacker.example:8080' } });
  assert.equal(read.status, 403);
  assert.equal(((await read.json()) as Json).error.rule, 'http/host-allowed');
  for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080']) {
    assert.equal((await app.request('http://x/api/documents', { headers: { host } })).status, 200, host);
  }
  assert.deepEqual(hostsFor('0.0.0.0'), undefined);
  assert.equal(isLoopbackHost('127.0.0.2'), true);
  assert.equal(isLoopbackHost('192.168.1.5'), false);
});

test('a read-only server refuses writes with the reason and still answers reads', async () => {
  const app = makeApp({ readOnly: true });
  const res = await post(app, {});
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as Json).error.message, /read-only.*SITREP_TOKEN/);
  assert.equal((await app.request('/api/documents')).status, 200);
});

test('another auth scheme is a 401 like a wrong token', async () => {
  const app = makeApp({ token: 'tok' });
  const res = await post(app, { authorization: 'Basic dXNlcjpwYXNz' });
  assert.equal(res.status, 401);
  assert.equal(((await res.json()) as Json).error.status, 401);
  assert.equal((await post(app, { authorization: 'Bearer tok' })).status, 201);
});

test('enum filters are validated: 400 with the allowed values', async () => {
  const app = makeApp();
  for (const [path, param, allowed] of [
    ['/api/events?type=nonsense', 'type', /Battles/],
    ['/api/events?subType=Bombing', 'subType', /Air\/drone strike/],
    ['/api/propositions?kind=zzz', 'kind', /control/],
    ['/api/entities?side=XX', 'side', /country code/],
    ['/api/events?side=ukraine', 'side', /country code/],
  ] as const) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    const body = (await res.json()) as Json;
    assert.equal(body.error.param, param, path);
    assert.match(body.error.message, allowed, path);
  }
  for (const path of ['/api/events?type=Battles', '/api/events?subType=Armed%20clash', '/api/propositions?kind=control', '/api/entities?side=UA', '/api/entities?side=NATO']) {
    assert.equal((await app.request(path)).status, 200, path);
  }
});

test('a text filter of punctuation alone matches nothing rather than everything', async () => {
  const app = makeApp();
  const all = ((await (await app.request('/api/entities')).json()) as Json).total;
  assert.ok(all > 0);
  assert.equal(((await (await app.request('/api/entities?q=%25')).json()) as Json).total, 0);
  assert.equal(((await (await app.request('/api/documents?q=%25')).json()) as Json).total, 0);
});

test('bodies: binary is refused like the CLI refuses it; one JSON object or an array of them is read', async () => {
  const app = makeApp();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const bin = await post(app, {}, png);
  assert.equal(bin.status, 415);
  assert.match(((await bin.json()) as Json).error.message, /PNG/);
  const pretty = JSON.stringify({ id: 'obj-1', text: 'Artillery shelled the town on Monday.' }, null, 2);
  const one = await post(app, { 'content-type': 'application/json' }, pretty);
  assert.equal(one.status, 201, await one.clone().text());
  const many = await post(app, { 'content-type': 'application/json' }, JSON.stringify([{ id: 'arr-1', text: 'One.' }, { id: 'arr-2', text: 'Two.' }]));
  assert.equal(many.status, 201);
  assert.equal(((await (await app.request('/api/documents/arr-2')).json()) as Json).id, 'arr-2');
});

test('a missing asset is a JSON 404, other paths get the page', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-assets-'));
  try {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>sitrep</title>');
    const app = makeApp({ webRoot: root });
    const missing = await app.request('/nonexistent.js');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as Json).error.status, 404);
    const page = await app.request('/entities/anything');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>sitrep/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
