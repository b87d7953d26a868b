import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDoc } from '../../src/core/index.js';
import { checkPublished, readFeed, readHtml, readJsonl, readSources, type SourceResult } from '../../src/ingest/index.js';
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
  const gold = byName.get('gold.json')!;
  assert.equal(gold.skipped, true, 'a JSON data file beside the articles is skipped, with a word');
  assert.equal(gold.problems[0].severity, 'info');
  assert.match(gold.problems[0].reason, /JSON without documents/);
  assert.match(results.at(-1)!.problems[0].reason, /no such file/);
});

test('publication dates: one check for every reader; a refused date is a warning and the document is read undated', () => {
  const now = new Date('2023-06-01T10:00:00Z');
  assert.deepEqual(checkPublished('2023-05-12', now), { value: '2023-05-12' });
  assert.deepEqual(checkPublished('2023-06-03T23:00:00Z', now), { value: '2023-06-03' }, 'two days ahead is allowed (time zones)');
  assert.match((checkPublished('2023-06-04', now) as { reason: string }).reason, /2023-06-04 is in the future \(today is 2023-06-01\)/);
  assert.match((checkPublished('2014-13-01', now) as { reason: string }).reason, /"2014-13-01" is not a calendar date/);
  assert.match((checkPublished('2023-02-29', now) as { reason: string }).reason, /not a calendar date/);
  assert.match((checkPublished('yesterday', now) as { reason: string }).reason, /not a date YYYY-MM-DD/);
  assert.deepEqual(checkPublished('Fri, 12 May 2023 10:00:00 GMT', now, true), { value: '2023-05-12' });

  const jsonl = [
    '{"id":"a","text":"Kyiv said on Monday that drones were shot down.","published":"2014-13-01"}',
    '{"id":"b","text":"Kyiv said on Monday that drones were shot down.","published":"2099-01-01"}',
    '{"id":"c","text":"Kyiv said on Monday that drones were shot down.","published":"2023-05-12"}',
  ].join('\n');
  const r = readJsonl(jsonl, 'f', {});
  assert.equal(r.errors.length, 0, 'the records are read');
  assert.deepEqual(r.docs.map((d) => d.published?.value), [undefined, undefined, '2023-05-12']);
  assert.deepEqual(r.docs.map((d) => (d.messages ?? []).map((m) => [m.severity, m.rule, (m as { line?: number }).line])), [
    [['warning', 'ingest/jsonl-published-refused', 1]],
    [['warning', 'ingest/jsonl-published-refused', 2]],
    [],
  ]);
  assert.match(r.docs[0].messages![0].reason, /"2014-13-01" is not a calendar date: ignored, the document is read as undated/);

  const feed = `<rss version="2.0"><channel><title>W</title>
    <item><title>A</title><pubDate>2014-13-01</pubDate><description>Russia said it captured the village.</description></item>
    <item><title>B</title><pubDate>Tue, 01 Jan 2099 10:00:00 GMT</pubDate><description>Kyiv denied it.</description></item>
    <item><title>C</title><pubDate>Fri, 12 May 2023 10:00:00 GMT</pubDate><description>Kyiv denied it again.</description></item>
  </channel></rss>`;
  const f = readFeed(feed, 'feed', {});
  assert.deepEqual(f.docs.map((d) => d.published?.value), [undefined, undefined, '2023-05-12']);
  assert.deepEqual(f.docs.map((d) => (d.messages ?? []).map((m) => m.rule)), [['ingest/feed-date-refused'], ['ingest/feed-date-refused'], []]);

  const page = (date: string) => `<html><head><meta property="article:published_time" content="${date}"></head><body><p>Kyiv said on Monday that drones were shot down.</p></body></html>`;
  const html = readHtml(page('2099-01-01T08:00:00Z'), { id: 'p' });
  assert.equal(html.published, undefined);
  assert.ok(html.messages?.some((m) => m.rule === 'ingest/html-meta-date-refused' && /in the future/.test(m.reason)));
  assert.equal(readHtml(page('2023-05-12T08:00:00Z'), { id: 'p' }).published?.value, '2023-05-12');
});

