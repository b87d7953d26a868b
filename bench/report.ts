/**
 * Report and export benchmark. (1) `sitrep report --format pdf` (and html) on a PGlite store of 1,000 documents
 * (the benchmark corpus, dated over 30 days), timed as the analyst runs it: a fresh process from start to the
 * file written. (2) The resident memory of `export` on 10,000 and 100,000 events, each in a fresh process: the
 * desk held in memory, then the rows streamed to a file; the growth while writing is what the export itself
 * costs. Numbers, never assertions. `BENCH_REPORT_DOCS` sets the store size (default 1000).
 * Run alone with `node --import tsx bench/report.ts`, or via `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createDoc } from '../src/core/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { openPglite, Store } from '../src/store/index.js';
import { findChromium } from '../src/report/print-pdf.js';
import { loadBenchCorpus } from './corpus.js';

const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `sitrep ARGS` in a fresh process and returns seconds: the installed command (`bin/sitrep.js` over `dist/`,
 * built by `npm ci`) when it has the report command, else the sources through tsx (slower to start).
 */
function sitrep(args: string[]): number {
  const built = existsSync(join(PROJECT, 'dist', 'cli', 'commands', 'report.js'));
  const code = `import { main, defaultIo } from './src/cli/main.ts'; process.exitCode = await main(${JSON.stringify(args)}, defaultIo());`;
  const argv = built ? ['bin/sitrep.js', ...args] : ['--import', 'tsx', '--input-type=module', '-e', code];
  const t = performance.now();
  execFileSync(process.execPath, argv, { cwd: PROJECT, stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - t) / 1000;
}

/** The export's memory in a fresh process: desk of `n` synthetic events, then streamed to a file. */
const EXPORT_CHILD = `
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { exportStream } from './src/export/index.ts';
import { installedAdminLookup } from './src/report/index.ts';
const [n, format, out] = [Number(process.argv[1]), process.argv[2], process.argv[3]];
const places = Array.from({ length: 500 }, (_, i) => ({ id: 'geo:' + (700000 + i), kind: 'place', name: 'Place ' + i, side: null, role: null, type: 'city',
  lat: 46 + (i % 50) / 10, lon: 30 + Math.floor(i / 50), country: 'UA', geonamesId: 700000 + i, aliases: [], mentions: 1, docIds: [] }));
const events = Array.from({ length: n }, (_, i) => { const p = places[i % places.length]; const day = '2023-05-' + String(1 + (i % 28)).padStart(2, '0'); return {
  id: 'event:d' + i + '#e1', type: 'Battles', subType: 'Armed clash', place: p.id, placeName: p.name, lat: p.lat, lon: p.lon, from: day, to: day,
  sides: ['UA', 'RU'], fatalities: i % 9, status: 'single-source', sources: { total: 1, bySide: { UA: 1 } },
  reports: [{ eventId: 'd' + i + '#e1', docId: 'd' + i, outlet: 'Outlet ' + (i % 40), date: day, fatalities: i % 9, actors: [], claims: [],
    evidence: { start: 0, end: 80, text: 'Ukrainian and Russian forces clashed near ' + p.name + ', the regional governor said on ' + day + '.' } }] }; });
const desk = { docs: [], analysis: { events, propositions: [], entities: new Map(places.map((p) => [p.id, p])) }, searchEntities: () => [] };
const admin = installedAdminLookup();
globalThis.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
const t = performance.now();
await pipeline(exportStream(desk, {}, format, { admin }), createWriteStream(out));
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ before, peak, seconds: (performance.now() - t) / 1000 }));
`;

function exportRss(n: number, format: string, out: string): { before: number; peak: number; seconds: number } {
  const json = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', EXPORT_CHILD, String(n), format, out], { cwd: PROJECT, encoding: 'utf8' });
  return JSON.parse(json.trim().split('\n').pop()!) as { before: number; peak: number; seconds: number };
}

export default async function report(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-report-'));
  try {
    const wanted = Number(process.env.BENCH_REPORT_DOCS ?? 1000);
    const corpus = loadBenchCorpus();
    const ctx = await createContext({});
    const db = join(dir, 'db');
    const store = new Store(await openPglite(db));
    await store.migrate();
    // Documents are made and stored until the store holds `wanted` (some come out as near duplicates).
    let stored = 0;
    let made = 0;
    for (let i = 0; stored < wanted && corpus.length && i < wanted * 3; ) {
      const batch = [];
      for (const end = i + wanted - stored; i < end; i++) {
        const src = corpus[i % corpus.length];
        // Past the corpus, each text is joined to three others, so that most are new documents rather than near
        // duplicates of ones the store holds (a short snippet joined to one other still is one).
        const round = Math.floor(i / corpus.length);
        const other = (k: number) => corpus[(i * 7 + round * 13 + k * 101) % corpus.length].text;
        const text = round ? [src.text, other(1), other(2), other(3)].join('\n\n') : src.text;
        const day = `2023-05-${String(1 + (i % 30)).padStart(2, '0')}`;
        batch.push(runPipeline(createDoc({ id: `bench-${i}`, input: text, format: 'text', origin: { source: `outlet-${i % 25}` }, published: { value: day, rule: 'bench/published' } }), ctx));
      }
      made += batch.length;
      stored += (await store.ingestDocuments(batch)).filter((r) => r.status === 'stored').length;
    }
    await store.close();
    line('report store documents', `${stored} (of ${made} made; the rest near duplicates)`);
    line('load average (1 min)', loadavg()[0].toFixed(1));
    const pdf = join(dir, 'report.pdf');
    let chromium: string | null = null;
    try {
      chromium = findChromium();
    } catch (err) {
      line('report --format pdf (s)', `skipped: ${(err as Error).message}`);
    }
    if (chromium) {
      const pdfSeconds = sitrep(['report', '--db', db, '--format', 'pdf', '--out', pdf]);
      line('report --format pdf (s)', `${pdfSeconds.toFixed(2)} (${(statSync(pdf).size / 1024).toFixed(0)} KB)`);
    }
    const html = join(dir, 'report.html');
    const htmlSeconds = sitrep(['report', '--db', db, '--since', '2023-05-01', '--format', 'html', '--out', html]);
    line('report --since 30 days html (s)', `${htmlSeconds.toFixed(2)} (${(statSync(html).size / 1024).toFixed(0)} KB)`);
    const csvSeconds = sitrep(['export', '--db', db, '--format', 'acled', '--out', join(dir, 'events.csv')]);
    line('export --format acled (s)', csvSeconds.toFixed(2));

    for (const n of [10_000, 100_000]) {
      for (const format of ['acled', 'geojson']) {
        const out = join(dir, `export-${n}.${format}`);
        const r = exportRss(n, format, out);
        line(`export ${format} ${n / 1000}k events RSS (MB)`, `desk ${(r.before / 1048576).toFixed(0)}, peak ${(r.peak / 1048576).toFixed(0)}, +${((r.peak - r.before) / 1048576).toFixed(0)} while writing ${(statSync(out).size / 1048576).toFixed(0)} MB in ${r.seconds.toFixed(1)} s`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await report();
