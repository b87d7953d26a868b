/**
 * The desk with a hundred articles and more (issue 17): Debian's chromium driven by playwright-core against a
 * store built from the development halves of the corpora (test/web/corpus-desk.ts). Checks that no two visible
 * map labels overlap, every timeline bin can be clicked, zoom changes the scale, the home page stays under two
 * viewports tall, quotes are short with "show more", and entities are told apart. The first render time is
 * reported, not asserted. Screenshots go to test-artifacts/.
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
import { drag, launchChromium, skip } from './chromium.js';
import { MAX_WORDS } from '../../src/web/evidence.js';
import { corpusDocs } from './corpus-desk.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const VIEWPORT = { width: 1400, height: 1000 };

let browser: Browser | undefined;
let server: RunningServer | undefined;
let webRoot = '';
let articles = 0;

before(async () => {
  if (skip) return;
  webRoot = await buildWeb(mkdtempSync(join(tmpdir(), 'sitrep-web-')));
  const docs = await corpusDocs();
  articles = docs.length;
  server = await startServer({ store: memoryDesk(docs), webRoot, extract: async (inits) => inits.map((i) => createDoc(i)) });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

async function openPage(path = '/'): Promise<Page & { errors: string[] }> {
  const page = (await browser!.newPage({ viewport: VIEWPORT })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  const base = server!.url;
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page.goto(base + path);
  return page;
}

/** The home view, loaded. */
async function openHome(): Promise<Page & { errors: string[] }> {
  const page = await openPage();
  await page.waitForSelector('main[data-ready="home"]');
  return page;
}

/** Saves a screenshot, checks the page threw nothing, closes it. */
async function finish(page: Page & { errors: string[] }, shot: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, shot) });
  assert.deepEqual(page.errors, []);
  await page.close();
}

/** Pairs of visible map labels whose boxes overlap (more than half a pixel each way). */
async function labelOverlaps(page: Page): Promise<{ count: number; pairs: string[] }> {
  return page.evaluate(() => {
    const map = document.querySelector('svg.map')!.getBoundingClientRect();
    const boxes = Array.from(document.querySelectorAll('svg.map g.labels text.label'))
      .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom);
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) pairs.push(`${boxes[i].text} / ${boxes[j].text}`);
      }
    }
    return { count: boxes.length, pairs };
  });
}

test('home with 100+ articles: labels do not overlap, page under two viewports, first render reported', { skip }, async (t) => {
  assert.ok(articles >= 100, `${articles} articles`);
  const page = await openHome();
  const timing = () => page.evaluate(() => [performance.now(), Math.max(...performance.getEntriesByType('resource').map((r) => (r as PerformanceResourceTiming).responseEnd))]);
  const [cold, coldData] = await timing();
  await page.reload();
  await page.waitForSelector('main[data-ready="home"]');
  const [warm, data] = await timing();
  t.diagnostic(`first render of the home view with ${articles} articles: ${Math.round(cold)} ms after navigation start on a fresh server (data in at ${Math.round(coldData)} ms: the API builds its views on the first request), ${Math.round(warm)} ms on reload (data and shapes in at ${Math.round(data)} ms, drawn ${Math.round(warm - data)} ms later)`);
  const marks = await page.evaluate(() => ({
    places: document.querySelectorAll('svg.map a.place').length,
    clusters: document.querySelectorAll('svg.map g.cluster').length,
    areas: document.querySelectorAll('svg.map path.area').length,
    labels: document.querySelectorAll('svg.map g.labels text.label').length,
  }));
  t.diagnostic(`map at full extent: ${marks.places} single markers, ${marks.clusters} clusters, ${marks.areas} areas, ${marks.labels} labels`);
  const labels = await labelOverlaps(page);
  assert.ok(labels.count >= 10, `${labels.count} labels shown`);
  assert.deepEqual(labels.pairs, [], 'no two visible labels overlap');
  // The check itself can fail: a copy of a label drawn beside it, two pixels off, is caught.
  await page.evaluate(() => {
    const l = document.querySelector('svg.map g.labels text.label')!;
    const copy = l.cloneNode(true) as Element;
    copy.setAttribute('x', String(Number(l.getAttribute('x')) + 2));
    l.parentNode!.appendChild(copy);
  });
  assert.equal((await labelOverlaps(page)).pairs.length, 1, 'an overlap is detected');
  await page.reload();
  await page.waitForSelector('main[data-ready="home"]');
  assert.ok((await page.locator('svg.map g.cluster').count()) > 0, 'dense markers are clustered');
  const counts = await page.locator('svg.map g.cluster').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
  assert.ok(counts.every((n) => n >= 2), 'a cluster counts its places');
  assert.ok((await page.locator('svg.map path.area').count()) > 0, 'regions or countries are drawn as areas');
  assert.ok((await page.locator('.map-legend .legend-item').count()) >= 6, 'the map has a legend');
  // A marker whose label found no room shows it on hover.
  const unlabelled = await page.evaluate(() => {
    const labelled = new Set(Array.from(document.querySelectorAll('svg.map g.labels text.label')).map((l) => l.getAttribute('data-id')));
    return Array.from(document.querySelectorAll('svg.map a.place')).map((a) => a.getAttribute('data-id')).find((id) => !labelled.has(id)) ?? null;
  });
  assert.ok(unlabelled, 'at full extent some labels find no room (so hovering is needed)');
  await page.locator(`svg.map a.place[data-id="${unlabelled}"]`).hover({ force: true });
  assert.equal(await page.locator('svg.map g.hover-labels text').count(), 1, 'the hidden label shows on hover');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  t.diagnostic(`home page height ${height} px (viewport ${VIEWPORT.height})`);
  assert.ok(height < 2 * VIEWPORT.height, `home page is ${height} px tall`);
  await finish(page, 'scale-home.png');
});

