/**
 * Queue load test: N synthetic articles (each a development-corpus text with a tail of made-up words of its own, so no
 * two are duplicates) are written as one JSON Lines file, enqueued with `sitrep ingest --queue`, and worked off by
 * `BENCH_QUEUE_WORKERS` (default 4) `sitrep worker` processes on one PostgreSQL server. When 40 % of the jobs are done
 * one worker is killed with SIGKILL; the others go on and retry the job it held. Then the count check: every
 * document's source recorded exactly once (0 lost, 0 duplicated), and documents/s. Numbers, never assertions.
 *
 * `BENCH_QUEUE_DOCS` (default 2000), `BENCH_QUEUE_WORKERS` (default 4), `BENCH_QUEUE_BASELINE=1` to time the same
 * documents through one `sitrep ingest` process first; the server is `BENCH_DATABASE_URL`, else
 * `SITREP_TEST_DATABASE_URL`, else `DATABASE_URL` (fresh schemas, dropped afterwards). Run alone with
 * `npm run bench:queue`; `npm run bench` runs it only when `BENCH_QUEUE_DOCS` is set. `BENCH_QUEUE_KEEP=SCHEMA` keeps the
 * store the workers built under that schema name (replacing one of that name) instead of dropping it, so the desk
 * bench can be run on it (`BENCH_DESK_KEEP=1` finds `sitrep_bench_desk_SIZE`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadBenchCorpus } from './corpus.js';
import { letters } from './desk.js';

const SELF = fileURLToPath(import.meta.url);
const MAIN = new URL('../src/cli/main.ts', import.meta.url).href;
const line = (label: string, value: string) => console.log(`${label.padEnd(40)} ${value}`);

/** Article `i`: a corpus text and a tail of made-up words as long as it (at least 60), in an order of its own. */
function article(text: string, i: number): string {
  let x = i + 1;
  const length = Math.max(60, text.split(/\s+/).length);
  const tail = Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return `zq${letters(x % 5000)}`;
  }).join(' ');
  return `${text}\n\n${tail}.`;
}

