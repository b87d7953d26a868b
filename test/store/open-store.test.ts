import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, openStore } from '../../src/store/index.js';

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
