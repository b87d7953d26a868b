/**
 * HTTP benchmark: `GET /api/propositions?status=contested` on a PGlite store seeded with the seed articles,
 * served by `startServer` in a child process on a loopback port, driven from this process by a bounded loop of
 * node's fetch (a fixed number of requests, a fixed number in flight, and a time cap). Prints requests/s and
 * latency percentiles. Run alone with `node --import tsx bench/http.ts` (`BENCH_HTTP_REQUESTS`,
 * `BENCH_HTTP_CONCURRENCY` change the load), or via `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { startServer } from '../src/http/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { SHARED } from './corpus.js';

const SEEDS = join(SHARED, 'fixtures/seeds');
const SELF = fileURLToPath(import.meta.url);
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

/** The value below which `p` of the sorted samples lie. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/**
 * Child mode: serves the store in `dir` until SIGTERM, printing its URL first (`BENCH_CACHE_MS`: the answer cache;
 * `BENCH_STORE_URL` and `BENCH_STORE_SCHEMA`: a PostgreSQL store instead of the folder). Each SIGUSR2 prints how long
 * the event loop was held up since the last one (`LOOP p50 … p99 … max …` in ms, sampled every 5 ms) and starts
 * again: `bench/desk.ts` reads it per series.
 */
async function serveChild(dir: string): Promise<void> {
  const url = process.env.BENCH_STORE_URL;
  const store = url ? await openStore({ url, schema: process.env.BENCH_STORE_SCHEMA, env: {} }) : await openStore({ dir, env: {} });
  const cacheMs = process.env.BENCH_CACHE_MS === undefined ? undefined : Number(process.env.BENCH_CACHE_MS);
  const server = await startServer({ store, port: 0, cacheMs });
  console.log(`URL ${server.url}`);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  process.on('SIGUSR2', () => {
    console.log(`LOOP p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)}`);
    delay.reset();
  });
  await new Promise<void>((done) => process.once('SIGTERM', () => done()));
  delay.disable();
  await server.close();
  await store.close();
}

/** Sends `total` requests with `concurrency` in flight (or until `capMs`), returning sorted latencies. */
async function load(url: string, total: number, concurrency: number, capMs: number) {
  const latencies: number[] = [];
  let sent = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (sent < total && performance.now() - t0 < capMs) {
      sent++;
      const s = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) failed++;
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b), failed };
}

/** Runs the benchmark and prints its numbers. */
export default async function benchHttp(): Promise<void> {
  const total = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
  const concurrency = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 16);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-http-'));
  try {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    const store = await openStore({ dir, env: {} });
    try {
      const ctx = await createContext();
      await store.ingestDocuments(files.map((f) => runPipeline(createDoc({ id: f, input: readFileSync(join(SEEDS, f), 'utf8'), format: 'text' }), ctx)));
    } finally {
      await store.close();
    }
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    try {
      const base = await new Promise<string>((resolveUrl, rejectUrl) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /URL (\S+)/.exec(out);
          if (m) resolveUrl(m[1]);
        });
        child.on('exit', () => rejectUrl(new Error('the server process exited before serving')));
      });
      const url = `${base}/api/propositions?status=contested`;
      const first = (await (await fetch(url)).json()) as { total: number };
      await load(url, Math.min(200, total), concurrency, 5_000); // warm-up: JIT and the first snapshot
      const { seconds, latencies, failed } = await load(url, total, concurrency, 30_000);
      line('http documents in store', String(files.length));
      line('http contested propositions', String(first.total));
      line('http requests', `${latencies.length} (${concurrency} in flight, ${failed} failed)`);
      line('http requests/s', (latencies.length / seconds).toFixed(0));
      line('http latency p50 (ms)', percentile(latencies, 0.5).toFixed(2));
      line('http latency p99 (ms)', percentile(latencies, 0.99).toFixed(2));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && SELF === process.argv[1]) {
  const at = process.argv.indexOf('--serve');
  if (at > 0) await serveChild(process.argv[at + 1]);
  else await benchHttp();
}
