/**
 * HTTP benchmark: `GET /api/propositions?status=contested` on a store seeded with the seed articles, served on a
 * loopback port, driven by a bounded loop of node's fetch (a fixed number of requests, a fixed number in flight,
 * and a time cap). Prints requests/s and latency percentiles. Run alone with `node --import tsx bench/http.ts`
 * (`BENCH_HTTP_REQUESTS`, `BENCH_HTTP_CONCURRENCY` to change the load), or via `npm run bench`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { startServer } from '../src/http/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';

const SEEDS = '/work/shared/fixtures/seeds';
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

/** The value below which `p` of the sorted samples lie. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** Runs the benchmark and prints its numbers. */
export default async function benchHttp(): Promise<void> {
  const total = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
  const concurrency = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 16);
  const capMs = 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-http-'));
  const store = await openStore({ dir, env: {} });
  try {
    const ctx = await createContext();
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    await store.ingestDocuments(files.map((f) => runPipeline(createDoc({ id: f, input: readFileSync(join(SEEDS, f), 'utf8'), format: 'text' }), ctx)));
    const server = await startServer({ store, port: 0 });
    const url = `${server.url}/api/propositions?status=contested`;
    try {
      const first = (await (await fetch(url)).json()) as { total: number };
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
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      line('http documents in store', String(files.length));
      line('http contested propositions', String(first.total));
      line('http requests', `${latencies.length} (${concurrency} in flight, ${failed} failed)`);
      line('http requests/s', (latencies.length / seconds).toFixed(0));
      line('http latency p50 (ms)', percentile(latencies, 0.5).toFixed(2));
      line('http latency p99 (ms)', percentile(latencies, 0.99).toFixed(2));
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchHttp();
