/**
 * No stage crashes on real text: every document of the development and evaluation corpora the bench reads
 * (GeoWebNews, PolNeAR, CASE, the seeds) goes through the whole pipeline, and no stage reports a crash. A stage that
 * throws loses its layer for that document (the pipeline records `<stage>/crash`), so this catches what unit tests of
 * one rule miss: words running out at the end of a sentence, empty clauses, odd punctuation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { loadBenchCorpus } from '../../bench/corpus.js';

test('no stage crashes on any document of the bench corpora', async () => {
  const docs = loadBenchCorpus();
  assert.ok(docs.length > 500, `the bench corpora hold ${docs.length} documents`);
  const ctx = await createContext();
  const crashes: string[] = [];
  for (const d of docs) {
    const doc = runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx);
    for (const m of doc.messages) if (m.rule.endsWith('/crash')) crashes.push(`${d.id}: ${m.reason}`);
  }
  assert.deepEqual(crashes, []);
});
