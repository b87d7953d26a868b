import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { SEEDS } from '../../scripts/shared-dir.js';

const seeds = SEEDS.slice(0, -1);

test('ingesting the same folder twice stores each document once; a text and its HTML twin are duplicates', async () => {
  const db = mkdtempSync(join(tmpdir(), 'sitrep-db-'));
  const first = await runCli(['ingest', '--db', db, seeds]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /ingested 2 documents from 2 files .*: 2 stored, 0 duplicates/);
  const second = await runCli(['ingest', '--db', db, seeds]);
  assert.match(second.stderr, /0 stored, 2 duplicates/);

  const text = readFileSync(join(seeds, '002_b39c71e25f6389a8.txt'), 'utf8');
  const paragraphs = text.split(/\n+/).filter((p) => p.trim());
  const html = `<!doctype html><html><head><title>${paragraphs[0]}</title></head><body><nav>Home · World · Europe</nav><article>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('\n')}</article><footer>© Political IQ</footer></body></html>`;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-twin-'));
  writeFileSync(join(dir, 'twin.html'), html);
  const twin = await runCli(['ingest', '--db', db, join(dir, 'twin.html')]);
  assert.equal(twin.code, 0, twin.stderr);
  assert.match(twin.stderr, /0 stored, 0 duplicates, 1 near-duplicates|0 stored, 1 duplicates, 0 near-duplicates/);

  const listed = await runCli(['docs', '--db', db, '--json']);
  const docs = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(docs.length, 2);
  const stored = docs.find((d) => d.id === '002_b39c71e25f6389a8');
  assert.equal(stored.sources, 2, 'the HTML twin is recorded as another source');
});

test('ingest without a path is a usage error; a bad file is one line and the batch goes on', async () => {
  assert.equal((await runCli(['ingest'])).code, 2);
  const db = mkdtempSync(join(tmpdir(), 'sitrep-db-'));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  writeFileSync(join(dir, 'a.txt'), 'Kyiv said on Monday that the drones were shot down over the city.');
  writeFileSync(join(dir, 'b.txt'), Buffer.from('%PDF-1.4\n%\xff\xff', 'latin1'));
  const r = await runCli(['ingest', '--db', db, dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /b\.txt:1:1 error binary file \(a PDF document\)/);
  assert.match(r.stderr, /1 stored/);
});

test('ingest refuses impossible and future publication dates like extract: a warning, the document stored undated', async () => {
  const db = mkdtempSync(join(tmpdir(), 'sitrep-db-'));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-dates-'));
  const text = 'Kyiv said on Monday that drones were shot down over the city.';
  writeFileSync(join(dir, 'dates.jsonl'), [
    JSON.stringify({ id: 'bad', text, published: '2014-13-01' }),
    JSON.stringify({ id: 'future', text: `${text} Two more were downed.`, published: '2099-01-01' }),
  ].join('\n'));
  const r = await runCli(['ingest', '--db', db, join(dir, 'dates.jsonl')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /dates\.jsonl:1:1 warning publication date "2014-13-01" is not a calendar date: ignored, the document is read as undated/);
  assert.match(r.stderr, /dates\.jsonl:2:1 warning publication date 2099-01-01 is in the future/);
  const docs = (await runCli(['docs', '--db', db, '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => [d.id, d.published]).sort(), [['bad', null], ['future', null]]);
  const bad = await runCli(['ingest', '--db', db, '--published', '2099-01-01', join(dir, 'dates.jsonl')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--published: publication date 2099-01-01 is in the future/);
});

test('read commands on a missing store say so, exit 2 and create nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-missing-'));
  const db = join(dir, 'typo');
  for (const command of ['docs', 'contested', 'stories']) {
    const r = await runCli([command, '--db', db]);
    assert.equal(r.code, 2, command);
    assert.match(r.stderr, /no sitrep store in .*typo; run `sitrep ingest PATH` first/, command);
    assert.equal(existsSync(db), false, `${command} created no folder`);
  }
});

test('SIGTERM during ingest: the documents in flight are finished, the rest not started, and the count said is the count stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-signal-'));
  const db = join(dir, 'db');
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Report ${i}: artillery shelled the village of Site${i} on Monday, officials said.` }));
  writeFileSync(join(dir, 'many.jsonl'), lines.join('\n'));
  // Ingest listens for signals once its store and context are ready (however long that takes on a busy
  // machine); a signal sent before would be lost.
  const listening = process.listenerCount('SIGTERM');
  // Then some documents are given time to be stored, so that the interrupt lands in the middle of the batch.
  let fire: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (process.listenerCount('SIGTERM') > listening) {
      clearInterval(poll);
      fire = setTimeout(() => process.emit('SIGTERM'), 1500);
    }
  }, 5);
  const r = await runCli(['ingest', '--db', db, join(dir, 'many.jsonl')]);
  clearInterval(poll);
  clearTimeout(fire);
  assert.equal(r.code, 130, r.stderr);
  const said = /interrupted; (\d+) documents stored/.exec(r.stderr);
  assert.ok(said, r.stderr);
  const listed = await runCli(['docs', '--db', db, '--json', '--limit', '5000']);
  const stored = listed.stdout.trim() ? listed.stdout.trim().split('\n').length : 0;
  assert.equal(stored, Number(said[1]), 'every document said to be stored is there, and no other');
  assert.ok(stored > 0, 'the interrupt came in the middle of the run, after some documents were stored');
  assert.ok(stored < lines.length);
});
