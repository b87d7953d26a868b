/**
 * A desk of 100+ real articles for the browser tests, from the development halves only: the picture corpus's dev
 * war reporting (every batch; dated by their `dates`/`published` field) and the even-numbered GeoWebNews
 * articles (world news, undated). Run through the whole pipeline once per test process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createDoc, type Doc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { SHARED } from '../../scripts/shared-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GWN = join(SHARED, 'eval', 'geowebnews', 'GWN.xml');

interface Item {
  id: string;
  text: string;
  title?: string;
  source?: string;
  url?: string;
  published?: string;
}

function pictureDev(file: string): Item[] {
  if (!existsSync(file)) return [];
  const out: Item[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { id: string; text: string; title?: string; source?: string; url?: string; split: string; dates?: string[]; published?: string };
    if (d.split !== 'dev') continue;
    out.push({ id: d.id, text: d.text, title: d.title, source: d.source, url: d.url, published: d.published ?? d.dates?.[0] });
  }
  return out;
}

function gwnDev(): Item[] {
  const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (n) => n === 'toponym' || n === 'article' });
  const articles = parser.parse(readFileSync(GWN, 'utf8')).articles.article as { text: string; title?: string; link?: string }[];
  return articles
    .filter((_, n) => n % 2 === 0)
    .map((a, n) => ({ id: `gwn-${2 * n}`, text: String(a.text), title: String(a.title ?? '').trim(), url: String(a.link ?? '').trim(), source: outlet(String(a.link ?? '')) }));
}

function outlet(url: string): string | undefined {
  const m = /^https?:\/\/(?:www\.)?([^/]+)/.exec(url.trim());
  return m?.[1];
}

/** The articles the corpus desk is built from (dev halves only). */
export function corpusItems(): Item[] {
  const picture = ['corpus.jsonl', 'batch2/corpus.jsonl', 'batch3/corpus.jsonl'].flatMap((f) => pictureDev(join(ROOT, 'eval/picture', f)));
  return [...picture, ...gwnDev()];
}

/** The corpus articles through the pipeline. */
export async function corpusDocs(): Promise<Doc[]> {
  const ctx = await createContext();
  return corpusItems().map((it) =>
    runPipeline(
      createDoc({
        id: it.id,
        input: it.text,
        format: 'text',
        origin: { source: it.source, url: it.url },
        title: it.title ? { value: it.title } : undefined,
        // A date of month precision only ("2022-06") leaves the article undated rather than guessing a day.
        published: it.published && /^\d{4}-\d{2}-\d{2}/.test(it.published) ? { value: it.published.slice(0, 10), rule: 'input/published' } : undefined,
      }),
      ctx,
    ),
  );
}
