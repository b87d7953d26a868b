/**
 * The HTML and feed readers load only when an input needs them (src/ingest/markup-readers.ts). This file imports
 * the reading entry point alone, never ingest/index.js (which loads every reader), so each input below must load
 * its reader itself: an HTML page, a feed, a JSON Feed, and JSON Lines whose record holds HTML, written out or
 * escaped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, type SourceResult } from '../../src/ingest/read-sources.js';

async function read(name: string, text: string): Promise<SourceResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lazy-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  const out: SourceResult[] = [];
  for await (const r of readSources([path])) out.push(r);
  return out;
}

const page = '<html><body><article><p>Drones struck Oryol &amp; Kursk overnight, the governor said.</p></article></body></html>';

test('plain text is read without the markup readers; HTML, feeds and JSON Lines with HTML load theirs on demand', async () => {
  const [text] = await read('a.txt', 'Kyiv said on Monday that drones were shot down.');
  assert.equal(text.docs[0].format, 'text');
  // JSON Lines with an escaped "<" only: the record is HTML, so the reader must be loaded before reading it.
  const escaped = JSON.stringify({ id: 'e', text: page }).replace(/</g, '\\u003c');
  const [jsonl] = await read('b.jsonl', escaped + '\n');
  assert.deepEqual(jsonl.problems, []);
  assert.match(jsonl.docs[0].view!.text, /Drones struck Oryol & Kursk/);
  assert.doesNotMatch(jsonl.docs[0].view!.text, /<p>/);
  const [html] = await read('c.html', page);
  assert.equal(html.docs[0].format, 'html');
  const [feed] = await read('d.xml', `<rss><channel><title>F</title><item><title>T</title><description>${page.replace(/</g, '&lt;')}</description></item></channel></rss>`);
  assert.deepEqual(feed.problems, []);
  assert.equal(feed.docs.length, 1);
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F', items: [{ id: 'i1', content_html: page }] });
  const [jsonFeed] = await read('e.json', json);
  assert.deepEqual(jsonFeed.problems, []);
  assert.equal(jsonFeed.docs.length, 1);
  assert.match(jsonFeed.docs[0].view!.text, /Drones struck Oryol & Kursk/);
});
