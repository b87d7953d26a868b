/**
 * The live desk in a real browser (Debian's chromium driven by playwright-core): after a document is POSTed, a
 * banner says what arrived without the page reloading; clicking "show" redraws the current view with it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDoc } from '../../src/core/index.js';
import { memoryDesk, startServer, type RunningServer } from '../../src/http/index.js';
import { buildWeb } from '../../src/web/build.js';
import { launchChromium, skip } from './chromium.js';
import { deskDocs } from '../http/desk-docs.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');

let browser: Browser | undefined;
let webRoot = '';
let server: RunningServer | undefined;

before(async () => {
  if (skip) return;
  webRoot = await buildWeb(mkdtempSync(join(tmpdir(), 'sitrep-web-live-')));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

test('a POSTed document shows as "3 new claims — show" without a reload; "show" redraws the view with it', { skip }, async () => {
  const [kyiv, dw, bbc] = deskDocs();
  // Extraction gives a posted text the layers of the prepared document with the same input.
  server = await startServer({
    store: memoryDesk([kyiv, bbc]), webRoot,
    extract: async (inits) => inits.map((init) => (init.input === dw.input ? { ...dw, id: init.id } : createDoc(init))),
  });
  const base = server.url;
  const page: Page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page.goto(base + '/');
  await page.waitForSelector('main[data-ready="home"]');
  await page.waitForSelector('body[data-live="open"]');
  const contestedTab = page.locator('.claims-panel button[data-status="contested"]');
  assert.equal(await contestedTab.innerText(), 'contested (0)');
  assert.equal(await page.locator('.live-banner').isVisible(), false);
  await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));

  const post = (body: string, id: string) =>
    fetch(`${base}/api/documents?id=${encodeURIComponent(id)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  assert.equal((await post(dw.input, 'dw#25')).status, 201);
  const banner = page.locator('.live-banner');
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.innerText(), /^3 new claims, 1 new event — show/);
  assert.equal(await contestedTab.innerText(), 'contested (0)', 'the view waits for the click');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'desk-live.png'), clip: { x: 0, y: 0, width: 1400, height: 700 } });

  await banner.locator('button.live-show').click();
  await page.waitForFunction(() => document.querySelector('.claims-panel button[data-status="contested"]')?.textContent === 'contested (1)');
  assert.equal(await page.locator('.claims-panel article.proposition[data-place="Bakhmut"]').count(), 1);
  assert.equal(await banner.isVisible(), false);
  assert.equal(await page.evaluate(() => (window as unknown as { stay?: number }).stay), 1, 'no page reload');

  // Another view: the documents list gets the new document on "show".
  await page.goto(base + '/#/documents');
  await page.waitForSelector('main[data-ready="documents"]');
  await page.waitForSelector('body[data-live="open"]');
  const before = await page.locator('main a', { hasText: 'A quiet night' }).count();
  assert.equal(before, 0);
  assert.equal((await fetch(`${base}/api/documents?id=quiet&title=${encodeURIComponent('A quiet night')}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Nothing was reported overnight.' })).status, 201);
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.innerText(), /^1 new document — show/);
  await banner.locator('button.live-show').click();
  await page.locator('main a', { hasText: 'A quiet night' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
  server = undefined;
});

test('the desk reconnects to a server that went away and came back, and shows what the new one stores', { skip }, async () => {
  const [kyiv, dw] = deskDocs();
  const extract = async (inits: readonly { input: string; id: string }[]) => inits.map((init) => (init.input === dw.input ? { ...dw, id: init.id } : createDoc({ ...init, format: 'text' })));
  let first: RunningServer | undefined = await startServer({ store: memoryDesk([kyiv]), webRoot, extract });
  const { port, url } = first;
  const page: Page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
  try {
    await page.goto(url + '/');
    await page.waitForSelector('main[data-ready="home"]');
    await page.waitForSelector('body[data-live="open"]');
    await first.close();
    first = undefined;
    await page.waitForSelector('body:not([data-live="open"])');
    // The same address again, as after a restart of `sitrep serve`.
    server = await startServer({ store: memoryDesk([kyiv]), webRoot, extract, port });
    await page.waitForSelector('body[data-live="open"]', { timeout: 60_000 });
    assert.equal((await fetch(`${server.url}/api/documents?id=after-restart`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: dw.input })).status, 201);
    await page.locator('.live-banner').waitFor({ state: 'visible' });
    assert.match(await page.locator('.live-banner').innerText(), /^3 new claims/);
  } finally {
    await first?.close();
    await page.close();
  }
});
