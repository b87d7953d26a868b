/**
 * `npm run bench`: extraction throughput over the development corpora, one figure per line — documents/s,
 * words/s, peak RSS, context start-up, and seconds per stage — then every other bench/*.ts suite that exists
 * (each a default-exported async function). Numbers, never assertions.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc, type Doc } from '../src/core/index.js';
import { createContext, stages } from '../src/pipeline.js';
import { loadBenchCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const corpus = loadBenchCorpus((line) => console.log(line));
const words = corpus.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);

const t0 = performance.now();
const ctx = await createContext({});
const startup = (performance.now() - t0) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const perStage = new Map<string, number>(stages.map((s) => [s.name, 0]));
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const t1 = performance.now();
let errors = 0;
for (let r = 0; r < rounds; r++) {
  for (const d of corpus) {
    let doc: Doc = createDoc({ id: d.id, input: d.text, format: 'text' });
    for (const stage of stages) {
      const s = performance.now();
      try {
        doc = stage.run(doc, ctx);
      } catch {
        errors++;
        break;
      }
      perStage.set(stage.name, perStage.get(stage.name)! + performance.now() - s);
    }
  }
}
const seconds = (performance.now() - t1) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
line('corpus documents', String(corpus.length));
line('corpus words', String(words));
line('rounds', String(rounds));
line('context start-up (s)', startup.toFixed(2));
line('extract documents/s', (corpus.length * rounds / seconds).toFixed(1));
line('extract words/s', Math.round(words * rounds / seconds).toString());
for (const [name, ms] of perStage) line(`stage ${name} (s per round)`, (ms / 1000 / rounds).toFixed(3));
line('stage crashes', String(errors));
line('peak RSS (MB)', (peakRss / 1048576).toFixed(0));

for (const f of readdirSync(here).filter((f) => f.endsWith('.ts') && !['run.ts', 'corpus.ts'].includes(f)).sort()) {
  const suite = (await import(join(here, f))) as { default?: () => Promise<void> | void };
  if (typeof suite.default !== 'function') continue;
  console.log(`\n== ${f.slice(0, -3)} ==`);
  await suite.default();
}
