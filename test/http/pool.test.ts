/**
 * Extraction in a worker thread: documents come back whole (views that map to the input), a document over its time
 * limit costs the worker and not the caller, and a full queue is refused at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractionError, ExtractionPool } from '../../src/pipeline-pool.js';
import { readHtml, readText } from '../../src/ingest/index.js';

test('the worker extracts text and HTML documents; their views still map to the input', async () => {
  const pool = new ExtractionPool();
  try {
    const [text, html] = await pool.extract([
      readText('Russian forces captured Bakhmut, the ministry said on Friday.', { id: 't' }),
      readHtml('<html><body><p>Drones struck Oryol &amp; Kursk overnight, the governor said.</p></body></html>', { id: 'h' }),
    ]);
    assert.ok(text.claims.length > 0, 'claims were extracted in the worker');
    assert.ok(text.entities.some((e) => e.kind === 'place'));
    const span = html.view.span(0, 6, 'test');
    assert.equal(html.input.slice(span.start, span.end), span.text, 'the revived view maps back to the HTML');
  } finally {
    await pool.close();
  }
});

test('over its time limit a job is stopped with reason timeout, and the next job runs on a fresh worker', async () => {
  const pool = new ExtractionPool({ perDocumentMs: 1 });
  try {
    await assert.rejects(pool.extract([readText('Shelling hit the town. '.repeat(2000), { id: 'slow' })]), (e: unknown) => e instanceof ExtractionError && e.reason === 'timeout');
  } finally {
    await pool.close();
  }
  const next = new ExtractionPool();
  try {
    assert.equal((await next.extract([readText('Kyiv said drones were shot down.', { id: 'ok' })])).length, 1);
  } finally {
    await next.close();
  }
});

test('a full queue refuses at once with reason busy', async () => {
  const pool = new ExtractionPool({ size: 1, maxQueue: 1 });
  try {
    const first = pool.extract([readText('One.', { id: 'a' })]);
    const second = pool.extract([readText('Two.', { id: 'b' })]);
    await assert.rejects(pool.extract([readText('Three.', { id: 'c' })]), (e: unknown) => e instanceof ExtractionError && e.reason === 'busy');
    assert.equal((await first).length + (await second).length, 2);
  } finally {
    await pool.close();
  }
});
