/**
 * Situation-picture evaluation: runs the whole pipeline, with no publication date given, over war-reporting
 * documents annotated by `../shared/eval/picture/GUIDE.md` and scores what the desk shows.
 *
 * - Propositions: precision / recall / F1 of (kind, place, holder, polarity), matched one-to-one per document
 *   (maximum bipartite matching). A place matches when one gold spelling equals, after folding (case,
 *   diacritics, apostrophes), the system place entity's name or one of its mention texts, or when gold and system
 *   both have coordinates within 25 km. A `losses` gold with no place matches on kind, holder and polarity alone;
 *   count agreement on matched losses (both with a count) is reported apart.
 * - Events: precision / recall / F1 of (type, place), same place rule (a gold event with no place matches on
 *   type alone); sub-type accuracy on the matched pairs; date agreement on matched pairs whose gold has a date.
 * - Invented dates: every non-null `date` on a system claim or event of a document whose gold events carry no
 *   date at all and whose text writes no full date (day, month and year, e.g. "May 12, 2023"). The texts are given
 *   no publication date, so a date there can only be guessed.
 * - Each half is reported twice: all outputs, and confident ones only (`confidence >= T`; an output without a
 *   confidence counts as confident). Halves: `dev`, `heldout` (batch 1, `eval/picture/gold.jsonl`), `dev2`,
 *   `heldout2` (batch 2, `eval/picture/batch2/gold.jsonl`), `dev3`, `heldout3` (batch 3, news articles,
 *   `eval/picture/batch3/gold.jsonl`), `dev-all`, `heldout-all` (all batches), and the seed fixtures scored against
 *   `../shared/eval/picture/seeds-gold.jsonl`.
 *
 * Matching prefers pairs that also agree on the sub-type (events) or the count (losses).
 *
 * Usage: `npm run eval -- picture [--half dev|heldout|dev2|heldout2|dev3|heldout3|dev-all|heldout-all|seeds] [--min-confidence 0.5]
 * [--misses] [--stages] [--validate]`. `--misses` lists false positives and false negatives of the dev halves only
 * (never a held-out half), then the dev gold propositions matched among all outputs but by none at or above the
 * threshold. `--stages` counts, per half, where each gold proposition is lost (place, claim, frame and the gate that
 * turned a candidate of its kind down, holder/place/polarity, confidence); counts only, quotes on dev halves only.
 * `--validate` checks the gold files (quotes are exact substrings, enums valid) and stops.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACLED_TAXONOMY, createDoc, type Doc, type Entity } from '../src/core/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { onDroppedFrame, type DroppedFrame } from '../src/stages/claims/rules/proposition.js';
import { SHARED } from '../scripts/shared-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const PICTURE = join(here, 'picture');
const KM = 25;

export const KINDS = ['control', 'advance', 'encirclement', 'losses'] as const;
export const SIDES = ['UA', 'RU', 'other', 'unknown'] as const;
export const HOLDERS = ['UA', 'RU'] as const;
/** ACLED's 6 event types and 25 sub-event types (the product's own copy of the codebook). */
export const ACLED = ACLED_TAXONOMY;

export interface GoldProposition {
  quote: string;
  speaker: string;
  speakerSide: string;
  kind: string;
  place: string[];
  lat?: number;
  lon?: number;
  holder: string;
  polarity: 'asserts' | 'denies';
  count?: number;
}
export interface GoldEvent {
  quote: string;
  type: string;
  subType: string;
  place: string[];
  lat?: number;
  lon?: number;
  date: string | null;
}
export interface GoldDoc {
  id: string;
  propositions: GoldProposition[];
  events: GoldEvent[];
}
export interface CorpusDoc {
  id: string;
  text: string;
  title?: string;
  source: string;
  url: string;
  licence: string;
  split: 'dev' | 'heldout';
}