test('zoom and pan: wheel, buttons and keys change the scale; labels still do not overlap', { skip }, async () => {
  const page = await openHome();
  const map = page.locator('svg.map');
  const k = async () => Number(await map.getAttribute('data-k'));
  assert.equal(await k(), 1);
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => Number(document.querySelector('svg.map')!.getAttribute('data-k')) > 1);
  const wheeled = await k();
  assert.ok(wheeled > 1, `wheel zoomed to ${wheeled}`);
  await page.locator('.map-controls .zoom-in').click();
  await page.waitForFunction((was) => Number(document.querySelector('svg.map')!.getAttribute('data-k')) > was, wheeled);
  const zoomed = await k();
  const before = await page.locator('svg.map .zoom-layer').getAttribute('transform');
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { x: box.x + box.width / 2 + 80, y: box.y + box.height / 2 + 40 });
  await page.waitForFunction((was) => document.querySelector('svg.map .zoom-layer')!.getAttribute('transform') !== was, before);
  assert.equal(await k(), zoomed, 'dragging pans without zooming');
  assert.equal(page.url().includes('#/entity/'), false, 'the end of a drag follows no link');
  assert.deepEqual((await labelOverlaps(page)).pairs, [], 'no overlap when zoomed in');
  await page.screenshot({ path: join(ARTIFACTS, 'scale-map-zoomed.png') });
  await map.focus();
  await page.keyboard.press('-');
  await page.waitForFunction((was) => Number(document.querySelector('svg.map')!.getAttribute('data-k')) < was, zoomed);
  await page.keyboard.press('0');
  await page.waitForFunction(() => document.querySelector('svg.map')!.getAttribute('data-k') === '1.000');
  // A cluster zooms in on its places when clicked.
  await page.locator('svg.map g.cluster').first().click();
  await page.waitForFunction(() => Number(document.querySelector('svg.map')!.getAttribute('data-k')) > 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('every timeline bin can be clicked; a drag selects a range; undated items are their own bin', { skip }, async () => {
  const page = await openHome();
  const bins = await page.locator('.timeline g.bin').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-index') ?? 'undated'));
  assert.ok(bins.length >= 5, `${bins.length} bins`);
  assert.ok(bins.includes('undated'), 'undated items have a bin');
  for (const index of bins) {
    const sel = index === 'undated' ? '.timeline g.bin.undated' : `.timeline g.bin[data-index="${index}"]`;
    // Playwright clicks only when the bin itself receives the click at its centre: no neighbour covers it.
    await page.locator(sel).click();
    assert.equal(await page.locator(sel).getAttribute('aria-pressed'), 'true', `bin ${index} selected`);
    await page.locator('.timeline button.clear').click();
    assert.equal(await page.locator('.timeline button.clear').count(), 0);
  }
  const first = (await page.locator('.timeline g.bin[data-index]').first().boundingBox())!;
  const last = (await page.locator('.timeline g.bin[data-index]').last().boundingBox())!;
  await drag(page, { x: first.x + first.width / 2, y: first.y + first.height / 2 }, { x: last.x + last.width / 2, y: last.y + last.height / 2 });
  await page.waitForSelector('.timeline button.clear');
  assert.match(await page.locator('.timeline button.clear').innerText(), /→/, 'a range is selected');
  assert.ok((await page.locator('.timeline g.bin.selected').count()) >= 2);
  await finish(page, 'scale-timeline-range.png');
});

test('quotes are cut to the carrying sentence with show more; long lists are paged', { skip }, async () => {
  const page = await openHome();
  await page.locator('.claims-panel button.tab[data-status="single-source"]').click();
  const words = await page.locator('.claims-panel a.evidence').evaluateAll((as) => as.map((a) => (a.textContent ?? '').split(/\s+/).filter((w) => w !== '…').length));
  assert.ok(words.length > 0);
  assert.ok(Math.max(...words) <= MAX_WORDS, `longest quote ${Math.max(...words)} words`);
  assert.ok((await page.locator('.claims-panel article.proposition').count()) <= 5, 'one page of propositions');
  const next = page.locator('.claims-panel > .paged > .pager .page-next');
  if (await next.count()) {
    const firstTitle = await page.locator('.claims-panel article.proposition h3').first().innerText();
    await next.click();
    assert.notEqual(await page.locator('.claims-panel article.proposition h3').first().innerText(), firstTitle, 'the next page shows others');
  }
  const more = page.locator('.claims-panel .quote.cut button.more');
  if (await more.count()) {
    const quote = more.first().locator('xpath=..').locator('a.evidence');
    const short = (await quote.innerText()).length;
    await more.first().click();
    assert.ok((await quote.innerText()).length > short, 'show more shows the whole quote');
  }
  await page.close();
});

test('events and propositions are asked for 20 at a time; "more" loads the next 20', { skip }, async () => {
  const page = await browser!.newPage({ viewport: VIEWPORT }) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  const asked: URL[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/events' || url.pathname === '/api/propositions') asked.push(url);
  });
  await page.goto(server!.url);
  await page.waitForSelector('main[data-ready="home"]');
  assert.ok(asked.length >= 4, `${asked.length} listing requests`);
  assert.deepEqual([...new Set(asked.map((u) => u.searchParams.get('limit')))], ['20'], 'every listing asked for 20');
  assert.deepEqual(asked.filter((u) => u.pathname === '/api/propositions').map((u) => u.searchParams.get('status')).sort(),
    ['contested', 'corroborated', 'single-source'], 'one page per status tab');
  const api = async (path: string) => (await (await fetch(server!.url + path)).json()) as { total: number };
  const events = (await api('/api/events?limit=1')).total;
  assert.ok(events > 40, `${events} events in the store`);
  const line = page.locator('.more-line[data-what="events"]');
  assert.match(await line.innerText(), new RegExp(`newest 20 of ${events} events`));
  await line.locator('button.more-items').click();
  await page.waitForFunction((n) => document.querySelector('.more-line[data-what="events"]')?.textContent?.includes(`newest 40 of ${n}`), events);
  const next = asked.filter((u) => u.pathname === '/api/events').at(-1)!;
  assert.equal(next.searchParams.get('offset'), '20');
  assert.equal(next.searchParams.get('limit'), '20');
  // The tabs count what the store holds, not what is loaded; the panel's "more" pages the selected status.
  const single = (await api('/api/propositions?status=single-source&limit=1')).total;
  assert.ok(single > 20, `${single} single-source propositions`);
  const tab = page.locator('.claims-panel button.tab[data-status="single-source"]');
  assert.equal(await tab.innerText(), `single-source (${single})`);
  await tab.click();
  const more = page.locator('.claims-panel .more-line');
  assert.match(await more.innerText(), new RegExp(`newest 20 of ${single} single-source propositions`));
  await more.locator('button.more-items').click();
  await page.waitForFunction((n) => document.querySelector('.claims-panel .more-line')?.textContent?.includes(`newest ${Math.min(40, n)} of ${n}`) ?? n <= 40, single);
  const last = asked.filter((u) => u.pathname === '/api/propositions').at(-1)!;
  assert.deepEqual([last.searchParams.get('status'), last.searchParams.get('offset')], ['single-source', '20']);
  assert.equal(await page.locator('.claims-panel > .paged > .pager .page-status').innerText().then((t) => t.trim()), `1–5 of ${Math.min(40, single)}`);
  await finish(page, 'scale-more.png');
});

test('entities are told apart by kind, admin area and country; titles and first names are not aliases', { skip }, async () => {
  const page = await openPage('/#/entities');
  await page.waitForSelector('main[data-ready="entities"]');
  const rows = page.locator('table.entities tbody tr');
  assert.ok((await rows.count()) <= 25, 'paged');
  const places = await page.locator('table.entities tbody tr[data-kind="place"]').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
  assert.ok(places.length > 0);
  assert.ok(places.every((cells) => /^place · /.test(cells[1])), 'every place has its kind');
  assert.ok(places.some((cells) => cells[2] !== '' && cells[3] !== ''), 'settlements show admin area and country');
  const also = await page.locator('table.entities tbody tr[data-kind="person"] td.also').allInnerTexts();
  assert.ok(also.every((a) => !/(^|, )(president|minister)(,|$)/i.test(a)), also.join(' | '));
  await page.screenshot({ path: join(ARTIFACTS, 'scale-entities.png') });
  await page.goto(`${server!.url}/#/stories`);
  await page.waitForSelector('main[data-ready="stories"]');
  assert.ok((await page.locator('.list-view li.single').count()) <= 25, 'articles in no story paged');
  await finish(page, 'scale-stories.png');
});
