/**
 * Desk benchmark at scale: a store of synthetic articles built from the development corpora (each corpus text
 * extracted once, then copied under new ids, outlets and dates with a tail of words of its own, so no copy is a
 * near duplicate of another), loaded with `Store.importDocuments` (the rows `ingest` writes, in batches) and served
 * by `startServer` in a child process. Prints, per size: store build documents/s (and the final desk refresh),
 * stories clustering time (up to 10,000 documents: it reads every document), the first GET after start, a POSTed
 * document's time until visible in `documents?q=`, `propositions?status=contested`, `events?bbox=` and
 * `documents?q=` requests/s and p50/p99 with 16 clients (with the server's answer cache and without it), and the
 * server's RSS. Numbers, never assertions.
 * `BENCH_DESK_SIZES` (default 2000; e.g. `2000,10000`), `BENCH_DESK_REQUESTS` (default 200), `BENCH_DESK_CLIENTS`
 * (default 16), `BENCH_DESK_QUERIES_ONLY=1` (on a kept store: only the first GET and the three queries, no POSTs),
 * `BENCH_DESK_QUIET_LOAD` and `BENCH_DESK_QUIET_WAIT` (before each series wait up to WAIT seconds for the 1-minute
 * load average to fall to LOAD), `BENCH_DESK_WARMUP` (requests before each measured series, default 1000),
 * `BENCH_DESK_CLIENT=fetch` (the load from undici's `fetch` instead of the lean client,
 * see `load`), `BENCH_DESK_BATCH`
 * (documents per import transaction, default 500), `BENCH_DESK_DATABASE_URL` (a PostgreSQL server: the store goes in a
 * scratch schema there, dropped at the end, instead of a PGlite folder), `BENCH_DESK_KEEP=1` (keep the store, in
 * `$TMPDIR/sitrep-bench-desk-SIZE` or schema `sitrep_bench_desk_SIZE`, and measure a kept one again without building it).
 * Run alone with `node --import tsx bench/desk.ts`; `npm run bench` runs it only when `BENCH_DESK_SIZES` is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc, TextView, type Doc } from '../src/core/index.js';
import { clusterStories, toSourceDoc } from '../src/crossdoc/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import pg from 'pg';
import { openStore } from '../src/store/index.js';
import { storeDesk } from '../src/desk/index.js';
import { loadBenchCorpus } from './corpus.js';

const SELF = fileURLToPath(import.meta.url);
const HTTP_BENCH = fileURLToPath(new URL('./http.ts', import.meta.url));
const line = (label: string, value: string) => console.log(`${label.padEnd(40)} ${value}`);
const OUTLETS = ['Reuters', 'AP', 'AFP', 'BBC', 'Kyiv Independent', 'TASS', 'RIA', 'Ukrinform', 'Meduza', 'CNN', 'DW', 'Guardian'];

/** Letters for a number: made-up words that no other document shares. */
export function letters(n: number): string {
  let s = '';
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/** Made-up words the synthetic tails draw from: a bounded vocabulary, as a real corpus has. */
const TAIL_VOCABULARY = 5000;

/**
 * Copy `i` of an extracted document: new id, outlet and date, and a tail of made-up words in an order of its own, as
 * long as the text, so that no two copies are near duplicates; every span still indexes it.
 */
export function copyOf(base: Doc, i: number): Doc {
  const id = `syn-${i}`;
  let x = i + 1;
  const length = Math.max(60, base.input.split(/\s+/).length);
  const tail = Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return `zq${letters(x % TAIL_VOCABULARY)}`;
  }).join(' ');
  const input = `${base.input}\n\n${tail}.`;
  const day = new Date(Date.UTC(2022, 2, 1) + ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
  const rename = (old: string) => old.replace(base.id, id);
  return {
    ...base,
    id,
    input,
    origin: { source: OUTLETS[i % OUTLETS.length] },
    published: { value: day, rule: 'bench/synthetic' },
    view: TextView.identity(input),
    claims: base.claims.map((c) => ({ ...c, id: rename(c.id) })),
    events: base.events.map((e) => ({ ...e, id: rename(e.id), claims: e.claims?.map(rename) })),
  };
}

/** The value below which `p` of the sorted samples lie. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** CPU time (user + system, every thread) a process has used, in milliseconds (Linux, 100 ticks a second). */
function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat, counted after the command name (which may hold spaces) in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits (at most `BENCH_DESK_QUIET_WAIT` seconds, default 0) until the 1-minute load average is at most
 * `BENCH_DESK_QUIET_LOAD`, so that latencies are measured at the quietest moment to be had; returns the load then.
 */
