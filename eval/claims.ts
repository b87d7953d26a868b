/**
 * The claims harness (`npm run eval -- claims`).
 *
 * 1. PolNeAR (`../shared/eval/polnear/`): every text through the full pipeline (`extractText` with
 *    `createContext()`); a gold attribution (an `E` line with Source and Content) is found when one claim's
 *    content overlaps its Content span and its speaker span overlaps its Source span. Speaker-only and
 *    content-only scores count the two overlaps separately. Precision counts claims that match some gold
 *    attribution the same way. Where a text has two annotation files (`_xxxx`), the first in sort order is used.
 * 2. Seeds (`../shared/fixtures/seeds/gold.json`): every `control_claims` item must be found with the right
 *    speaker, side, place and normalised proposition; the mapping of gold `says` values is {@link SAYS}.
 *
 * Halves: the annotated texts in sorted file order at even positions (0, 2, 4, …) are the `dev` half, odd positions
 * the `heldout` half; both are reported beside the whole. `--verbose` and `--misses` show the dev half only.
 *
 * Options: `--polnear DIR`, `--seeds DIR`, `--verbose` (prints misses), `--misses[=N]` (the most frequent cues of
 * missed gold attributions, then a sample of N misses — default 40 — with their sentence and the claims found there;
 * `--misses-seed=S` picks another sample).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { overlaps, type Claim, type Doc } from '../src/core/index.js';
import { createContext, extractText } from '../src/pipeline.js';
import { claimsStage } from '../src/stages/claims/index.js';
import { lexicon } from '../src/stages/claims/rules/lexicon.js';
import { SHARED } from '../scripts/shared-dir.js';

interface Range {
  start: number;
  end: number;
}
interface GoldAttribution {
  sources: Range[];
  contents: Range[];
  /** Lower-cased cue text. */
  cue: string;
}

/**
 * Gold `says` values → the propositions that express them (any one counts):
 * captured → control asserted, holder RU; not_fully_captured → RU control denied (partial control);
 * ua_advance → a UA advance asserted (or UA control of ground asserted); denies_breakthrough → a UA advance denied.
 */
export const SAYS: Record<string, { kind: string; holder: string; polarity: 'asserts' | 'denies' }[]> = {
  captured: [{ kind: 'control', holder: 'RU', polarity: 'asserts' }],
  not_fully_captured: [{ kind: 'control', holder: 'RU', polarity: 'denies' }],
  ua_advance: [{ kind: 'advance', holder: 'UA', polarity: 'asserts' }, { kind: 'control', holder: 'UA', polarity: 'asserts' }],
  denies_breakthrough: [{ kind: 'advance', holder: 'UA', polarity: 'denies' }],
};

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Parses a BRAT file into attributions (Source and Content spans per `E` line; discontinuous spans kept). */
export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; ranges: Range[]; text: string }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body, covered] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const sp = body.indexOf(' ');
      const type = body.slice(0, sp);
      const ranges = body
        .slice(sp + 1)
        .split(';')
        .map((r) => r.trim().split(/\s+/).map(Number))
        .filter((r) => r.length === 2 && r.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      spans.set(id, { type, ranges, text: covered ?? '' });
    } else if (id.startsWith('E')) events.push(body);
  }
  return events.map((body) => {
    const g: GoldAttribution = { sources: [], contents: [], cue: '' };
    for (const part of body.split(/\s+/)) {
      const [role, ref] = part.split(':');
      const t = spans.get(ref ?? '');
      if (!t) continue;
      if (/^Source/.test(role)) g.sources.push(...t.ranges);
      else if (/^Content/.test(role)) g.contents.push(...t.ranges);
      else if (/^Cue/.test(role)) g.cue = `${g.cue} ${t.text}`.trim().toLowerCase();
    }
    return g;
  });
}

const prf = (tpP: number, nP: number, tpR: number, nR: number) => {
  const p = nP ? tpP / nP : 0;
  const r = nR ? tpR / nR : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x: number) => x.toFixed(3);
const any = (rs: Range[], r: Range | undefined) => !!r && rs.some((g) => overlaps(g, r));

/**
 * True when a gold cue is speech the stage's lexicon covers ("said", "according to", a colon, a dash): PolNeAR
 * also annotates attitudes and actions ("is bearish on", "vied for"), which a speech extractor should not take.
 */
