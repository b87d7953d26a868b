/**
 * A process killed in the middle of storing a document leaves nothing of that document and keeps what it had
 * committed before. Runs on a PGlite folder always and on PostgreSQL when SITREP_TEST_DATABASE_URL is set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, Store, type Db } from '../../src/store/index.js';
import { ARTICLE, ARTICLE_2, textDoc } from './sample-article.js';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the child until it says HALFWAY, then kills it with SIGKILL; rejects if it exits on its own. */
function killHalfway(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('HALFWAY')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && out.includes('HALFWAY')) resolve(out);
      else reject(new Error(`child exited with ${code ?? signal} before being killed: ${out}${err}`));
    });
  });
}

async function checkAfterCrash(db: Db): Promise<void> {
  const store = new Store(db);
  assert.deepEqual(await store.migrate(), []);
  const ids = (await db.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).map((r) => r.id);
  assert.deepEqual(ids, ['a', 'b']);
  for (const table of ['document_sources', 'document_bands', 'mentions']) {
    const rows = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE document_id = 'c'`);
    assert.equal(rows[0].n, 0, table);
  }
  const maliar = await store.getEntity('person:hanna-maliar');
  assert.equal(maliar?.documents, 1);
  // The killed document can be stored afterwards, and the earlier ones are recognised as already there.
  const results = await store.ingestDocuments([textDoc('c', `${ARTICLE_2}\nHanna Maliar later said more. ${ARTICLE.slice(0, 400)}`), textDoc('a', ARTICLE)]);
  assert.deepEqual(results.map((r) => r.status), ['stored', 'duplicate']);
}

test('killing a PGlite writer mid-document leaves no half-written document', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  try {
    const out = await killHalfway([dir]);
    assert.match(out, /STORED\nHALFWAY/);
    const db = await openPglite(dir);
    try {
      await checkAfterCrash(db);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const url = process.env.SITREP_TEST_DATABASE_URL;
test('killing a PostgreSQL writer mid-document leaves no half-written document', { skip: !url && 'SITREP_TEST_DATABASE_URL is not set' }, async () => {
  const schema = `sitrep_crash_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await killHalfway([url!, schema]);
    const db = await openPostgres(url!, { schema });
    try {
      await checkAfterCrash(db);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
});
