/**
 * The cross-document CLI commands end to end over a real store (PGlite in a temporary folder): documents with
 * hand-built claims are stored, read back, analysed and printed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { deskDocs } from '../http/desk-docs.js';

let dir = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-crossdoc-'));
  const store = await openStore({ dir, env: {} });
  try {
    await store.ingestDocuments(deskDocs());
  } finally {
    await store.close();
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

test('sitrep contested prints control of Bakhmut with both sides, dates, outlets and evidence', async () => {
  const { code, out } = await run('contested', '--db', dir);
  assert.equal(code, 0);
  assert.match(out, /control of Bakhmut — contested — 2023-05-12 → 2023-05-25/);
  assert.match(out, /2023-05-12\s+UA\s+Hanna Maliar\s+denies RU\s+Kyiv Post/);
  assert.match(out, /2023-05-25\s+RU\s+Yevgeny Prigozhin\s+asserts RU\s+DW\s+“Yevgeny Prigozin said they had captured Bakhmut\.”/);
});

test('sitrep contested --json, --since and --place filter', async () => {
  const json = await run('contested', '--db', dir, '--json');
  const lines = json.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 1);
  assert.equal(lines[0].claims.length, 4);
  assert.equal((await run('contested', '--db', dir, '--json', '--since', '2023-06-01')).out, '');
  assert.equal((await run('contested', '--db', dir, '--json', '--place', 'Kozinka')).out, '');
  assert.equal((await run('contested', '--db', dir, '--json', '--place', 'Bakhmut')).out.trim().split('\n').length, 1);
  const bad = await run('contested', '--db', dir, '--since', 'yesterday');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--since must be a date/);
});

test('sitrep entity finds Maliar by a variant spelling and shows both aliases and her claims', async () => {
  const { code, out } = await run('entity', '--db', dir, 'Malyar');
  assert.equal(code, 0);
  assert.match(out, /^Hanna Maliar {2}\(person:hanna-maliar\)/);
  assert.match(out, /side UA/);
  assert.match(out, /Hanna Maliar\s+1\s+2023-05-12/);
  assert.match(out, /Hannah Malial\s+1\s+2023-05-25/);
  assert.match(out, /2023-05-12\s+Kyiv Post\s+said\s+denies RU control/);
  const none = await run('entity', '--db', dir, 'Nobody Atall');
  assert.equal(none.code, 1);
  assert.equal((await run('entity', '--db', dir)).code, 2);
});

test('sitrep stories lists every document in some story', async () => {
  const { code, out } = await run('stories', '--db', dir, '--json');
  assert.equal(code, 0);
  const ids = out.trim().split('\n').flatMap((l) => JSON.parse(l).docIds).sort();
  assert.deepEqual(ids, ['bbc-3', 'dw#25', 'kyiv-post/1']);
});