async function quietMoment(): Promise<number> {
  const target = Number(process.env.BENCH_DESK_QUIET_LOAD ?? 0);
  const until = performance.now() + Number(process.env.BENCH_DESK_QUIET_WAIT ?? 0) * 1000;
  while (target > 0 && loadavg()[0] > target && performance.now() < until) await new Promise((done) => setTimeout(done, 2000));
  return loadavg()[0];
}

/**
 * The three queries of issue 16, 16 clients each: contested propositions, events in a box, a text search. Besides the
 * latencies, the server's CPU time per request (what predicts a quiet machine's latency better than wall time on a
 * loaded one), the bench client's own, and the load average when the series started.
 */
async function threeQueries(size: number, served: Served, requests: number, note: string): Promise<void> {
  const { url } = served;
  const pid = served.child.pid!;
  const queries: [string, string][] = [
    ['propositions?status=contested', `${url}/api/propositions?status=contested&limit=20`],
    ['events?bbox=', `${url}/api/events?bbox=30,44,41,53&limit=20`],
    ['documents?q=', `${url}/api/documents?q=Bakhmut&limit=20`],
  ];
  const clients = Number(process.env.BENCH_DESK_CLIENTS ?? 16);
  // A desk server runs for hours: each series is measured warm. The first ~2,000 requests after start run partly
  // unoptimised (V8 compiles the hot paths as they get hot) and cost the server several times the CPU; with 16 warm-up
  // requests, whichever series came first after start (the contested one) measured that, not its query.
  const warmup = Number(process.env.BENCH_DESK_WARMUP ?? 1000);
  for (const [name, at] of queries) {
    await load(at, warmup, clients);
    const loadAvg = await quietMoment();
    await loopDelay(served);
    const server0 = cpuMs(pid);
    const client0 = process.cpuUsage();
    const r = await load(at, requests, clients);
    const client = process.cpuUsage(client0);
    const serverMs = cpuMs(pid) - server0;
    const loop = await loopDelay(served);
    const n = r.latencies.length;
    line(
      `desk ${size}: ${name} ${clients} clients${note}`,
      `${(n / r.seconds).toFixed(1)} req/s, p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(1)} ms, ` +
        `server CPU ${(serverMs / n).toFixed(2)} ms/request, event loop held p99 ${loop.split(' ')[3]} max ${loop.split(' ')[5]} ms, client CPU ${((client.user + client.system) / 1000 / n).toFixed(2)} ms/request, ` +
        `${(r.bytes / n / 1024).toFixed(1)} KB/answer${r.gzip ? ' gzip' : ''}, load ${loadAvg.toFixed(1)}`,
    );
  }
}

/** Resident set size of a process in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Where the benchmark store lives: a PGlite folder, or a scratch schema of a PostgreSQL server. */
interface BenchStore {
  readonly dir: string;
  readonly url?: string;
  readonly schema?: string;
}

/** A served bench store: the child process, its URL, and its next line of output (after the URL). */
interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
  nextLine(): Promise<string>;
}

async function startChild(where: BenchStore, cacheMs?: number): Promise<Served> {
  // bench/http.ts's child mode: serves the store, printing its URL first.
  const env: Record<string, string | undefined> = { ...process.env };
  if (cacheMs !== undefined) env.BENCH_CACHE_MS = String(cacheMs);
  if (where.url) Object.assign(env, { BENCH_STORE_URL: where.url, BENCH_STORE_SCHEMA: where.schema });
  const child = spawn(process.execPath, ['--import', 'tsx', HTTP_BENCH, '--serve', where.dir], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
    for (let at = out.indexOf('\n'); at >= 0; at = out.indexOf('\n')) {
      const one = out.slice(0, at);
      out = out.slice(at + 1);
      const taker = waiting.shift();
      if (taker) taker(one);
      else lines.push(one);
    }
  });
  const nextLine = () => new Promise<string>((done) => {
    const one = lines.shift();
    if (one !== undefined) done(one);
    else waiting.push(done);
  });
  const url = await Promise.race([
    nextLine().then((first) => /URL (\S+)/.exec(first)?.[1] ?? Promise.reject(new Error(`unexpected first line of the server: ${first}`))),
    exited.then(() => Promise.reject(new Error('the server process exited before serving'))),
  ]);
  return { child, url, exited, nextLine };
}

/** How long the server's event loop was held up since the last call (its `LOOP …` line; see bench/http.ts). */
async function loopDelay(served: Served): Promise<string> {
  served.child.kill('SIGUSR2');
  return (await served.nextLine()).replace(/^LOOP /, '');
}

