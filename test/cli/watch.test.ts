/**
 * `sitrep watch` end to end: one pass over a feed, a failing feed and a folder into the embedded store; the same
 * through a running `sitrep serve` (documents and state through its API, each stored document announced on its
 * stream); and a watcher running until SIGTERM, which finishes its document and leaves the store whole.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { spawnServe } from './spawn-serve.js';
import { rss, startFeedServer, until, type FeedServer } from '../watch/feed-server.js';
import { SseReader } from '../http/sse-reader.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ITEMS = [
  ['wire-1', 'Bakhmut', 'Ukrainian deputy defence minister Hanna Maliar said on Thursday that Russian forces did not control Bakhmut.'],
  ['wire-2', 'Wagner', 'Yevgeny Prigozhin said on Saturday that Wagner fighters had captured Bakhmut.'],
] as const;

let feeds: FeedServer;
let dir: string;
before(async () => {
  feeds = await startFeedServer();
  feeds.routes.set('/wire.xml', { body: rss('Test Wire', ITEMS), etag: '"w1"' });
  feeds.routes.set('/broken.xml', { status: 500 });
  dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-cli-'));
});
after(async () => {
  await feeds.close();
  rmSync(dir, { recursive: true, force: true });
});

const docIds = async (db: string) => {
  const docs = await runCli(['docs', '--json', '--db', db]);
  assert.equal(docs.code, 0, docs.stderr);
  return docs.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
};

test('one pass: feed items and folder files stored, a 500 feed reported with its reason, a second pass stores nothing', async () => {
  const db = join(dir, 'once-db');
  const folder = join(dir, 'once-in');
  mkdirSync(folder);
  writeFileSync(join(folder, 'local.txt'), 'Officials in Kharkiv said on Monday that the power station had been hit.\n');
  const wire = `${feeds.url}/wire.xml`;
  const broken = `${feeds.url}/broken.xml`;
  const first = await runCli(['watch', '--once', wire, broken, folder, '--db', db]);
  assert.equal(first.code, 1, 'a failing source is exit code 1 in one pass');
  assert.match(first.stdout, /stored wire-1 — Bakhmut \(http:\/\/127\.0\.0\.1:\d+\/wire\.xml\)/);
  assert.match(first.stdout, /stored wire-2/);
  assert.match(first.stdout, /stored local /);
  assert.match(first.stderr, new RegExp(`sitrep watch: ${broken.replace(/[.]/g, '\\.')}: HTTP 500 Internal Server Error; not retried`));
  assert.match(first.stderr, /done after .*: 3 stored/);
  assert.deepEqual(await docIds(db), ['local', 'wire-1', 'wire-2']);

  const second = await runCli(['watch', '--once', wire, folder, '--db', db]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /: 0 stored, 0 duplicates/);
  const last = feeds.requests.filter((r) => r.path === '/wire.xml').at(-1)!;
  assert.equal(last.headers['if-none-match'], '"w1"', 'the ETag was kept in the store');
  assert.equal(last.status, 304);
});

test('while serve holds the store, watch stores through its API and the stream announces each document', async () => {
  const db = join(dir, 'served-db');
  feeds.routes.set('/served.xml', { body: rss('Served Wire', ITEMS.map(([id, t, text]) => [`s-${id}`, t, text] as const)), lastModified: 'Fri, 26 May 2023 08:00:00 GMT' });
  const url = `${feeds.url}/served.xml`;
  const server = await spawnServe(['--db', db, '--web', join(dir, 'no-ui')], { DATABASE_URL: '', SITREP_TOKEN: '' });
  try {
    const hangUp = new AbortController();
    const res = await fetch(`${server.url}/api/stream`, { signal: hangUp.signal });
    const sse = new SseReader(res.body!);
    const run = await runCli(['watch', '--once', url, '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /held by `sitrep serve`.*working through its API/);
    assert.match(run.stdout, /stored s-wire-1/);
    const seen = new Map<string, Json>();
    while (seen.size < 2) {
      const e = await sse.next((x) => x.event === 'document', 60_000);
      const n = JSON.parse(e.data) as Json;
      seen.set(n.id, n);
    }
    assert.deepEqual([...seen.keys()].sort(), ['s-wire-1', 's-wire-2']);
    assert.ok([...seen.values()].every((n) => typeof n.claims === 'number' && typeof n.propositions === 'number'));
    assert.ok([...seen.values()].some((n) => n.claims > 0), 'the articles bring claims');
    hangUp.abort();

    const state = (await (await fetch(`${server.url}/api/watch-state/${encodeURIComponent(`feed:${url}`)}`)).json()) as Json;
    assert.equal(state.value.lastModified, 'Fri, 26 May 2023 08:00:00 GMT', 'the state is in the server\'s store');
    const again = await runCli(['watch', '--once', url, '--db', db]);
    assert.match(again.stderr, /: 0 stored/);
    const last = feeds.requests.filter((r) => r.path === '/served.xml').at(-1)!;
    assert.equal(last.headers['if-modified-since'], 'Fri, 26 May 2023 08:00:00 GMT');
    assert.equal(last.status, 304);
  } finally {
    await server.stop();
  }
});

test('a running watcher stops on SIGTERM after its document, and the store is whole', async () => {
  const db = join(dir, 'signal-db');
  const folder = join(dir, 'signal-in');
  mkdirSync(folder);
  writeFileSync(join(folder, 'first.txt'), 'The regional governor said on Tuesday that the bridge was closed.\n');
  const main = new URL('../../src/cli/main.ts', import.meta.url).href;
  const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'watch', folder, '--interval', '0.2', '--db', db], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    await until(() => /stored first/.test(out), `the first file is stored (${err})`, 120_000);
    writeFileSync(join(folder, 'second.txt'), 'A spokesman said on Wednesday that the bridge had reopened.\n');
    await until(() => /stored second/.test(out), `a file written later is stored (${err})`, 60_000);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, err);
  assert.match(err, /SIGTERM — finishing the document being stored/);
  assert.match(err, /stopped after .*: 2 stored/);
  assert.deepEqual(await docIds(db), ['first', 'second'], 'the lock is released and both documents are complete');
});

test('usage errors: no source, a bad interval, another scheme (exit 2, one line, no store opened)', async () => {
  const db = join(dir, 'never-db');
  const none = await runCli(['watch', '--db', db]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^sitrep watch: give at least one FEED_URL/);
  const zero = await runCli(['watch', `${feeds.url}/wire.xml`, '--interval', '0', '--db', db]);
  assert.equal(zero.code, 2);
  assert.match(zero.stderr, /--interval must be a positive number of seconds, got "0"/);
  const ftp = await runCli(['watch', 'ftp://example.org/feed.xml', '--db', db]);
  assert.equal(ftp.code, 2);
  assert.match(ftp.stderr, /only http:\/\/ and https:\/\/ feeds/);
  const { existsSync } = await import('node:fs');
  assert.equal(existsSync(db), false);
});
