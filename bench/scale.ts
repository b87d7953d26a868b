/**
 * Bounded work per document: seconds per word of one large document against many small ones built from the same
 * real text (extraction must stay linear in length), and how fast the server answers reads while it extracts a
 * large posted document in its worker thread. Numbers, never assertions. `BENCH_LARGE_MB` sets the large size
 * (default 2).
 */
import { performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { memoryDesk, startServer } from '../src/http/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { loadBenchCorpus } from './corpus.js';

const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const countWords = (t: string) => t.match(/\S+/g)?.length ?? 0;

export default async function scale(): Promise<void> {
  const corpus = loadBenchCorpus();
  const largeChars = Number(process.env.BENCH_LARGE_MB ?? 2) * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < largeChars; i = (i + 1) % corpus.length) {
    parts.push(corpus[i].text);
    size += corpus[i].text.length + 2;
  }
  const large = parts.join('\n\n');
  const small = corpus.filter((d) => d.text.length >= 1500 && d.text.length <= 3000).slice(0, 60).map((d) => d.text);
  const ctx = await createContext({});

  let t = performance.now();
  for (const text of small) runPipeline(createDoc({ id: 's', input: text, format: 'text' }), ctx);
  const smallWords = small.reduce((n, s) => n + countWords(s), 0);
  const smallRate = smallWords / ((performance.now() - t) / 1000);
  t = performance.now();
  runPipeline(createDoc({ id: 'l', input: large, format: 'text' }), ctx);
  const largeSeconds = (performance.now() - t) / 1000;
  const largeRate = countWords(large) / largeSeconds;
  line('small documents (~2 KB) words/s', `${Math.round(smallRate)} (${small.length} documents)`);
  line(`one ${(large.length / 1048576).toFixed(1)} M-char document words/s`, `${Math.round(largeRate)} (${largeSeconds.toFixed(1)} s)`);
  line('time per word, large / small', (smallRate / largeRate).toFixed(2));

  // Reads while a large POST is extracted: the worker thread keeps the event loop free.
  const server = await startServer({ store: memoryDesk([]), port: 0 });
  try {
    const post = fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: large.slice(0, 1024 * 1024) });
    const latencies: number[] = [];
    let done = false;
    void post.finally(() => (done = true));
    const until = performance.now() + 60_000;
    while (!done && performance.now() < until) {
      const s = performance.now();
      await (await fetch(`${server.url}/api/documents?limit=1`)).arrayBuffer();
      latencies.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    const status = (await post).status;
    latencies.sort((a, b) => a - b);
    line('GETs during a 1 M-char POST', `${latencies.length} (POST answered ${status})`);
    line('GET latency p50 / p99 / max (ms)', `${(latencies[Math.floor(latencies.length / 2)] ?? NaN).toFixed(1)} / ${(latencies[Math.ceil(latencies.length * 0.99) - 1] ?? NaN).toFixed(1)} / ${(latencies.at(-1) ?? NaN).toFixed(1)}`);
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await scale();