/** A keep-alive agent for the lean client (as many sockets as clients, reused as a browser's are). */
const AGENT = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One GET as a browser asks (gzip accepted), by the lean client: node's `http` on a keep-alive socket, the body
 * inflated at once with `gunzipSync` (what a browser does natively, in another process). Resolves to the bytes as sent
 * and whether they came compressed.
 */
function leanGet(url: string): Promise<{ sent: number; gzip: boolean }> {
  return new Promise((done, fail) => {
    const req = http.get(url, { agent: AGENT, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        const gzip = res.headers['content-encoding'] === 'gzip';
        // Inflated as a browser would before using it; the length is checked so the work is not skipped.
        if ((gzip ? gunzipSync(body) : body).length === 0 && res.statusCode === 200) fail(new Error(`empty answer from ${url}`));
        else done({ sent: body.length, gzip });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
  });
}

/** One GET through undici's `fetch` (`BENCH_DESK_CLIENT=fetch`): it inflates through a stream per answer. */
async function fetchGet(url: string): Promise<{ sent: number; gzip: boolean }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const body = await res.arrayBuffer();
  return { sent: Number(res.headers.get('content-length') ?? body.byteLength), gzip: res.headers.get('content-encoding') === 'gzip' };
}

/**
 * `total` GETs of `url` with `concurrency` in flight, as a browser asks (gzip accepted); sorted latencies, seconds,
 * bytes received (as sent, compressed or not) and whether answers came compressed. The client runs on the same cores
 * as the server, so it is kept lean (see {@link leanGet}): undici's `fetch` spends about 1 ms more CPU per gzip answer
 * (its decompression stream) than this client does in all, which on two shared cores is queueing every request pays.
 */
async function load(url: string, total: number, concurrency: number) {
  const once = process.env.BENCH_DESK_CLIENT === 'fetch' ? fetchGet : leanGet;
  // A keep-alive socket the server closed as the request went out resets: a GET is sent again once, as browsers do
  // (seen on a loaded machine, where answers took longer than the server's keep-alive timeout).
  const get = (at: string) => once(at).catch((e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? once(at) : Promise.reject(e)));
  const latencies: number[] = [];
  let sent = 0;
  let bytes = 0;
  let gzip = false;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (sent < total) {
      sent++;
      const s = performance.now();
      const answer = await get(url);
      latencies.push(performance.now() - s);
      gzip ||= answer.gzip;
      bytes += answer.sent;
    }
  }));
  return { seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b), bytes, gzip };
}

/** Drops a PostgreSQL scratch schema. */
async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

/** The synthetic documents of a store of `size`, made as they are loaded (memory stays flat whatever the size). */
function* synthetic(base: Doc[], size: number): Generator<Doc> {
  for (let i = 0; i < size; i++) yield copyOf(base[i % base.length], i);
}

