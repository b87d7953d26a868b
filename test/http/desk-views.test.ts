import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeskViews, type DeskSource } from '../../src/http/index.js';
import { deskDocs } from './desk-docs.js';

/** A source that counts how often it is asked. */
function countingSource(): DeskSource & { versions: number; loads: number; bump(): void } {
  let version = 1;
  const docs = deskDocs();
  const src = {
    versions: 0,
    loads: 0,
    bump: () => void version++,
    version: async () => {
      src.versions++;
      return String(version);
    },
    documents: async () => {
      src.loads++;
      return docs;
    },
    ingest: async () => ({ stored: [], duplicates: [] }),
  };
  return src;
}

test('one snapshot per version; the version is asked at most once per recheck interval', async () => {
  const src = countingSource();
  const views = new DeskViews(src, 60_000);
  const a = await views.get();
  const b = await views.get();
  assert.equal(a, b);
  assert.equal(src.versions, 1);
  assert.equal(src.loads, 1);
  src.bump();
  assert.equal(await views.get(), a, 'within the interval a change elsewhere is not yet seen');
  views.invalidate();
  const c = await views.get();
  assert.notEqual(c, a, 'after invalidate the new version is loaded');
  assert.equal(src.loads, 2);
  assert.equal(c.analysis.propositions.length, a.analysis.propositions.length);
});

test('with a zero interval every request sees the current version', async () => {
  const src = countingSource();
  const views = new DeskViews(src, 0);
  const a = await views.get();
  src.bump();
  assert.notEqual(await views.get(), a);
});

test('a failed load is not cached', async () => {
  const src = countingSource();
  let fail = true;
  const flaky: DeskSource = { ...src, documents: async () => (fail ? Promise.reject(new Error('db down')) : src.documents()) };
  const views = new DeskViews(flaky, 60_000);
  await assert.rejects(views.get(), /db down/);
  fail = false;
  assert.ok((await views.get()).docs.length > 0);
});
