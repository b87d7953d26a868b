import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, openPglite, openStore } from '../../src/store/index.js';

test('an unreachable server throws one sentence saying how to fix it, without the password', async () => {
  await assert.rejects(openStore({ url: 'postgres://me:secret@127.0.0.1:1/sitrep' }), (error: Error) => {
    assert.match(error.message, /^Cannot connect to the PostgreSQL server at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/sitrep /);
    assert.match(error.message, /check that it runs and that DATABASE_URL is right/);
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
});

test('DATABASE_URL in the environment wins over a folder', async () => {
  await assert.rejects(openDb({ dir: 'memory://', env: { DATABASE_URL: 'postgres://127.0.0.1:1/x' } }), /PostgreSQL server at postgres:\/\/127\.0\.0\.1:1\/x/);
});

test('a URL that is not a postgres URL is refused with the expected form', async () => {
  await assert.rejects(openDb({ url: 'mysql://localhost/db' }), /DATABASE_URL must look like postgres:\/\/user:password@host:5432\/dbname/);
});

test('a folder that cannot be created throws saying how to fix it, resolved against cwd', async () => {
  await assert.rejects(openDb({ dir: 'db', cwd: '/etc/passwd', env: {} }), (error: Error) => {
    assert.match(error.message, /^Cannot use \/etc\/passwd\/db as the sitrep database folder/);
    assert.match(error.message, /pass a writable folder with --db DIR or SITREP_DB/);
    return true;
  });
});

test('SITREP_DB chooses the embedded database when no URL is set', async () => {
  const store = await openStore({ env: { SITREP_DB: 'memory://' } });
  try {
    assert.equal(store.db.kind, 'pglite');
    assert.equal(store.db.location, 'memory://');
    assert.equal(await store.countDocuments(), 0);
  } finally {
    await store.close();
  }
});

test('a PGlite folder is used by one process at a time; a lock left by a dead process is taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lock-'));
  try {
    const db = await openPglite(dir);
    await assert.rejects(openPglite(dir), /^Error: The sitrep database in .* is in use by this process already; wait for it to finish, or set DATABASE_URL/);
    await db.close();

    // Held by another running process (our parent): refused, naming it.
    writeFileSync(join(dir, '.sitrep-lock'), `${process.ppid}\n`);
    await assert.rejects(openPglite(dir), new RegExp(`in use by process ${process.ppid};`));

    // Left by a process that no longer runs: taken over, and released on close.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, '.sitrep-lock'), `${dead.stdout}\n`);
    const again = await openPglite(dir);
    assert.equal(readFileSync(join(dir, '.sitrep-lock'), 'utf8').trim(), String(process.pid));
    await again.close();
    assert.equal(existsSync(join(dir, '.sitrep-lock')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder with other files and no database is refused rather than filled with database files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-notdb-'));
  try {
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    await assert.rejects(openDb({ dir, env: {} }), /is not empty and holds no sitrep database; pass a new or empty folder with --db DIR or SITREP_DB\.$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
