/**
 * Desk benchmark at scale: a PGlite store of synthetic articles built from the development corpora (each corpus text
 * extracted once, then copied under new ids, outlets and dates with a tail of words of its own, so no copy is a
 * near duplicate of another), served by `startServer` in a child process. Prints, per size: store build documents/s,
 * stories clustering time, the first GET after start (the desk is built), a POSTed document's time until visible,
 * `documents?q=` requests/s and p50/p99 with 8 clients, and the server's RSS. Numbers, never assertions.
 * `BENCH_DESK_SIZES` (default 2000; e.g. `2000,10000`), `BENCH_DESK_REQUESTS` (default 200).
 * Run alone with `node --import tsx bench/desk.ts`; `npm run bench` runs it only when `BENCH_DESK_SIZES` is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc, TextView, type Doc } from '../src/core/index.js';
import { clusterStories, toSourceDoc } from '../src/crossdoc/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
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

/** The three queries of issue 16, 16 clients each: contested propositions, events in a box, a text search. */
async function threeQueries(size: number, url: string, requests: number, note: string): Promise<void> {
  const queries: [string, string][] = [
    ['propositions?status=contested', `${url}/api/propositions?status=contested&limit=20`],
    ['events?bbox=', `${url}/api/events?bbox=30,44,41,53&limit=20`],
    ['documents?q=', `${url}/api/documents?q=Bakhmut&limit=20`],
  ];
  for (const [name, at] of queries) {
    await load(at, 16, 16);
    const r = await load(at, requests, 16);
    line(`desk ${size}: ${name} 16 clients${note}`, `${(r.latencies.length / r.seconds).toFixed(1)} req/s, p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(1)} ms`);
  }
}

/** Resident set size of a process in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function startChild(dir: string, cacheMs?: number): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  // bench/http.ts's child mode: serves the store in `dir`, printing its URL first.
  const env = cacheMs === undefined ? process.env : { ...process.env, BENCH_CACHE_MS: String(cacheMs) };
  const child = spawn(process.execPath, ['--import', 'tsx', HTTP_BENCH, '--serve', dir], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /URL (\S+)/.exec(out);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', () => rejectUrl(new Error('the server process exited before serving')));
  });
  return { child, url, exited };
}

/** `total` GETs of `url` with `concurrency` in flight; sorted latencies and seconds. */
async function load(url: string, total: number, concurrency: number) {
  const latencies: number[] = [];
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (sent < total) {
      sent++;
      const s = performance.now();
      await (await fetch(url)).arrayBuffer();
      latencies.push(performance.now() - s);
    }
  }));
  return { seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function measure(size: number, base: Doc[], requests: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-desk-'));
  try {
    const store = await openStore({ dir, env: {} });
    try {
      const t0 = performance.now();
      for (let at = 0; at < size; at += 200) {
        await store.ingestDocuments(Array.from({ length: Math.min(200, size - at) }, (_, k) => copyOf(base[(at + k) % base.length], at + k)));
      }
      line(`desk ${size}: store build documents/s`, (size / ((performance.now() - t0) / 1000)).toFixed(1));
      const sources = (await storeDesk(store).documents()).map(toSourceDoc);
      const t1 = performance.now();
      const stories = clusterStories(sources);
      line(`desk ${size}: stories clustering`, `${((performance.now() - t1) / 1000).toFixed(2)} s (${stories.length} stories)`);
    } finally {
      await store.close();
    }
    const { child, url, exited } = await startChild(dir);
    try {
      const pid = child.pid!;
      let t = performance.now();
      await (await fetch(`${url}/api/propositions?status=contested&limit=1`)).arrayBuffer();
      line(`desk ${size}: first GET after start`, `${((performance.now() - t) / 1000).toFixed(2)} s`);
      line(`desk ${size}: serve RSS after the desk is built`, `${rssMb(pid).toFixed(0)} MB`);
      for (let n = 0; n < 3; n++) {
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
      line(`desk ${size}: serve RSS after 3 POSTs`, `${rssMb(pid).toFixed(0)} MB`);
      await load(`${url}/api/documents?q=Bakhmut&limit=20`, 16, 8);
      const { seconds, latencies } = await load(`${url}/api/documents?q=Bakhmut&limit=20`, requests, 8);
      line(`desk ${size}: documents?q= req/s, 8 clients`, (latencies.length / seconds).toFixed(1));
      line(`desk ${size}: documents?q= p50 / p99 (ms)`, `${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.99).toFixed(1)}`);
      await threeQueries(size, url, requests, '');
      line(`desk ${size}: serve RSS at the end`, `${rssMb(pid).toFixed(0)} MB`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // The same queries once more, from a server that keeps no answers: what the SQL itself costs.
    const uncached = await startChild(dir, 0);
    try {
      await threeQueries(size, uncached.url, requests, ', no answer cache');
      line(`desk ${size}: serve RSS, no answer cache`, `${rssMb(uncached.child.pid!).toFixed(0)} MB`);
    } finally {
      uncached.child.kill('SIGTERM');
      await uncached.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
  const ctx = await createContext({});
  const t0 = performance.now();
  const base = loadBenchCorpus().map((d) => runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx));
  line('desk: corpus extracted once', `${base.length} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const size of sizes) await measure(size, base, requests);
}

if (process.argv[1] && SELF === process.argv[1]) await deskBench(true);