export function isSpeechCue(cue: string): boolean {
  if (/^(?:[:―—]|according to)/.test(cue)) return true;
  return cue.split(/[^\p{L}']+/u).some((w) => lexicon.cueVerbs.has(w) || lexicon.participles.has(w));
}

interface Miss {
  doc: string;
  cue: string;
  source: string;
  content: string;
  sentence: string;
  /** What the claims near the gold had: "speaker only", "content only", "neither". */
  kind: string;
  near: string[];
}

/** Deterministic sample of `k` items (a small linear congruential generator; same seed, same sample). */
function sample<T>(xs: readonly T[], k: number, seed: number): T[] {
  const idx = xs.map((_, i) => i);
  let x = seed >>> 0 || 1;
  for (let i = idx.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b).map((i) => xs[i]);
}

function printMisses(misses: readonly Miss[], k: number, seed: number): void {
  const byCue = new Map<string, number>();
  for (const m of misses) byCue.set(m.cue || '(none)', (byCue.get(m.cue || '(none)') ?? 0) + 1);
  const byKind = new Map<string, number>();
  for (const m of misses) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
  console.log(`missed gold attributions: ${misses.length}; ${[...byKind].map(([kk, v]) => `${kk} ${v}`).join(', ')}`);
  console.log(`most frequent cues of misses: ${[...byCue].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([c, v]) => `${c} ${v}`).join(', ')}`);
  for (const m of sample(misses, k, seed)) {
    console.log(`- ${m.doc} [${m.kind}] cue=${JSON.stringify(m.cue)} source=${JSON.stringify(m.source)} content=${JSON.stringify(m.content.slice(0, 80))}`);
    console.log(`    ${m.sentence.replace(/\s+/g, ' ').slice(0, 400)}`);
    for (const c of m.near) console.log(`    claim: ${c}`);
  }
}

async function polnear(dir: string, verbose: boolean, missCount = 0, missSeed = 1): Promise<void> {
  if (!existsSync(dir)) {
    console.log(`polnear: ${dir} not found, skipped`);
    return;
  }
  const ctx = await createContext();
  const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const anns = readdirSync(join(dir, 'attributions')).sort();
  const newCounts = () => ({ speechGold: 0, speechFound: 0, gold: 0, goldNoSource: 0, claims: 0, attrR: 0, attrP: 0, spkR: 0, spkP: 0, conR: 0, conP: 0, docs: 0, chars: 0 });
  const all = newCounts();
  const halves = { dev: newCounts(), heldout: newCounts() };
  const counts = all;
  let used = 0;
  const docs: Doc[] = [];
  const misses: Miss[] = [];
  let elapsed = 0;
  for (const f of texts) {
    const base = f.slice(0, -4);
    const annFile = anns.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
    if (!annFile) continue;
    // Even positions are the dev half, odd the held-out half; only the dev half is ever printed.
    const dev = used++ % 2 === 0;
    const part = dev ? halves.dev : halves.heldout;
    const before = { ...all };
    const show = verbose && dev;
    const missCountHere = dev ? missCount : 0;
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    const gold = parseBrat(readFileSync(join(dir, 'attributions', annFile), 'utf8'));
    const t0 = performance.now();
    const doc = extractText(text, { id: base }, ctx);
    elapsed += performance.now() - t0;
    docs.push(doc);
    counts.docs++;
    counts.chars += text.length;
    const claims = doc.claims;
    const full = gold.filter((g) => g.sources.length && g.contents.length);
    counts.goldNoSource += gold.length - full.length;
    counts.gold += full.length;
    counts.claims += claims.length;
    const matches = (g: GoldAttribution, c: Claim) => any(g.contents, c.contentSpan) && any(g.sources, c.speakerSpan);
    for (const g of full) {
      const hit = claims.some((c) => matches(g, c));
      if (hit) counts.attrR++;
      if (isSpeechCue(g.cue)) {
        counts.speechGold++;
        if (hit) counts.speechFound++;
      }
      else if (show) console.log(`  miss ${base}: source=${g.sources.map((r) => JSON.stringify(text.slice(r.start, r.end))).join('|')} content=${JSON.stringify(text.slice(g.contents[0].start, g.contents[0].end).slice(0, 80))}`);
      if (!hit && missCountHere) {
        const spkHit = claims.some((c) => any(g.sources, c.speakerSpan));
        const conHit = claims.some((c) => any(g.contents, c.contentSpan));
        const at = g.sources[0].start;
        const s = doc.sentences.find((x) => x.start <= at && at < x.end);
        const lo = Math.min(s?.start ?? at, ...g.contents.map((r) => r.start));
        const hi = Math.max(s?.end ?? at, ...g.contents.map((r) => r.end));
        misses.push({
          doc: base,
          cue: g.cue,
          source: g.sources.map((r) => text.slice(r.start, r.end)).join('|'),
          content: text.slice(g.contents[0].start, g.contents[0].end),
          sentence: s ? text.slice(s.start, s.end) : text.slice(Math.max(0, at - 150), at + 150),
          kind: spkHit && conHit ? 'speaker and content, not together' : spkHit ? 'speaker only' : conHit ? 'content only' : 'neither',
          near: claims.filter((c) => c.end > lo && c.start < hi).map((c) => `${c.speakerText} / ${c.cue} / ${JSON.stringify(c.content.slice(0, 60))} [${c.rule}]`),
        });
      }
      if (claims.some((c) => any(g.sources, c.speakerSpan))) counts.spkR++;
      if (claims.some((c) => any(g.contents, c.contentSpan))) counts.conR++;
    }
    for (const c of claims) {
      const ok = full.some((g) => matches(g, c));
      if (ok) counts.attrP++;
      else if (show) console.log(`  false ${base}: ${c.speakerText} / ${c.cue} / ${JSON.stringify(c.content.slice(0, 80))} [${c.rule}]`);
      if (full.some((g) => any(g.sources, c.speakerSpan))) counts.spkP++;
      if (full.some((g) => any(g.contents, c.contentSpan))) counts.conP++;
    }
    for (const k of Object.keys(all) as (keyof typeof all)[]) part[k] += all[k] - before[k];
  }
  // The claims stage alone, on documents whose earlier layers are already there.
  const t1 = performance.now();
  for (const doc of docs) claimsStage.run(doc, ctx);
  const stageMs = performance.now() - t1;
  const attr = prf(counts.attrP, counts.claims, counts.attrR, counts.gold);
  const spk = prf(counts.spkP, counts.claims, counts.spkR, counts.gold);
  const con = prf(counts.conP, counts.claims, counts.conR, counts.gold);
  console.log(`polnear (full pipeline): ${counts.docs} docs, ${counts.gold} gold attributions with a source (${counts.goldNoSource} without, not counted), ${counts.claims} claims`);
  console.log('measure              P      R      F1');
  console.log(`attribution        ${fmt(attr.p)}  ${fmt(attr.r)}  ${fmt(attr.f)}`);
  console.log(`speaker overlap    ${fmt(spk.p)}  ${fmt(spk.r)}  ${fmt(spk.f)}`);
  console.log(`content overlap    ${fmt(con.p)}  ${fmt(con.r)}  ${fmt(con.f)}`);
  for (const [name, h] of [['dev half (even texts)', halves.dev], ['held-out half (odd texts)', halves.heldout]] as const) {
    const a = prf(h.attrP, h.claims, h.attrR, h.gold);
    const sp = prf(h.spkP, h.claims, h.spkR, h.gold);
    const co = prf(h.conP, h.claims, h.conR, h.gold);
    console.log(`${name}: ${h.docs} docs, ${h.gold} gold, ${h.claims} claims; attribution ${fmt(a.p)} ${fmt(a.r)} ${fmt(a.f)}; speaker ${fmt(sp.p)} ${fmt(sp.r)} ${fmt(sp.f)}; content ${fmt(co.p)} ${fmt(co.r)} ${fmt(co.f)}`);
  }
  console.log(`attribution recall on gold whose cue is a speech cue of the lexicon (${counts.speechGold} of ${counts.gold}): ${fmt(counts.speechFound / Math.max(1, counts.speechGold))}`);
  if (missCount) printMisses(misses, missCount, missSeed);
  console.log(`throughput: full pipeline ${(counts.docs / (elapsed / 1000)).toFixed(1)} docs/s; claims stage alone ${(counts.docs / (stageMs / 1000)).toFixed(1)} docs/s (${((counts.chars / 1024) / (stageMs / 1000)).toFixed(0)} KiB/s)`);
}

interface SeedGold {
  docs: Record<string, {
    persons?: { name: string; forms?: string[] }[];
    organizations?: string[];
    places?: { name: string; forms?: string[] }[];
    control_claims?: { place: string; speaker: string; side: string; says: string }[];
  }>;
}

const STOP = new Set(['the', 'of', 'for', 'and']);
const stems = (s: string) => s.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}]+/u).filter((w) => w && !STOP.has(w)).map((w) => w.slice(0, 5));
/** True when every stem of `gold` occurs in `candidate`, or (for names) the last stems agree. */
function nameMatches(candidate: string, gold: string): boolean {
  const c = new Set(stems(candidate));
  const g = stems(gold);
  if (!g.length || !c.size) return false;
  if (g.every((w) => c.has(w))) return true;
  const cl = stems(candidate).pop()!;
  return g.length >= 1 && cl === g[g.length - 1] && /^\p{Lu}/u.test(candidate.trim().split(/\s+/).pop() ?? '');
}