async function measure(size: number, corpus: () => Promise<Doc[]>, requests: number): Promise<void> {
  const keep = Boolean(process.env.BENCH_DESK_KEEP);
  const queriesOnly = Boolean(process.env.BENCH_DESK_QUERIES_ONLY);
  const dir = keep ? join(tmpdir(), `sitrep-bench-desk-${size}`) : mkdtempSync(join(tmpdir(), 'sitrep-bench-desk-'));
  const pgUrl = process.env.BENCH_DESK_DATABASE_URL;
  const where: BenchStore = pgUrl ? { dir, url: pgUrl, schema: keep ? `sitrep_bench_desk_${size}` : `sitrep_bench_desk_${size}_${process.pid}` } : { dir };
  const backend = pgUrl ? 'PostgreSQL' : 'PGlite';
  try {
    if (where.url && !keep) await dropSchema(where.url, where.schema!);
    const store = where.url ? await openStore({ url: where.url, schema: where.schema, env: {} }) : await openStore({ dir, env: {} });
    try {
      const have = await store.countDocuments();
      // A kept store holds fewer documents than its size when some copies were duplicates (stored as sources).
      if (keep && have > 0) line(`desk ${size} (${backend}): store kept from an earlier run`, `${have} documents`);
      else {
        const t0 = performance.now();
        let refreshFrom = t0;
        const results = await store.importDocuments(synthetic(await corpus(), size), {
          batch: Number(process.env.BENCH_DESK_BATCH ?? 500),
          onBatch: (done) => {
            refreshFrom = performance.now();
            if (done % 10_000 < Number(process.env.BENCH_DESK_BATCH ?? 500)) line(`desk ${size}: loaded`, `${done} documents in ${((refreshFrom - t0) / 1000).toFixed(0)} s`);
          },
        });
        const seconds = (performance.now() - t0) / 1000;
        const stored = results.filter((r) => r.status === 'stored').length;
        line(`desk ${size} (${backend}): store build documents/s`, `${(size / seconds).toFixed(1)} (${stored} stored, ${seconds.toFixed(0)} s, of which the final desk refresh ${((performance.now() - refreshFrom) / 1000).toFixed(0)} s)`);
      }
      if (size <= 10_000 && !queriesOnly) {
        const sources = (await storeDesk(store).documents()).map(toSourceDoc);
        const t1 = performance.now();
        const stories = clusterStories(sources);
        line(`desk ${size}: stories clustering`, `${((performance.now() - t1) / 1000).toFixed(2)} s (${stories.length} stories)`);
      }
    } finally {
      await store.close();
    }
    const served = await startChild(where);
    const { child, url, exited } = served;
    try {
      const pid = child.pid!;
      let t = performance.now();
      await (await fetch(`${url}/api/propositions?status=contested&limit=1`)).arrayBuffer();
      line(`desk ${size}: first GET after start`, `${((performance.now() - t) / 1000).toFixed(2)} s`);
      line(`desk ${size}: serve RSS after the desk is built`, `${rssMb(pid).toFixed(0)} MB`);
      for (let n = 0; n < (queriesOnly ? 0 : 3); n++) {
        const word = `benchpost${letters(size * 10 + n)}`;
        t = performance.now();
        const post = await fetch(`${url}/api/documents?published=2024-01-01&source=Bench`, {
          method: 'POST', headers: { 'content-type': 'text/plain' },
          body: `Ukrainian forces said on Monday they had repelled an attack near Bakhmut, the ${word} report said.`,
        });
        await post.arrayBuffer();
        const posted = performance.now() - t;
        const found = (await (await fetch(`${url}/api/documents?q=${word}`)).json()) as { total: number };
        line(`desk ${size}: POST ${n + 1} answered / visible`, `${(posted / 1000).toFixed(2)} s / ${((performance.now() - t) / 1000).toFixed(2)} s (${post.status}, found ${found.total})`);
      }
      if (!queriesOnly) {
        line(`desk ${size}: serve RSS after 3 POSTs`, `${rssMb(pid).toFixed(0)} MB`);
        await load(`${url}/api/documents?q=Bakhmut&limit=20`, 16, 8);
        const { seconds, latencies } = await load(`${url}/api/documents?q=Bakhmut&limit=20`, requests, 8);
        line(`desk ${size}: documents?q= req/s, 8 clients`, (latencies.length / seconds).toFixed(1));
        line(`desk ${size}: documents?q= p50 / p99 (ms)`, `${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.99).toFixed(1)}`);
      }
      await threeQueries(size, served, requests, '');
      line(`desk ${size}: serve RSS at the end`, `${rssMb(pid).toFixed(0)} MB`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // The same queries once more, from a server that keeps no answers: what the SQL itself costs.
    const uncached = await startChild(where, 0);
    try {
      await threeQueries(size, uncached, requests, ', no answer cache');
      line(`desk ${size}: serve RSS, no answer cache`, `${rssMb(uncached.child.pid!).toFixed(0)} MB`);
    } finally {
      uncached.child.kill('SIGTERM');
      await uncached.exited;
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    if (where.url && !keep) await dropSchema(where.url, where.schema!);
  }
}

/** Runs the desk benchmark; within `npm run bench` only when `BENCH_DESK_SIZES` is set (it takes minutes). */
export default async function deskBench(standalone = false): Promise<void> {
  if (!standalone && !process.env.BENCH_DESK_SIZES) {
    line('desk', 'skipped: set BENCH_DESK_SIZES=2000,10000 (or run `node --import tsx bench/desk.ts`)');
    return;
  }
  const sizes = (process.env.BENCH_DESK_SIZES ?? '2000').split(',').map(Number).filter((n) => n > 0);
  const requests = Number(process.env.BENCH_DESK_REQUESTS ?? 200);
  // The corpus is extracted once, when a store is built (a kept store is measured without it).
  let base: Promise<Doc[]> | null = null;
  const corpus = () => (base ??= (async () => {
    const ctx = await createContext({});
    const t0 = performance.now();
    const docs = loadBenchCorpus().map((d) => runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx));
    line('desk: corpus extracted once', `${docs.length} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return docs;
  })());
  for (const size of sizes) await measure(size, corpus, requests);
}

if (process.argv[1] && SELF === process.argv[1]) await deskBench(true);
