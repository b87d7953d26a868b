import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDoc } from '../../src/core/index.js';
import { readFeed, readHtml, readJsonl, readSources, type SourceResult } from '../../src/ingest/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';

async function collect(paths: string[], options = {}): Promise<SourceResult[]> {
  const out: SourceResult[] = [];
  for await (const r of readSources(paths, options)) out.push(r);
  return out;
}

test('JSON Lines: one malformed line is reported with its number, the good lines are read', () => {
  const text = [
    '{"id":"a","text":"Kyiv said on Monday that drones were shot down.","published":"2023-05-22","source":"Outlet A"}',
    '{"id":"b","text": broken',
    '',
    '{"id":"c","text":"Moscow said the city was captured."}',
    '{"id":"d"}',
    '[1,2]',
  ].join('\n');
  const r = readJsonl(text, 'f', {});
  assert.deepEqual(r.docs.map((d) => d.id), ['a', 'c']);
  assert.deepEqual(r.errors.map((e) => e.line), [2, 5, 6]);
  assert.equal(r.docs[0].published?.value, '2023-05-22');
  assert.equal(r.docs[0].origin?.source, 'Outlet A');
});

test('HTML: offsets of the view map back to the page as read, entities and all', () => {
  const html = '<html><head><title>Drones &amp; shelling</title></head><body><nav>Home | World</nav><article><h1>Drones downed over Istra</h1><p>The Russian Defence Ministry said on Tuesday that air defences shot down two drones over the Istra district &ndash; near Moscow.</p><p>Ukraine&rsquo;s officials declined to comment, according to the report published by the agency.</p><p>Local residents said that the explosions were heard in the early morning, and that no one was hurt in the incident.</p></article><script>var x = "<p>not text</p>";</script></body></html>';
  let doc = createDoc(readHtml(html, { id: 'h' }));
  doc = segmentStage.run(cleanStage.run(doc, {}), {});
  assert.ok(!doc.view.text.includes('not text'), 'script is not text');
  assert.ok(!doc.view.text.includes('Home | World'), 'navigation is not article text');
  assert.equal(doc.title?.value, 'Drones & shelling');
  const words = doc.lang.words.map((w) => doc.view.span(w.vStart, w.vEnd, 'test/word'));
  for (const s of [...doc.sentences, ...words]) assert.equal(html.slice(s.start, s.end), s.text);
  const apostrophe = doc.lang.words.findIndex((w) => w.text === 'Ukraine');
  assert.equal(words[apostrophe].text + words[apostrophe + 1].text, 'Ukraine&rsquo;s');
  assert.ok(doc.sentences.some((s) => s.text === 'Drones downed over Istra'), 'the headline is its own sentence');
});

test('HTML without an article body keeps its visible text, with a warning', () => {
  const d = readHtml('<html><body><div>Short note.</div></body></html>', { id: 'x' });
  assert.ok(d.messages?.some((m) => m.rule === 'ingest/no-article'));
  assert.match(d.view!.text, /Short note\./);
});

test('a feed with one broken item: the others are read with their dates and links', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>War Wire</title>
    <item><title>First</title><link>https://example.org/1</link><pubDate>Fri, 12 May 2023 10:00:00 GMT</pubDate><description>Russia said it &lt;b&gt;captured&lt;/b&gt; the village.</description></item>
    <item><title>Broken</title></item>
    <item><title>Third</title><guid>t3</guid><pubDate>Sat, 13 May 2023 08:00:00 GMT</pubDate><description><![CDATA[<p>Kyiv denied it.</p>]]></description></item>
  </channel></rss>`;
  const r = readFeed(xml, 'feed', {});
  assert.deepEqual(r.docs.map((d) => d.published?.value), ['2023-05-12', '2023-05-13']);
  assert.equal(r.docs[0].origin?.url, 'https://example.org/1');
  assert.equal(r.docs[0].origin?.source, 'War Wire');
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].reason, /item 2/);
  const third = createDoc(r.docs[1]);
  assert.equal(third.view.text.trim(), 'Kyiv denied it.');
});

test('an Atom feed is read; a non-feed XML is one clear error', () => {
  const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><id>e1</id><updated>2023-05-25T00:00:00Z</updated><link href="https://example.org/e"/><content type="html">Moscow said the drones were downed.</content></entry></feed>';
  const r = readFeed(atom, 'a', {});
  assert.equal(r.docs.length, 1);
  assert.equal(r.docs[0].published?.value, '2023-05-25');
  assert.equal(r.docs[0].origin?.url, 'https://example.org/e');
  assert.equal(readFeed('<note>hi</note>', 'n', {}).errors.length, 1);
  assert.equal(readFeed('<rss><channel><item>', 'n', {}).errors.length >= 0, true);
});

test('folders, missing paths, unreadable entries, binary, empty and oversized files: one problem each, the rest read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'Kyiv said on Monday that drones were shot down over the city.');
  writeFileSync(join(dir, 'sub', 'b.html'), '<html><body><p>Moscow said on Tuesday the attack was repelled.</p></body></html>');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
  writeFileSync(join(dir, 'gold.json'), '{"not": "a document"}');
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  writeFileSync(join(dir, 'big.txt'), 'word '.repeat(600_000));
  const results = await collect([dir, join(dir, 'missing.txt')], { maxBytes: 1024 * 1024 });
  const byName = new Map(results.map((r) => [r.path.slice(dir.length + 1) || r.path, r]));
  assert.equal(byName.get('a.txt')?.docs[0].id, 'a');
  assert.equal(byName.get('sub/b.html')?.docs[0].id, 'sub/b');
  assert.match(byName.get('empty.txt')!.problems[0].reason, /empty/);
  assert.match(byName.get('image.txt')!.problems[0].reason, /PNG/);
  assert.match(byName.get('dangling.txt')!.problems[0].reason, /no such file/);
  assert.match(byName.get('big.txt')!.problems[0].reason, /over the per-document limit/);
  assert.ok(!byName.has('gold.json'), 'non-document files in folders are skipped');
  assert.match(results.at(-1)!.problems[0].reason, /no such file/);
});
