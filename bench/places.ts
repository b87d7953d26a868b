/**
 * Places bench: gazetteer start-up cold (built from the GeoNames files) and warm (from the disk cache), each
 * in a fresh process with its peak RSS, then documents/s of the pipeline up to entities (before places)
 * and up to places (after). Numbers, never assertions. `npm run bench` runs it after the main bench, or
 * alone: `node --import tsx bench/places.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { createContext, runPipeline, stages } from '../src/pipeline.js';
import { loadBenchCorpus } from './corpus.js';

const cacheModule = fileURLToPath(new URL('../src/stages/places/gazetteer-cache.ts', import.meta.url));

// Loads the gazetteer in a child process so that its time and peak memory are its own.
function startup(cacheDir: string | false): { seconds: number; rssMb: number; keys: number } {
  const script = `
    const { loadCachedGazetteer } = await import(${JSON.stringify(cacheModule)});
    const t = performance.now();
    const g = loadCachedGazetteer({ cacheDir: ${JSON.stringify(cacheDir)} });
    const seconds = (performance.now() - t) / 1000;
    console.log(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, keys: g.size }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; rssMb: number; keys: number };
}

/** Prints the places figures. */
export default async function benchPlaces(): Promise<void> {
  const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-places-'));
  try {
    const cold = startup(false);
    line('gazetteer build, no cache (s)', cold.seconds.toFixed(2));
    line('gazetteer build peak RSS (MB)', cold.rssMb.toFixed(0));
    startup(dir);
    const warm = startup(dir);
    line('gazetteer from cache (s)', warm.seconds.toFixed(2));
    line('gazetteer from cache peak RSS (MB)', warm.rssMb.toFixed(0));
    line('gazetteer names indexed', String(warm.keys));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const corpus = loadBenchCorpus();
  const at = stages.findIndex((s) => s.name === 'places');
  const before = stages.slice(0, at);
  const after = stages.slice(0, at + 1);
  const ctx = await createContext({}, after);
  // The stages before places run once; then places alone is timed over their output (after one untimed
  // round, so that JIT warm-up is not counted), and the whole prefix once more for documents/s.
  const prepared = corpus.map((d) => runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx, before));
  const places = stages[at];
  for (const doc of prepared) places.run(doc, ctx);
  let t = performance.now();
  for (const doc of prepared) places.run(doc, ctx);
  const placesSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (const d of corpus) runPipeline(createDoc({ id: d.id, input: d.text, format: 'text' }), ctx, before);
  const beforeSeconds = (performance.now() - t) / 1000;
  line('places stage alone (ms/doc)', ((placesSeconds * 1000) / corpus.length).toFixed(2));
  line('docs/s up to entities (before)', (corpus.length / beforeSeconds).toFixed(1));
  line('docs/s up to places (after)', (corpus.length / (beforeSeconds + placesSeconds)).toFixed(1));
  line('bench documents', String(corpus.length));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchPlaces();