/** Runs the CLI in a child process under tsx. */
function cli(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default async function queueBench(standalone = false): Promise<void> {
  if (!standalone && !process.env.BENCH_QUEUE_DOCS) {
    line('queue', 'skipped: set BENCH_QUEUE_DOCS=2000 (or run `npm run bench:queue`)');
    return;
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.SITREP_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    line('queue', 'skipped: no PostgreSQL server (BENCH_DATABASE_URL, SITREP_TEST_DATABASE_URL or DATABASE_URL)');
    return;
  }
  const n = Number(process.env.BENCH_QUEUE_DOCS ?? 2000);
  const workerCount = Number(process.env.BENCH_QUEUE_WORKERS ?? 4);
  const corpus = loadBenchCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-queue-'));
  const file = join(dir, 'articles.jsonl');
  let words = 0;
  // Written line by line: 100,000 articles are about 700 MB, more than one JavaScript string may hold.
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < n; i++) {
      const text = article(corpus[i % corpus.length].text, i);
      words += text.split(/\s+/).length;
      const day = new Date(Date.UTC(2022, 2, 1) + ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
      writeSync(fd, JSON.stringify({ id: `syn-${i}`, text, published: day }) + '\n');
    }
  } finally {
    closeSync(fd);
  }
  line('queue: documents', `${n} (${Math.round(words / n)} words on average), ${workerCount} workers`);

  const store = `bench_queue_${process.pid}`;
  const jobs = `${store}_jobs`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  await admin.query(`DROP SCHEMA IF EXISTS ${store} CASCADE; DROP SCHEMA IF EXISTS ${jobs} CASCADE; CREATE SCHEMA ${store}`);
  const env = {
    DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${store}`)}`,
    SITREP_QUEUE_SCHEMA: jobs,
  };
  const workers: ChildProcess[] = [];
  try {
    if (process.env.BENCH_QUEUE_BASELINE) {
      // The same documents through one `sitrep ingest` process (no queue), into a schema of its own.
      const base = `${store}_serial`;
      await admin.query(`DROP SCHEMA IF EXISTS ${base} CASCADE; CREATE SCHEMA ${base}`);
      const t0 = performance.now();
      const serial = cli(['ingest', '--quiet', file], { DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${base}`)}` });
      const code = await new Promise<number | null>((done) => serial.on('exit', done));
      line('queue: one `sitrep ingest` process, documents/s', `${(n / ((performance.now() - t0) / 1000)).toFixed(1)} (exit ${code})`);
      await admin.query(`DROP SCHEMA IF EXISTS ${base} CASCADE`);
    }
    let t = performance.now();
    const enqueue = cli(['ingest', '--queue', '--quiet', file], env);
    const enqueued = await new Promise<number | null>((done) => enqueue.on('exit', done));
    if (enqueued !== 0) throw new Error(`sitrep ingest --queue exited with ${enqueued}`);
    line('queue: enqueue documents/s', (n / ((performance.now() - t) / 1000)).toFixed(0));

    const count = async (sql: string) => (await admin.query(sql)).rows[0].n as number;
    const open = () => count(`SELECT count(*)::int AS n FROM ${jobs}.job WHERE name = 'sitrep-ingest' AND state < 'completed'`);
    t = performance.now();
    for (let w = 0; w < workerCount; w++) workers.push(cli(['worker', '--quiet'], env));
    let killed = false;
    let rss = 0;
    let first: { at: number; left: number } | null = null;
    // A progress line every BENCH_QUEUE_PROGRESS seconds (default 60) on stderr, for runs of an hour.
    const every = Number(process.env.BENCH_QUEUE_PROGRESS ?? 60) * 1000;
    let shown = performance.now();
    for (;;) {
      await sleep(500);
      const left = await open();
      if (performance.now() - shown >= every) {
        shown = performance.now();
        const s = (shown - t) / 1000;
        console.error(`queue: ${n - left} of ${n} jobs done after ${s.toFixed(0)} s (${((n - left) / s).toFixed(1)} documents/s)`);
      }
      if (!first && left < n) first = { at: performance.now(), left };
      if (!killed && left <= n * 0.6) {
        workers[1].kill('SIGKILL');
        killed = true;
        line('queue: one worker killed (SIGKILL) at', `${n - left} jobs done`);
      }
      for (const w of workers) {
        if (w.exitCode !== null || w.signalCode !== null || !w.pid) continue;
        try {
          const status = await import('node:fs').then((fs) => fs.readFileSync(`/proc/${w.pid}/status`, 'utf8'));
          rss = Math.max(rss, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
        } catch {
          // Not Linux, or the process just ended.
        }
      }
      if (!left) break;
      if (workers.every((w) => w.exitCode !== null || w.signalCode !== null)) throw new Error('every worker exited before the queue was empty');
    }
    const seconds = (performance.now() - t) / 1000;
    line('queue: worked off in (s)', `${seconds.toFixed(1)} (including each worker's start-up)`);
    line('queue: documents/s', (n / seconds).toFixed(1));
    if (first && first.left > 0) line('queue: documents/s once workers had started', (first.left / ((performance.now() - first.at) / 1000)).toFixed(1));
    line('queue: peak worker RSS (MB, main thread + extraction thread)', (rss / 1048576).toFixed(0));

    const recorded = await admin.query(
      `SELECT count(*)::int AS rows, count(DISTINCT doc_key)::int AS keys FROM ${store}.document_sources WHERE doc_key LIKE 'syn-%'`,
    );
    const { rows, keys } = recorded.rows[0] as { rows: number; keys: number };
    const documents = await count(`SELECT count(*)::int AS n FROM ${store}.documents`);
    const retried = await count(`SELECT count(*)::int AS n FROM ${jobs}.job WHERE name = 'sitrep-ingest' AND retry_count > 0`);
    const failed = await count(`SELECT count(*)::int AS n FROM ${jobs}.job WHERE name = 'sitrep-ingest' AND state = 'failed'`);
    line('queue: lost (enqueued, never recorded)', String(n - keys));
    line('queue: duplicated (recorded twice)', String(rows - keys));
    line('queue: stored / recorded as duplicates', `${documents} / ${rows - documents}`);
    line('queue: jobs retried / failed', `${retried} / ${failed}`);
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? null : new Promise((done) => w.on('exit', done)))));
    const keep = process.env.BENCH_QUEUE_KEEP;
    if (keep && /^[a-z_][a-z0-9_]*$/.test(keep)) {
      await admin.query(`DROP SCHEMA IF EXISTS ${keep} CASCADE; ALTER SCHEMA ${store} RENAME TO ${keep}; DROP SCHEMA IF EXISTS ${jobs} CASCADE`);
      line('queue: store kept as schema', keep);
    } else await admin.query(`DROP SCHEMA IF EXISTS ${store} CASCADE; DROP SCHEMA IF EXISTS ${jobs} CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) await queueBench(true);