test('a folder walk lists every file it does not read, with the reason; links leaving the folder are not followed; .json documents are read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-walk-'));
  const outside = mkdtempSync(join(tmpdir(), 'sitrep-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'Not for the store.');
  writeFileSync(join(dir, 'a.txt'), 'Shelling hit the town on Monday.');
  writeFileSync(join(dir, 'table.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'README'), 'no extension');
  writeFileSync(join(dir, '.hidden.txt'), 'hidden');
  writeFileSync(join(dir, 'one.json'), JSON.stringify({ id: 'j-one', text: 'Drones struck a depot.' }, null, 2));
  writeFileSync(join(dir, 'many.json'), JSON.stringify([{ id: 'j-a', text: 'First.' }, { id: 'j-b', text: 'Second.' }]));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  symlinkSync(join(dir, 'a.txt'), join(dir, 'inner.txt'));
  const results = await collect([dir]);
  const byName = new Map(results.map((r) => [r.path.slice(dir.length + 1), r]));
  for (const [name, reason] of [['table.csv', /"\.csv" is not a document format/], ['README', /no file extension/], ['.hidden.txt', /hidden file/], ['link.txt', /outside the folder: not followed/]] as const) {
    const r = byName.get(name);
    assert.ok(r, `${name} is listed`);
    assert.equal(r.skipped, true, name);
    assert.equal(r.docs.length, 0, name);
    assert.match(r.problems[0].reason, reason, name);
  }
  assert.ok(!results.some((r) => r.docs.some((d) => d.input.includes('Not for the store'))), 'the linked file outside was not read');
  assert.equal(byName.get('inner.txt')?.docs.length, 1, 'a link inside the folder is read');
  assert.deepEqual(byName.get('one.json')?.docs.map((d) => d.id), ['j-one']);
  assert.deepEqual(byName.get('many.json')?.docs.map((d) => d.id), ['j-a', 'j-b']);
  const named = await collect([join(dir, 'table.csv')]);
  assert.equal(named[0].skipped, undefined, 'a file named on the command line is read whatever its extension');
});

test('a large JSON Lines file is read as a stream, in parts, with the documents and line numbers of a whole read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stream-'));
  const body = 'Kyiv said on Monday that drones were shot down over the city; officials reported no casualties. '.repeat(300);
  const lines: string[] = [];
  for (let i = 1; i <= 330; i++) lines.push(i === 300 ? '{"id":"broken","text": nope' : JSON.stringify({ id: `r${i}`, text: `${i}. ${body}`, source: 'Outlet' }));
  const path = join(dir, 'big.jsonl');
  writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\n');
  const parts = await collect([path], { published: '2023-05-01' });
  assert.ok(parts.length >= 2, `read in parts (${parts.length})`);
  assert.deepEqual(parts.map((p) => p.continued === true), parts.map((_, i) => i > 0), 'parts after the first say they continue the file');
  const docs = parts.flatMap((p) => p.docs);
  assert.equal(docs.length, 329);
  assert.equal(docs[0].id, 'r1', 'the byte order mark is not part of the first line');
  assert.equal(docs[328].origin?.line, 330);
  assert.equal(docs[328].published?.value, '2023-05-01');
  assert.deepEqual(parts.flatMap((p) => p.problems.map((m) => m.line)), [300]);
  // The same records in a small file, read whole, give the same documents.
  const small = join(dir, 'small.jsonl');
  writeFileSync(small, '\uFEFF' + lines.slice(0, 20).join('\r\n') + '\n');
  const whole = (await collect([small], { published: '2023-05-01' })).flatMap((p) => p.docs);
  const strip = (d: (typeof docs)[number]) => ({ ...d, origin: { ...d.origin, path: undefined }, view: d.view?.text });
  assert.deepEqual(whole.map(strip), docs.slice(0, 20).map(strip));
});

test('a read document travels as one line of JSON and back (sitrep ingest to a running server); a bad map is refused', async () => {
  const { docInitFromJson, docInitToJson } = await import('../../src/ingest/index.js');
  const page = readHtml('<html><body><article><p>Kyiv &amp; Kharkiv were shelled on Monday, officials said.</p><p>Two people were hurt.</p></article></body></html>', { id: 'p', origin: { path: 'p.html', line: 3 } });
  const back = docInitFromJson(docInitToJson(page));
  assert.ok(typeof back !== 'string', String(back));
  assert.equal(back.id, 'p');
  assert.equal(back.format, page.format);
  assert.deepEqual(back.origin, JSON.parse(JSON.stringify(page.origin)));
  assert.equal(back.view?.text, page.view?.text);
  const amp = page.view!.text.indexOf('&');
  assert.deepEqual(back.view!.span(amp, amp + 1, 'r'), page.view!.span(amp, amp + 1, 'r'), 'the map back to the input travels too');
  const line = JSON.parse(docInitToJson(page)) as { view: { pieces: { i: number }[] } };
  line.view.pieces[0].i = page.input.length + 5;
  assert.match(String(docInitFromJson(JSON.stringify(line))), /inside both texts/);
  assert.match(String(docInitFromJson('{"id":"x","input":"text","format":"pdf"}')), /"format" must be one of/);
  assert.match(String(docInitFromJson('not json')), /not valid JSON/);
});
