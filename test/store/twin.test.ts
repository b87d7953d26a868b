/**
 * End to end through the real readers: a text file and the same article as an HTML page (with navigation,
 * related links and a footer around it) are stored once, the page recorded as a second source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDoc } from '../../src/core/index.js';
import { readSource } from '../../src/ingest/index.js';
import { openPglite, Store } from '../../src/store/index.js';
import { ARTICLE } from './sample-article.js';

function page(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');
  const [title, ...paragraphs] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/europe">Europe</a></nav>
<article><h1>${esc(title)}</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<aside><h3>Related</h3><ul><li><a href="/x">Football club wins the cup after extra time</a></li></ul></aside>
<footer>© 2023 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`;
}

test('a text file and its HTML page, read by the real readers, are stored once with two sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-twin-'));
  const db = await openPglite();
  try {
    writeFileSync(join(dir, 'article.txt'), ARTICLE);
    writeFileSync(join(dir, 'article.html'), page(ARTICLE));
    const docs = [];
    for (const name of ['article.txt', 'article.html']) {
      const read = await readSource(join(dir, name), name);
      assert.equal(read.docs.length, 1, `${name}: ${JSON.stringify(read.problems)}`);
      docs.push(createDoc(read.docs[0]));
    }
    assert.equal(docs[1].format, 'html');
    const store = new Store(db);
    await store.migrate();
    const [text, html] = await store.ingestDocuments(docs);
    assert.equal(text.status, 'stored');
    assert.ok(html.status === 'duplicate' || html.status === 'near-duplicate', html.status);
    assert.equal(html.duplicateOf, 'article.txt');
    assert.equal(await store.countDocuments(), 1);
    const stored = await store.getDocument('article.txt');
    assert.deepEqual(stored?.sourceList.map((s) => s.docKey), ['article.txt', 'article.html']);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
