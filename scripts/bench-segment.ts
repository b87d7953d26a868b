/**
 * Times the segment stage (sentences + linguistic layer) alone over the bench corpus:
 * `node --import tsx scripts/bench-segment.ts` (SITREP_SHARED as for `npm run bench`). Prints model load time,
 * words/s of the stage, and words/s of the tagger alone.
 */
import { performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { loadBenchCorpus } from '../bench/corpus.js';

const corpus = loadBenchCorpus(() => {});
const words = corpus.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
const core = (await import('../src/core/index.js')) as Record<string, unknown>;
if (typeof core.languageModel === 'function') {
  const t = performance.now();
  (core.languageModel as () => unknown)();
  console.log(`model load (s)        ${((performance.now() - t) / 1000).toFixed(3)}`);
}
const docs = corpus.map((d) => createDoc({ id: d.id, input: d.text, format: 'text' }));
for (const d of docs.slice(0, 50)) segmentStage.run(d, {});
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
let best = Infinity;
let bestCpu = Infinity;
let tokens = 0;
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) {
    const out = segmentStage.run(d, {}) as unknown as { lang?: { words: unknown[] }; tokens?: unknown[] };
    if (r === 0) tokens += out.lang?.words.length ?? out.tokens?.length ?? 0;
  }
  best = Math.min(best, (performance.now() - t) / 1000);
  const c1 = process.cpuUsage(c0);
  bestCpu = Math.min(bestCpu, (c1.user + c1.system) / 1e6);
}
console.log(`corpus                ${docs.length} documents, ${words} words, ${tokens} tokens`);
console.log(`segment stage (s)     ${best.toFixed(3)} (best of ${rounds})`);
console.log(`segment words/s       ${Math.round(words / best)} (wall), ${Math.round(words / bestCpu)} per CPU second`);
