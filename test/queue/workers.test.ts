/**
 * `sitrep ingest --queue` and `sitrep worker` end to end, as a user runs them: workers are child processes on one
 * PostgreSQL server (SITREP_TEST_DATABASE_URL; each case in fresh schemas, dropped afterwards). Every document is
 * stored once by two workers; a worker killed with SIGKILL mid-job has its job retried by another and the document
 * stored once; enqueuing the same files again adds nothing. Without a server, --queue fails with a clear error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from '../cli/run-cli.js';
import { SEEDS } from '../../scripts/shared-dir.js';
import { ARTICLE, ARTICLE_2 } from '../store/sample-article.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;
const url = process.env.SITREP_TEST_DATABASE_URL;
const skip = !url && 'SITREP_TEST_DATABASE_URL is not set';

test('--queue and worker without a PostgreSQL server say why and what to do, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
  writeFileSync(join(dir, 'a.txt'), 'Kyiv said on Monday that the drones were shot down over the city.');
  const db = mkdtempSync(join(tmpdir(), 'sitrep-db-'));
  const r = await runCli(['ingest', '--queue', '--db', db, dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /sitrep ingest: the job queue needs a PostgreSQL server, and DATABASE_URL is not set: the embedded database \(PGlite\) is open to one process only/);
  assert.match(r.stderr, /Set DATABASE_URL=postgres:\/\/user:password@host:5432\/dbname/);
  const w = await runCli(['worker']);
  assert.equal(w.code, 2);
  assert.match(w.stderr, /sitrep worker: the job queue needs a PostgreSQL server/);
  assert.equal((await runCli(['ingest', '--queue', '--replace', dir])).code, 2, '--replace is not queued');
});

/** Fresh schemas for one case's store and queue, and the environment that points the CLI at them. */
async function freshServer(name: string): Promise<{ env: NodeJS.ProcessEnv; admin: pg.Pool; store: string; jobs: string; drop(): Promise<void> }> {
  const store = `sitrep_q_${name}_${process.pid}`;
  const jobs = `${store}_jobs`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  await admin.query(`DROP SCHEMA IF EXISTS ${store} CASCADE; DROP SCHEMA IF EXISTS ${jobs} CASCADE; CREATE SCHEMA ${store}`);
  const separator = url!.includes('?') ? '&' : '?';
  const env = { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${store}`)}`, SITREP_QUEUE_SCHEMA: jobs };
  return {
    env,
    admin,
    store,
    jobs,
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS ${store} CASCADE; DROP SCHEMA IF EXISTS ${jobs} CASCADE`);
      await admin.end();
    },
  };
}

/** A `sitrep worker` child process. */
interface WorkerChild {
  readonly child: ChildProcess;
  /** What it printed on stderr so far. */
  err(): string;
  /** Resolves with the exit code or signal once it has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts `sitrep worker …args`; resolves once it takes jobs. */
async function spawnWorker(args: readonly string[], env: NodeJS.ProcessEnv): Promise<WorkerChild> {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'worker', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | NodeJS.Signals | null>((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  await new Promise<void>((ready, fail) => {
    child.stderr!.on('data', () => {
      if (/taking jobs from/.test(err)) ready();
    });
    child.on('exit', () => fail(new Error(`worker exited early: ${err}`)));
  });
  return { child, err: () => err, exited };
}

/** Polls `check` until it is true; fails after a generous limit with `what` (not a timing assertion: a hang guard). */
async function waitFor(what: string, check: () => Promise<boolean>, limitMs = 240_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Jobs of the ingest queue not yet completed (created, retry or active). */
async function openJobs(admin: pg.Pool, jobs: string): Promise<number> {
  const rows = await admin.query(`SELECT count(*)::int AS n FROM ${jobs}.job WHERE name = 'sitrep-ingest' AND state < 'completed'`);
  return rows.rows[0].n;
}

/** Every source recorded in the store, by reader id: how often each was recorded, and the stored documents. */
async function recorded(admin: pg.Pool, store: string): Promise<{ sources: Map<string, number>; documents: number }> {
  const rows = await admin.query(`SELECT doc_key, count(*)::int AS n FROM ${store}.document_sources GROUP BY doc_key`);
  const docs = await admin.query(`SELECT count(*)::int AS n FROM ${store}.documents`);
  return { sources: new Map(rows.rows.map((r) => [r.doc_key as string, r.n as number])), documents: docs.rows[0].n };
}

/** A folder of distinct articles: the seed fixtures, two sample articles and a JSON Lines file of four more. */
function articles(): { dir: string; ids: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-docs-'));
  const seeds = ['000_deb4d5127912b402.txt', '002_b39c71e25f6389a8.txt'];
  for (const f of seeds) writeFileSync(join(dir, f), readFileSync(join(SEEDS, f)));
  writeFileSync(join(dir, 'bakhmut.txt'), ARTICLE);
  writeFileSync(join(dir, 'second.txt'), ARTICLE_2);
  const lines = ['Kharkiv', 'Odesa', 'Dnipro', 'Sumy'].map((city, i) =>
    JSON.stringify({ id: `line-${i}`, text: `Officials in ${city} said on Monday that ${i + 2} drones were shot down overnight and that a power line was damaged near the city.` }),
  );
  writeFileSync(join(dir, 'more.jsonl'), lines.join('\n') + '\n');
  return { dir, ids: ['000_deb4d5127912b402', '002_b39c71e25f6389a8', 'bakhmut', 'second', 'line-0', 'line-1', 'line-2', 'line-3'] };
}

test('ingest --queue and two workers store every document once; enqueuing again adds nothing', { skip }, async () => {
  const server = await freshServer('two');
  const workers: WorkerChild[] = [];
  try {
    const { dir, ids } = articles();
    const enq = await runCli(['ingest', '--queue', dir], { env: server.env });
    assert.equal(enq.code, 0, enq.stderr);
    assert.match(enq.stderr, /enqueued 8 documents from 5 files/);
    workers.push(await spawnWorker([], server.env), await spawnWorker(['--concurrency', '2'], server.env));
    await waitFor('the queue to be worked off', async () => (await openJobs(server.admin, server.jobs)) === 0);
    const { sources, documents } = await recorded(server.admin, server.store);
    assert.deepEqual([...sources.keys()].sort(), [...ids].sort(), 'no document lost');
    assert.deepEqual([...new Set(sources.values())], [1], 'no document recorded twice');
    assert.equal(documents, 8);

    // The same files again: known jobs, no new ones.
    const again = await runCli(['ingest', '--queue', dir], { env: server.env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /enqueued 0 documents from 5 files .*\(8 were already queued\)/);
    // Once the finished jobs are gone (deleted after a week), the same files are queued again, and the store
    // recognises every document: duplicates, nothing stored twice.
    await server.admin.query(`DELETE FROM ${server.jobs}.job WHERE name = 'sitrep-ingest'`);
    const third = await runCli(['ingest', '--queue', dir], { env: server.env });
    assert.match(third.stderr, /enqueued 8 documents/);
    await waitFor('the queue to be worked off again', async () => (await openJobs(server.admin, server.jobs)) === 0);
    const after = await recorded(server.admin, server.store);
    assert.deepEqual(after, { sources, documents: 8 });
    const outputs = await server.admin.query(`SELECT output->>'status' AS status, count(*)::int AS n FROM ${server.jobs}.job WHERE name = 'sitrep-ingest' GROUP BY 1`);
    assert.deepEqual(outputs.rows, [{ status: 'duplicate', n: 8 }]);

    // Both workers stop on SIGTERM after finishing what they hold, with a summary.
    for (const w of workers) w.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0]);
    const done = workers.map((w) => /worker processed (\d+) documents/.exec(w.err())?.[1]).map(Number);
    assert.equal(done[0] + done[1], 16, workers.map((w) => w.err()).join('\n'));
  } finally {
    for (const w of workers) w.child.kill('SIGKILL');
    await server.drop();
  }
});

test('a worker killed with SIGKILL mid-job: another worker retries the job and the document is stored once', { skip }, async () => {
  const server = await freshServer('kill');
  const workers: WorkerChild[] = [];
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-kill-'));
    // Long enough that the job is still running when the test sees it taken (the first job also starts the
    // extraction thread, which loads the gazetteer).
    writeFileSync(join(dir, 'long.txt'), Array.from({ length: 12 }, (_, i) => ARTICLE.replace(/Thursday/g, `day ${i}`)).join('\n\n'));
    assert.equal((await runCli(['ingest', '--queue', dir], { env: server.env })).code, 0);

    const doomed = await spawnWorker([], server.env);
    workers.push(doomed);
    await waitFor('the job to be taken', async () => {
      const r = await server.admin.query(`SELECT state FROM ${server.jobs}.job WHERE name = 'sitrep-ingest'`);
      return r.rows[0]?.state === 'active';
    });
    doomed.child.kill('SIGKILL');
    assert.equal(await doomed.exited, 'SIGKILL');
    const taken = await server.admin.query(`SELECT state FROM ${server.jobs}.job WHERE name = 'sitrep-ingest'`);
    assert.equal(taken.rows[0].state, 'active', 'the job was still running when its worker died');

    const survivor = await spawnWorker([], server.env);
    workers.push(survivor);
    await waitFor('the job to be retried and completed', async () => (await openJobs(server.admin, server.jobs)) === 0);
    const job = await server.admin.query(`SELECT state, retry_count, output->>'status' AS status FROM ${server.jobs}.job WHERE name = 'sitrep-ingest'`);
    assert.equal(job.rows[0].state, 'completed');
    assert.ok(job.rows[0].retry_count >= 1, `retried: ${JSON.stringify(job.rows[0])}`);
    assert.equal(job.rows[0].status, 'stored');
    const { sources, documents } = await recorded(server.admin, server.store);
    assert.deepEqual([...sources], [['long', 1]]);
    assert.equal(documents, 1);
    survivor.child.kill('SIGTERM');
    assert.equal(await survivor.exited, 0);
    assert.match(survivor.err(), /long\.txt: retry 1 of a job whose earlier run did not finish: stored/);
  } finally {
    for (const w of workers) w.child.kill('SIGKILL');
    await server.drop();
  }
});
