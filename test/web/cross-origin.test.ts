/**
 * A web page of another origin, opened in a real browser (Debian's chromium), tries to write into the desk the
 * way an attacker's page would: a "simple" text/plain fetch (no preflight), a JSON fetch, and a form POST. None may
 * change the store; the desk's own page, doing the same fetch, may (so the test would fail if writes were simply
 * broken).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDoc } from '../../src/core/index.js';
import { memoryDesk, startServer, type RunningServer } from '../../src/http/index.js';
import { buildWeb } from '../../src/web/build.js';
import { launchChromium, skip } from './chromium.js';
import { deskDocs } from '../http/desk-docs.js';


let browser: Browser | undefined;
let webRoot = '';
let desk: RunningServer | undefined;
let attacker: Server | undefined;
let attackerUrl = '';

const ATTACK = (target: string) => `<!doctype html><title>cute cats</title>
<form id="f" method="POST" action="${target}/api/documents" enctype="text/plain" target="sink">
  <input name="Russia captured Odesa, the ministry said. x" value="y">
</form><iframe name="sink"></iframe>
<script>
  window.results = [];
  const send = (init) => fetch('${target}/api/documents', init).then((r) => r.status, (e) => 'blocked: ' + e.message);
  (async () => {
    window.results.push(await send({ method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: 'Russian forces captured Odesa, the ministry said.' }));
    window.results.push(await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Odesa fell.' }) }));
    document.getElementById('f').submit();
    window.done = true;
  })();
</script>`;

before(async () => {
  if (skip) return;
  webRoot = await buildWeb(mkdtempSync(join(tmpdir(), 'sitrep-web-')));
  desk = await startServer({ store: memoryDesk(deskDocs()), webRoot, extract: async (inits) => inits.map((i) => createDoc(i)) });
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(ATTACK(desk!.url));
  });
  await new Promise<void>((done) => attacker!.listen(0, '127.0.0.1', done));
  // "localhost" and "127.0.0.1" are different origins: the attacker's page lives on the other name.
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await desk?.close();
  await new Promise<void>((done) => (attacker ? attacker.close(() => done()) : done()));
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

async function documentCount(): Promise<number> {
  return ((await (await fetch(`${desk!.url}/api/documents`)).json()) as { total: number }).total;
}

test('a page of another origin cannot write into the desk; the desk page itself can', { skip }, async () => {
  const before = await documentCount();
  const page = await browser!.newPage();
  await page.goto(attackerUrl);
  await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, { timeout: 15_000 });
  await page.waitForTimeout(500); // the form's navigation in the iframe
  assert.equal(await documentCount(), before, 'the cross-origin page stored nothing');

  const own = await browser!.newPage();
  await own.goto(`${desk!.url}/`);
  const status = await own.evaluate(async () =>
    (await fetch('/api/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Shelling hit the depot on Monday.' })).status);
  assert.equal(status, 201);
  assert.equal(await documentCount(), before + 1);
});