async function seeds(dir: string, verbose: boolean): Promise<void> {
  const goldPath = join(dir, 'gold.json');
  if (!existsSync(goldPath)) {
    console.log(`seeds: ${goldPath} not found, skipped`);
    return;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as SeedGold;
  const ctx = await createContext();
  let total = 0;
  let found = 0;
  for (const [file, g] of Object.entries(gold.docs)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const doc = extractText(text, { id: file.replace(/\.txt$/, '') }, ctx);
    const entity = new Map(doc.entities.map((e) => [e.id, e]));
    const placeNames = (id: string | undefined) => {
      if (!id) return [];
      const e = entity.get(id);
      return e ? [e.name, ...e.mentions.map((m) => m.text)] : [id.replace(/^place:/, '').replace(/-/g, ' ')];
    };
    for (const item of g.control_claims ?? []) {
      total++;
      const want = SAYS[item.says];
      const speakerForms = [item.speaker, ...(g.persons?.find((p) => p.name === item.speaker)?.forms ?? [])];
      const placeForms = [item.place, ...(g.places?.find((p) => p.name === item.place)?.forms ?? [])];
      const hit = doc.claims.find((c) => {
        const names = [c.speakerText ?? '', c.speaker ? entity.get(c.speaker)?.name ?? '' : ''];
        const speakerOk = names.some((n) => n && speakerForms.some((f) => nameMatches(n, f)));
        // Any of the claim's propositions (a partial-control claim also denies the other side's full control).
        const props = c.propositions ?? (c.proposition ? [c.proposition] : []);
        const propOk = (pr: (typeof props)[number]) => !!want && want.some((w) => w.kind === pr.kind && w.holder === pr.holder && w.polarity === pr.polarity);
        const placeOk = (pr: (typeof props)[number]) => placeNames(pr.place).some((n) => placeForms.some((f) => nameMatches(n, f)));
        return speakerOk && c.side === item.side && props.some((pr) => propOk(pr) && placeOk(pr));
      });
      if (hit) found++;
      if (verbose || !hit) console.log(`  ${hit ? 'found' : 'MISSED'} ${file}: ${item.speaker} (${item.side}) ${item.says} ${item.place}${hit ? ` ← ${hit.id} ${JSON.stringify((hit.propositions ?? [hit.proposition]).map((p) => p && [p.kind, p.holder, p.polarity, p.place, p.confidence]))}` : ''}`);
    }
  }
  console.log(`seeds: control claims found with speaker, side, place and polarity: ${found}/${total}`);
}

/** Runs both parts. */
export default async function run(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose');
  // `--misses=N` (a bare number after `--misses` would be read by eval/run.ts as a suite name).
  const mi = args.find((a) => a === '--misses' || a.startsWith('--misses='));
  const missCount = !mi ? 0 : /^--misses=\d+$/.test(mi) ? Number(mi.slice(9)) : 40;
  const seedArg = args.find((a) => a.startsWith('--misses-seed='));
  await polnear(option(args, '--polnear', join(SHARED, 'eval', 'polnear')), verbose, missCount, seedArg ? Number(seedArg.slice(14)) : 1);
  await seeds(option(args, '--seeds', join(SHARED, 'fixtures', 'seeds')), verbose);
}
