/**
 * The report in a real browser (Debian's chromium via playwright-core): the HTML report served by `/api/report`
 * renders with its stylesheet under the server's Content-Security-Policy and shows the contested place on its
 * map; the PDF printed from it is a PDF (and, where `pdftoppm` is installed, turns into a PNG page); the desk's
 * Report view shows both sides' claims and download buttons that answer with files. Skipped, with the reason,
 * where /usr/bin/chromium is not installed (CI installs it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDoc } from '../../src/core/index.js';
import { memoryDesk, startServer, type RunningServer } from '../../src/http/index.js';
import { buildReport, printPdf, renderHtml } from '../../src/report/index.js';
import { DeskView } from '../../src/desk/index.js';
import { buildWeb } from '../../src/web/build.js';
import { deskDocs } from '../http/desk-docs.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM} (apt-get install chromium)`;
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const PERIOD = 'from=2023-05-01&to=2023-05-31';

let browser: Browser | undefined;
let webRoot = '';
let server: RunningServer | undefined;

before(async () => {
  if (skip) return;
  webRoot = await buildWeb(mkdtempSync(join(tmpdir(), 'sitrep-web-')));
  server = await startServer({ store: memoryDesk(deskDocs()), webRoot, extract: async (inits) => inits.map((i) => createDoc(i)) });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

async function openPage(path: string): Promise<Page & { problems: string[] }> {
  const base = server!.url;
  const page = (await browser!.newPage({ viewport: { width: 1100, height: 1000 } })) as Page & { problems: string[] };
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  // Offline: any request leaving the server under test is refused and reported.
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    page.problems.push(`left the server: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(base + path);
  return page;
}

test('the HTML report renders styled under the CSP, with the contested place on its map', { skip }, async () => {
  const page = await openPage(`/api/report?${PERIOD}`);
  await page.waitForSelector('svg.map');
  // The stylesheet applied: the report's own rule for h2 (a 2px rule below), not the browser default.
  assert.equal(await page.$eval('h2', (el) => getComputedStyle(el).borderBottomWidth), '2px');
  assert.ok(await page.$('svg.map .mark.status-contested'), 'a contested marker');
  assert.ok(await page.$('svg.map [data-name="Bakhmut"]'), 'Bakhmut on the map');
  assert.match(await page.textContent('body') ?? '', /Control of Bakhmut\s*contested/);
  assert.deepEqual(page.problems, [], 'no script error, no CSP violation, nothing fetched from elsewhere');
  await page.screenshot({ path: join(ARTIFACTS, 'report-html.png'), fullPage: true });
  await page.close();
});

test('the PDF is printed from the HTML by Chromium; pdftoppm turns its first page into a PNG', { skip }, async () => {
  const report = buildReport(new DeskView(deskDocs()), { since: '2023-05-01', date: '2023-05-31' }, { now: '2026-01-01T00:00:00Z' });
  const pdf = await printPdf(renderHtml(report), { SITREP_CHROMIUM: CHROMIUM });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `a PDF with the map in it (${pdf.length} bytes)`);
  const file = join(ARTIFACTS, 'report.pdf');
  writeFileSync(file, pdf);
  let pdftoppm = true;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    pdftoppm = false;
  }
  if (pdftoppm) {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, 'report-pdf')]);
    const png = readFileSync(join(ARTIFACTS, 'report-pdf.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  } else {
    // Without poppler the text of the PDF still has to be there: Chromium embeds it as text.
    assert.ok(pdf.includes(Buffer.from('/Type /Page')), 'the PDF has pages');
  }
});

test('the desk\'s Report view shows both sides\' claims and downloads the report and exports', { skip }, async () => {
  const page = await openPage(`/#/report?${PERIOD}`);
  await page.waitForSelector('main[data-ready="report"]');
  const card = page.locator('.report-view .proposition.status-contested', { hasText: 'Control of Bakhmut' });
  assert.equal(await card.count(), 1);
  assert.ok(await card.locator('[data-side="RU"] .claim').count() >= 2, 'Russian claims');
  assert.ok(await card.locator('[data-side="UA"] .claim').count() >= 1, 'Ukrainian claims');
  assert.ok(await page.$('.report-view .map-box svg'), 'the desk\'s map of the period');
  const links = await page.$$eval('.downloads a.download', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.equal(links.length, 6);
  for (const href of links) {
    const res = await page.request.get(server!.url + href);
    assert.equal(res.status(), 200, href);
    if (!href.includes('format=html')) assert.match(res.headers()['content-disposition'] ?? '', /^attachment; filename="sitrep-/, href);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'report-view.png'), fullPage: false });
  // A claim's quote opens its article with the evidence highlighted.
  await card.locator('[data-side="UA"] a.evidence').first().click();
  await page.waitForSelector('main[data-ready="doc"]');
  assert.deepEqual(page.problems, []);
  await page.close();
});