/** Lower case, no diacritics, no apostrophes or quote marks, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼʹ`´"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/** Checks a gold file against its texts: quotes are exact substrings, enums and shapes valid. Returns problems. */
export function validateGold(gold: GoldDoc[], texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of gold) {
    const at = (what: string) => problems.push(`${g.id}: ${what}`);
    if (seen.has(g.id)) at('duplicate id');
    seen.add(g.id);
    const text = texts.get(g.id);
    if (text === undefined) {
      at('no text');
      continue;
    }
    if (!Array.isArray(g.propositions) || !Array.isArray(g.events)) at('propositions/events missing');
    for (const [i, p] of (g.propositions ?? []).entries()) {
      const w = (m: string) => at(`proposition ${i} ${m} (${p.quote?.slice(0, 50)})`);
      if (typeof p.quote !== 'string' || !text.includes(p.quote)) w('quote is not a substring of the text');
      if (p.quote && p.quote.length > 250) w('quote longer than 250');
      if (!SIDES.includes(p.speakerSide as never)) w(`bad speakerSide ${p.speakerSide}`);
      if (!KINDS.includes(p.kind as never)) w(`bad kind ${p.kind}`);
      if (!HOLDERS.includes(p.holder as never)) w(`bad holder ${p.holder}`);
      if (p.polarity !== 'asserts' && p.polarity !== 'denies') w(`bad polarity ${p.polarity}`);
      if (!Array.isArray(p.place)) w('place is not a list');
      if (p.kind !== 'losses' && !p.place?.length) w('no place');
      if (p.kind === 'losses' && typeof p.count !== 'number' && p.count !== undefined) w('count not a number');
      if ((p.lat === undefined) !== (p.lon === undefined)) w('lat without lon');
      if (!p.speaker) w('no speaker');
    }
    for (const [i, e] of (g.events ?? []).entries()) {
      const w = (m: string) => at(`event ${i} ${m} (${e.quote?.slice(0, 50)})`);
      if (typeof e.quote !== 'string' || !text.includes(e.quote)) w('quote is not a substring of the text');
      if (e.quote && e.quote.length > 250) w('quote longer than 250');
      if (!ACLED[e.type]) w(`bad type ${e.type}`);
      else if (!ACLED[e.type].includes(e.subType)) w(`bad subType ${e.subType} for ${e.type}`);
      if (!Array.isArray(e.place)) w('place is not a list');
      if (e.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) w(`bad date ${e.date}`);
      if ((e.lat === undefined) !== (e.lon === undefined)) w('lat without lon');
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// System outputs

interface SysPlace {
  names: Set<string>;
  label: string;
  lat?: number;
  lon?: number;
}
interface SysProposition {
  kind: string;
  place: SysPlace | null;
  holder: string | null;
  polarity: string;
  count?: number;
  confidence: number;
  text: string;
  rule: string;
}
interface SysEvent {
  type: string;
  subType: string;
  place: SysPlace | null;
  date: string | null;
  confidence: number;
  text: string;
  rule: string;
}

function sysPlace(id: string | null | undefined, entities: Map<string, Entity>): SysPlace | null {
  if (!id) return null;
  const e = entities.get(id);
  if (!e) return { names: new Set([fold(id)]), label: id };
  return {
    names: new Set([e.name, ...e.mentions.map((m) => m.text)].map(fold)),
    label: e.name,
    lat: e.lat,
    lon: e.lon,
  };
}

type Loose = Record<string, unknown>;
const conf = (...xs: unknown[]): number => {
  for (const x of xs) if (typeof x === 'number') return x;
  return 1;
};

/** Every proposition a document carries: `claim.proposition` and, where present, `claim.propositions`. */
function systemPropositions(doc: Doc): SysProposition[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const out: SysProposition[] = [];
  for (const c of doc.claims as unknown as Loose[]) {
    const list = [c.proposition, ...(Array.isArray(c.propositions) ? c.propositions : [])].filter(Boolean) as Loose[];
    const seen = new Set<unknown>();
    for (const p of list) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push({
        kind: String(p.kind),
        place: sysPlace(p.place as string | undefined, entities),
        holder: (p.holder as string | undefined) ?? null,
        polarity: String(p.polarity ?? 'asserts'),
        count: typeof p.count === 'number' ? p.count : undefined,
        confidence: conf(p.confidence, c.confidence),
        text: String(c.content ?? ''),
        rule: String(p.rule ?? c.rule ?? ''),
      });
    }
  }
  return out;
}

function systemEvents(doc: Doc): SysEvent[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return (doc.events as unknown as Loose[]).map((e) => ({
    type: String(e.type),
    subType: String(e.subType),
    place: sysPlace(e.place as string | null, entities),
    date: (e.date as string | null) ?? null,
    confidence: conf(e.confidence),
    text: String(e.text ?? ''),
    rule: String(e.rule ?? ''),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Matching

function placeMatches(gold: { place: string[]; lat?: number; lon?: number }, sys: SysPlace | null): boolean {
  if (!sys) return false;
  if (gold.place.some((p) => sys.names.has(fold(p)))) return true;
  if (gold.lat !== undefined && gold.lon !== undefined && sys.lat !== undefined && sys.lon !== undefined) {
    return km(gold.lat, gold.lon, sys.lat, sys.lon) <= KM;
  }
  return false;
}

function propMatches(g: GoldProposition, s: SysProposition): boolean {
  if (g.kind !== s.kind || g.holder !== s.holder || g.polarity !== s.polarity) return false;
  if (g.kind === 'losses' && !g.place.length) return true;
  return placeMatches(g, s.place);
}

function eventMatches(g: GoldEvent, s: SysEvent): boolean {
  if (g.type !== s.type) return false;
  if (!g.place.length) return true;
  return placeMatches(g, s.place);
}

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths); returns gold index -> system index. Pairs that also satisfy
 * `prefer` (same sub-type, same count) are matched first, so that a looser pair does not take their place.
 */
function match<G, S>(gold: G[], sys: S[], ok: (g: G, s: S) => boolean, prefer: (g: G, s: S) => boolean = () => true): Map<number, number> {
  const owner = new Array<number>(sys.length).fill(-1);
  const run = (adj: number[][], only: (i: number) => boolean) => {
    const tryAssign = (i: number, seen: boolean[]): boolean => {
      for (const j of adj[i]) {
        if (seen[j]) continue;
        seen[j] = true;
        if (owner[j] < 0 || tryAssign(owner[j], seen)) {
          owner[j] = i;
          return true;
        }
      }
      return false;
    };
    for (let i = 0; i < gold.length; i++) if (only(i)) tryAssign(i, new Array<boolean>(sys.length).fill(false));
  };
  const strict = gold.map((g) => sys.flatMap((s, j) => (ok(g, s) && prefer(g, s) ? [j] : [])));
  run(strict, () => true);
  const matched = new Set(owner.filter((i) => i >= 0));
  const loose = gold.map((g, i) => [...strict[i], ...sys.flatMap((s, j) => (ok(g, s) && !prefer(g, s) ? [j] : []))]);
  run(loose, (i) => !matched.has(i));
  const out = new Map<number, number>();
  owner.forEach((i, j) => i >= 0 && out.set(i, j));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Scoring

interface Tally {
  docs: number;
  pTp: number; pSys: number; pGold: number;
  countBoth: number; countSame: number;
  eTp: number; eSys: number; eGold: number;
  subSame: number;
  dateGold: number; dateSame: number;
  invented: number; inventedDocs: number; undatedDocs: number;
  byKind: Map<string, { tp: number; sys: number; gold: number }>;
}
const tally = (): Tally => ({
  docs: 0, pTp: 0, pSys: 0, pGold: 0, countBoth: 0, countSame: 0, eTp: 0, eSys: 0, eGold: 0, subSame: 0,
  dateGold: 0, dateSame: 0, invented: 0, inventedDocs: 0, undatedDocs: 0, byKind: new Map(),
});

interface Miss {
  doc: string;
  what: 'FP' | 'FN' | 'date';
  layer: 'proposition' | 'event' | 'claim';
  line: string;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A day, month and year written out: 2023-05-12, 12 May 2023, May 12, 2023. */
const FULL_DATE = new RegExp(`\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4})\\b`);

function scoreDoc(gold: GoldDoc, text: string, doc: Doc, minConf: number, t: Tally, misses: Miss[] | null): void {
  const props = systemPropositions(doc).filter((p) => p.confidence >= minConf);
  const events = systemEvents(doc).filter((e) => e.confidence >= minConf);
  t.docs++;
  const pm = match(gold.propositions, props, propMatches, (g, s) => g.count === undefined || g.count === s.count);
  t.pTp += pm.size;
  t.pSys += props.length;
  t.pGold += gold.propositions.length;
  const kindRow = (k: string) => {
    if (!t.byKind.has(k)) t.byKind.set(k, { tp: 0, sys: 0, gold: 0 });
    return t.byKind.get(k)!;
  };
  for (const g of gold.propositions) kindRow(g.kind).gold++;
  for (const s of props) kindRow(s.kind).sys++;
  for (const [gi, si] of pm) {
    kindRow(gold.propositions[gi].kind).tp++;
    const g = gold.propositions[gi];
    const s = props[si];
    if (g.kind === 'losses' && g.count !== undefined && s.count !== undefined) {
      t.countBoth++;
      if (g.count === s.count) t.countSame++;
    }
  }
  const em = match(gold.events, events, eventMatches, (g, s) => g.subType === s.subType);
  t.eTp += em.size;
  t.eSys += events.length;
  t.eGold += gold.events.length;
  for (const [gi, si] of em) {
    if (gold.events[gi].subType === events[si].subType) t.subSame++;
    if (gold.events[gi].date) {
      t.dateGold++;
      if (gold.events[gi].date === events[si].date) t.dateSame++;
    }
  }
  // Invented dates: any dated system claim or event in a document whose gold events carry no date and whose text
  // holds no full date (day, month and year) that could fix a relative expression.
  if (!gold.events.some((e) => e.date) && !FULL_DATE.test(text)) {
    t.undatedDocs++;
    const dated = doc.claims.filter((c) => c.date).length + doc.events.filter((e) => e.date).length;
    t.invented += dated;
    if (dated) t.inventedDocs++;
    if (misses) {
      for (const c of doc.claims) if (c.date) misses.push({ doc: gold.id, what: 'date', layer: 'claim', line: `${c.date} (${c.rule}) "${c.content.slice(0, 140)}"` });
      for (const e of doc.events) if (e.date) misses.push({ doc: gold.id, what: 'date', layer: 'event', line: `${e.date} (${e.rule}) "${e.text.slice(0, 140)}"` });
    }
  }
  if (misses) {
    const usedP = new Set(pm.values());
    const usedE = new Set(em.values());
    const gp = (p: GoldProposition) => `${p.kind} ${p.holder} ${p.polarity} @ ${p.place.join('|') || '-'}${p.count !== undefined ? ` n=${p.count}` : ''} [${p.speaker}] "${p.quote.slice(0, 140)}"`;
    const sp = (p: SysProposition) => `${p.kind} ${p.holder ?? '-'} ${p.polarity} @ ${p.place?.label ?? '-'}${p.count !== undefined ? ` n=${p.count}` : ''} conf=${p.confidence.toFixed(2)} (${p.rule}) "${p.text.slice(0, 140)}"`;
    const ge = (e: GoldEvent) => `${e.type} / ${e.subType} @ ${e.place.join('|') || '-'} "${e.quote.slice(0, 140)}"`;
    const se = (e: SysEvent) => `${e.type} / ${e.subType} @ ${e.place?.label ?? '-'} conf=${e.confidence.toFixed(2)} (${e.rule}) "${e.text.slice(0, 140)}"`;
    gold.propositions.forEach((g, i) => pm.has(i) || misses.push({ doc: gold.id, what: 'FN', layer: 'proposition', line: gp(g) }));
    props.forEach((s, j) => usedP.has(j) || misses.push({ doc: gold.id, what: 'FP', layer: 'proposition', line: sp(s) }));
    gold.events.forEach((g, i) => em.has(i) || misses.push({ doc: gold.id, what: 'FN', layer: 'event', line: ge(g) }));
    events.forEach((s, j) => usedE.has(j) || misses.push({ doc: gold.id, what: 'FP', layer: 'event', line: se(s) }));
  }
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const prf = (tp: number, sys: number, gold: number) => {
  const p = sys ? tp / sys : NaN;
  const r = gold ? tp / gold : NaN;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : NaN;
  return `${f3(p)} / ${f3(r)} / ${f3(f)}  (${tp} of ${sys} out, ${gold} gold)`;
};

function printTally(name: string, t: Tally): void {
  console.log(`  ${name} (${t.docs} documents)`);
  console.log(`    propositions P / R / F1   ${prf(t.pTp, t.pSys, t.pGold)}`);
  for (const [k, r] of [...t.byKind].sort()) console.log(`      ${k.padEnd(13)}           ${prf(r.tp, r.sys, r.gold)}`);
  console.log(`    losses count agreement    ${t.countSame} of ${t.countBoth} matched losses with a count on both sides`);
  console.log(`    events P / R / F1         ${prf(t.eTp, t.eSys, t.eGold)}`);
  console.log(`    event sub-type accuracy   ${f3(t.eTp ? t.subSame / t.eTp : NaN)} (${t.subSame} of ${t.eTp} matched)`);
  console.log(`    event date agreement      ${t.dateSame} of ${t.dateGold} matched events whose gold has a date`);
  console.log(`    invented dates            ${t.invented} dated claims/events in ${t.inventedDocs} of ${t.undatedDocs} documents whose gold has no date`);
}

interface Item {
  gold: GoldDoc;
  text: string;
  title?: string;
  source?: string;
  url?: string;
}
interface Half {
  name: string;
  /** Held-out halves: their problems and misses are never shown. */
  heldout: boolean;
  items: Item[];
}

/**
 * The batches of `eval/picture/`: batch 1 (`corpus.jsonl`, `gold.jsonl`) gives the halves `dev` and `heldout`,
 * batch 2 (`batch2/corpus.jsonl`, `batch2/gold.jsonl`) `dev2` and `heldout2`, batch 3 (`batch3/…`) `dev3` and
 * `heldout3`, each by the `split` field of its corpus records; `dev-all` and `heldout-all` are their unions.
 */
export const BATCHES = [
  { dir: '.', dev: 'dev', heldout: 'heldout' },
  { dir: 'batch2', dev: 'dev2', heldout: 'heldout2' },
  { dir: 'batch3', dev: 'dev3', heldout: 'heldout3' },
] as const;

function loadHalves(): { halves: Half[]; corpora: CorpusDoc[][] } {
  const halves: Half[] = [];
  const corpora: CorpusDoc[][] = [];
  const union = { dev: [] as Item[], heldout: [] as Item[] };
  for (const batch of BATCHES) {
    const corpusPath = join(PICTURE, batch.dir, 'corpus.jsonl');
    const goldPath = join(PICTURE, batch.dir, 'gold.jsonl');
    if (!existsSync(corpusPath) || !existsSync(goldPath)) continue;
    const list = readJsonl<CorpusDoc>(corpusPath);
    corpora.push(list);
    const corpus = new Map(list.map((d) => [d.id, d]));
    const gold = readJsonl<GoldDoc>(goldPath);
    for (const split of ['dev', 'heldout'] as const) {
      const items = gold
        .filter((g) => corpus.get(g.id)?.split === split)
        .map((g) => {
          const d = corpus.get(g.id)!;
          return { gold: g, text: d.text, title: d.title, source: d.source, url: d.url };
        });
      halves.push({ name: batch[split], heldout: split === 'heldout', items });
      union[split].push(...items);
    }
  }
  if (halves.length > 2) {
    halves.push({ name: 'dev-all', heldout: false, items: union.dev });
    halves.push({ name: 'heldout-all', heldout: true, items: union.heldout });
  }
  const seedDir = join(SHARED, 'fixtures/seeds');
  const seedGold = join(SHARED, 'eval/picture/seeds-gold.jsonl');
  if (existsSync(seedGold)) {
    const gold = new Map(readJsonl<GoldDoc>(seedGold).map((g) => [g.id, g]));
    const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
    halves.push({
      name: 'seeds',
      heldout: false,
      items: files
        .filter((f) => gold.has(f.slice(0, -4)))
        .map((f) => ({ gold: gold.get(f.slice(0, -4))!, text: readFileSync(join(seedDir, f), 'utf8') })),
    });
  }
  return { halves, corpora };
}

type StageMiss = 'found' | 'place' | 'claim' | 'kind' | 'roles' | 'low';

/**
 * Where each gold proposition of a document is lost, counted only (safe on held-out halves: nothing is shown): found
 * confidently; its place is no place entity of the document; no claim's content overlaps its quote; the claims over
 * it carry no proposition of its kind; they carry one with another place, holder or polarity; or the right one only
 * below the confidence threshold.
 */
function missStages(gold: GoldDoc, text: string, doc: Doc, minConf: number): StageMiss[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const places = doc.entities.filter((e) => e.kind === 'place').map((e) => sysPlace(e.id, entities));
  const claims = doc.claims as unknown as Loose[];
  const sys = systemPropositions(doc);
  return gold.propositions.map((g): StageMiss => {
    if (sys.some((s) => s.confidence >= minConf && propMatches(g, s))) return 'found';
    if (sys.some((s) => propMatches(g, s))) return 'low';
    if (g.place.length && !places.some((p) => placeMatches(g, p))) return 'place';
    const at = text.indexOf(g.quote);
    const over = claims.filter((c) => {
      const span = c.contentSpan as { start: number; end: number } | undefined;
      return at >= 0 && span && span.start < at + g.quote.length && at < span.end;
    });
    if (!over.length) return 'claim';
    const props = over.flatMap((c) => [c.proposition, ...(Array.isArray(c.propositions) ? c.propositions : [])].filter(Boolean) as Loose[]);
    return props.some((p) => p.kind === g.kind) ? 'roles' : 'kind';
  });
}

function arg(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
}

export default async function picture(args: string[]): Promise<void> {
  const { halves, corpora } = loadHalves();
  // Union halves repeat documents of the batch halves: validate each batch half and the seeds once.
  const own = halves.filter((h) => !h.name.endsWith('-all'));
  const problems = own.flatMap((h) => validateGold(h.items.map((i) => i.gold), new Map(h.items.map((i) => [i.gold.id, i.text]))));
  const allIds = new Set<string>();
  for (const corpus of corpora) {
    const ids = new Set(own.flatMap((h) => h.items.map((i) => i.gold.id)));
    for (const d of corpus) {
      if (allIds.has(d.id)) problems.push(`${d.id}: id used by two documents`);
      allIds.add(d.id);
      if (!ids.has(d.id)) problems.push(`${d.id}: in corpus.jsonl without gold`);
      if (d.split !== 'dev' && d.split !== 'heldout') problems.push(`${d.id}: bad split ${d.split}`);
      if (!d.source || !d.licence || !d.url) problems.push(`${d.id}: source, url or licence missing`);
    }
  }
  const heldout = new Set(halves.filter((h) => h.heldout).flatMap((h) => h.items.map((i) => i.gold.id)));
  if (args.includes('--validate')) {
    // Problems of held-out documents are counted, never shown (their texts and gold are not to be read).
    const hidden = problems.filter((p) => heldout.has(p.slice(0, p.indexOf(':'))));
    for (const p of problems) if (!hidden.includes(p)) console.log(`  ${p}`);
    if (hidden.length) console.log(`  ${hidden.length} problem(s) in held-out documents (not shown)`);
    console.log(`  gold validation: ${problems.length} problem(s) in ${own.map((h) => `${h.items.length} ${h.name}`).join(', ')} documents`);
    if (problems.length) process.exitCode = 1;
    return;
  }
  if (problems.length) {
    // Held-out problems are counted, never shown.
    console.log(`  gold validation: ${problems.length} problem(s); run with --validate`);
  }
  const minConf = Number(arg(args, '--min-confidence') ?? 0.5);
  const only = arg(args, '--half');
  const wantMisses = args.includes('--misses');
  const wantStages = args.includes('--stages');
  const ctx = await createContext({});
  console.log(`Situation picture: whole pipeline, no publication date; confident = confidence >= ${minConf}`);
  console.log('  halves: dev/heldout = batch 1 (Portal:Current events), dev2/heldout2 = batch 2 (White House briefings), dev3/heldout3 = batch 3 (news articles: VOA, DOD News, Meduza), dev-all/heldout-all = all batches');
  const devMisses: Miss[] = [];
  // Gold found among all outputs but only below the confidence threshold (the calibration misses), dev halves only.
  const devLow: Miss[] = [];
  // Each document runs through the pipeline once; the union halves reuse the batch halves' documents.
  const docs = new Map<Item, { doc: Doc; ms: number; drops: DroppedFrame[] }>();
  const run = (item: Item) => {
    let r = docs.get(item);
    if (!r) {
      const t0 = performance.now();
      const drops: DroppedFrame[] = [];
      if (wantStages) onDroppedFrame((d) => drops.push(d));
      const doc = runPipeline(
        createDoc({ id: item.gold.id, input: item.text, format: 'text', origin: { source: item.source, url: item.url } }),
        ctx,
      );
      onDroppedFrame(undefined);
      r = { doc, ms: performance.now() - t0, drops };
      docs.set(item, r);
    }
    return r;
  };
  for (const half of halves) {
    if (only && half.name !== only) continue;
    const all = tally();
    const confident = tally();
    let ms = 0;
    // Misses are listed for the dev halves of each batch only (never a held-out half, never twice).
    const listMisses = wantMisses && !half.heldout && BATCHES.some((b) => b.dev === half.name);
    for (const item of half.items) {
      const { doc, ms: m } = run(item);
      ms += m;
      const before = devMisses.length;
      scoreDoc(item.gold, item.text, doc, -Infinity, all, listMisses ? devMisses : null);
      const missedAll = new Set(devMisses.slice(before).filter((m) => m.what === 'FN').map((m) => m.line));
      const low: Miss[] | null = listMisses ? [] : null;
      scoreDoc(item.gold, item.text, doc, minConf, confident, low);
      if (low) devLow.push(...low.filter((m) => m.what === 'FN' && m.layer === 'proposition' && !missedAll.has(m.line)));
    }
    console.log(`\n  -- ${half.name}: ${half.items.length} documents, ${(ms / 1000).toFixed(1)} s`);
    printTally('all outputs', all);
    printTally(`confident only (>= ${minConf})`, confident);
    if (wantStages) {
      const st: Record<StageMiss, number> = { found: 0, place: 0, claim: 0, kind: 0, roles: 0, low: 0 };
      const byKind = new Map<string, number>();
      // For a gold proposition whose claim carries no proposition of its kind: a candidate of that kind that a gate
      // turned down over its quote, by gate (else "no frame").
      const gates = new Map<string, number>();
      for (const item of half.items) {
        const { doc, drops } = run(item);
        missStages(item.gold, item.text, doc, minConf).forEach((k, i) => {
          st[k]++;
          const g = item.gold.propositions[i];
          if (k !== 'kind') return;
          byKind.set(g.kind, (byKind.get(g.kind) ?? 0) + 1);
          const at = doc.view.text.indexOf(g.quote);
          const d = drops.find((x) => x.kind === g.kind && at >= 0 && x.start >= at && x.start < at + g.quote.length);
          const why = d ? d.why : 'no frame';
          gates.set(why, (gates.get(why) ?? 0) + 1);
          // Dev halves only: the quote, to read the class (a held-out half is only counted).
          if (!half.heldout && BATCHES.some((b) => b.dev === half.name)) console.log(`      [${item.gold.id}] ${g.kind} ${why}: "${g.quote.slice(0, 140)}"`);
        });
      }
      console.log(`    gold propositions by stage (counts only): found ${st.found}; place not found ${st.place}; no claim over the quote ${st.claim}; claim without the kind ${st.kind} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); kind with another place/holder/polarity ${st.roles}; right but below ${minConf} ${st.low}`);
      console.log(`    claims without the kind, by gate that turned a candidate of the kind down over the quote: ${[...gates].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w} ${n}`).join(', ')}`);
    }
  }
  if (wantMisses) {
    console.log(`\n  dev misses (FP = output not in gold, FN = gold not found, date = invented date; all outputs):`);
    let last = '';
    for (const m of devMisses) {
      if (m.doc !== last) console.log(`   [${m.doc}]`);
      last = m.doc;
      console.log(`    ${m.what.padEnd(4)} ${m.layer.padEnd(11)} ${m.line}`);
    }
    console.log(`\n  dev gold propositions found only below confidence ${minConf}:`);
    for (const m of devLow) console.log(`   [${m.doc}] ${m.line}`);
  }
}
