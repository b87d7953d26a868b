/**
 * The benchmark corpus: the development texts of ../shared/eval (GeoWebNews articles, PolNeAR texts, CASE 2021
 * snippets) and the seed fixtures, read once into memory so that only extraction is timed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../scripts/shared-dir.js';

/** One benchmark document. */
export interface BenchDoc {
  id: string;
  text: string;
  published?: string;
}

/** Where ../shared lies (see scripts/shared-dir.ts; SITREP_SHARED overrides it). */
export { SHARED };

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Loads every corpus that exists; missing ones are skipped (and named) so the bench runs anywhere. */
export function loadBenchCorpus(log: (line: string) => void = () => {}): BenchDoc[] {
  const docs: BenchDoc[] = [];
  const gwn = join(SHARED, 'eval/geowebnews/GWN.xml');
  if (existsSync(gwn)) {
    const xml = readFileSync(gwn, 'utf8');
    let n = 0;
    for (const m of xml.matchAll(/<text>([\s\S]*?)<\/text>/g)) docs.push({ id: `gwn-${n++}`, text: decodeXml(m[1]) });
  } else log(`bench: ${gwn} not found, skipped`);
  const polnear = join(SHARED, 'eval/polnear/text');
  if (existsSync(polnear)) {
    for (const f of readdirSync(polnear).sort()) docs.push({ id: `polnear-${f}`, text: readFileSync(join(polnear, f), 'utf8') });
  } else log(`bench: ${polnear} not found, skipped`);
  const casePath = join(SHARED, 'eval/case2021/dev.tsv');
  if (existsSync(casePath)) {
    const lines = readFileSync(casePath, 'utf8').split('\n').slice(1).filter(Boolean);
    for (const line of lines) {
      const [id, text] = line.split('\t');
      if (text) docs.push({ id: `case-${id}`, text });
    }
  } else log(`bench: ${casePath} not found, skipped`);
  const seeds = join(SHARED, 'fixtures/seeds');
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) docs.push({ id: f, text: readFileSync(join(seeds, f), 'utf8') });
  }
  return docs;
}
