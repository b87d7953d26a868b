/**
 * One store, many clients: while `sitrep serve` holds an embedded store, `ingest` and the read commands on the same
 * folder work through its API, and documents ingested that way get the entity ids a direct `ingest` gives (the
 * server starts from the registry saved in the store). A store held by a process without an API is exit code 1.
 * PGlite only: a PostgreSQL store is shared by every process directly, there is no lock to go round.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { spawnServe } from './spawn-serve.js';


const first = 'Ukrainian army spokesman Serhiy Bondarenko said on Monday that the unit held its positions near the river.\n';
const second = `<!doctype html><html><head><title>Shelling overnight</title></head><body><article>
<h1>Shelling overnight</h1><p>Sergei Bondarenko, a Ukrainian army spokesman, said on Tuesday that shelling had continued
overnight near the river &amp; the bridge.</p><p>He said the unit was still holding its positions.</p></article></body></html>\n`;

/** Starts `sitrep serve` on `db` in a child process; resolves with its URL and a stop function. */
const serve = (db: string) => spawnServe(['--db', db, '--web', join(db, 'no-ui')], { DATABASE_URL: '', SITREP_TOKEN: '' });

const personId = (json: string) => (JSON.parse(json) as { id: string }).id;

test('while serve holds the store, ingest and the read commands work through its API with the same entity ids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-clients-'));
  const [a, b] = [join(dir, 'a.txt'), join(dir, 'b.html')];
  writeFileSync(a, first);
  writeFileSync(b, second);
  const direct = join(dir, 'direct');
  const served = join(dir, 'served');
  try {
    // The reference: both documents ingested directly, one run after the other.
    assert.equal((await runCli(['ingest', a, '--db', direct, '-q'])).code, 0);
    assert.equal((await runCli(['ingest', b, '--db', direct, '-q'])).code, 0);
    const reference = await runCli(['entity', 'Bondarenko', '--json', '--db', direct]);
    assert.equal(reference.code, 0, reference.stderr);

    // The same, the second document through a running server.
    assert.equal((await runCli(['ingest', a, '--db', served, '-q'])).code, 0);
    const server = await serve(served);
    let stopped = false;
    try {
      const ingest = await runCli(['ingest', b, '--db', served]);
      assert.equal(ingest.code, 0, ingest.stderr);
      assert.match(ingest.stderr, /held by `sitrep serve`.*working through its API at http:\/\/127\.0\.0\.1:\d+/);
      assert.match(ingest.stderr, /ingested 1 documents from 1 files .*: 1 stored/);
      const again = await runCli(['ingest', b, '--db', served]);
      assert.match(again.stderr, /0 stored, 1 duplicates/, 'the same file again is recognised through the server');

      const docs = await runCli(['docs', '--json', '--db', served]);
      assert.equal(docs.code, 0, docs.stderr);
      assert.deepEqual(docs.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id).sort(), ['a', 'b']);
      const entity = await runCli(['entity', 'Bondarenko', '--json', '--db', served]);
      assert.equal(entity.code, 0, entity.stderr);
      assert.equal(personId(entity.stdout), personId(reference.stdout), 'the server extracted with the registry saved in the store');
      const stories = await runCli(['stories', '--db', served]);
      assert.equal(stories.code, 0, stories.stderr);
      assert.match(stories.stdout, /from 2 documents/);
      const contested = await runCli(['contested', '--db', served]);
      assert.equal(contested.code, 0, contested.stderr);
      assert.equal(contested.stdout, 'no contested propositions\n');
      stopped = true;
      assert.equal(await server.stop(), 0);
    } finally {
      if (!stopped) await server.stop();
    }

    // Read directly afterwards, the two stores hold the same documents and entities.
    const list = async (db: string) => (await runCli(['docs', '--json', '--db', db])).stdout.trim().split('\n')
      .map((l) => { const { ingestedAt: _at, ...rest } = JSON.parse(l) as Record<string, unknown>; return rest; })
      .sort((x, y) => String(x.id).localeCompare(String(y.id)));
    assert.deepEqual(await list(served), await list(direct), 'the document read by the CLI is stored as a direct ingest stores it');
    const after = await runCli(['entity', 'Bondarenko', '--json', '--db', served]);
    assert.deepEqual(JSON.parse(after.stdout), JSON.parse(reference.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store held by another command without an API: one line saying so, exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-held-'));
  try {
    const db = join(dir, 'db');
    assert.equal((await runCli(['ingest', '-', '--db', db, '-q'], { stdin: first })).code, 0);
    // A live process (the test runner's parent) holds the lock, as a running `sitrep ingest` would.
    writeFileSync(join(db, '.sitrep-lock'), `${process.ppid}\n`);
    for (const command of [['docs'], ['contested'], ['ingest', '-']]) {
      const run = await runCli([...command, '--db', db], { stdin: first });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`^sitrep ${command[0]}: the store in .* is in use by process ${process.ppid} .*wait for it to finish`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
