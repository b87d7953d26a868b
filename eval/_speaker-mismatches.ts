/**
 * PolNeAR speaker mismatches of the DEV half only (even positions in sorted order, as `eval/claims.ts`; the held-out
 * half is never read): `MISSS`/`MISSN` a gold source no claim's speaker span overlaps (S: its cue is a speech cue of
 * the lexicon, N: an attitude or action cue), with the claims whose content overlaps its content; `FALSE` a claim's
 * speaker span that overlaps no gold source, with its sentence. Usage: `node --import tsx eval/_speaker-mismatches.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overlaps } from '../src/core/index.js';
import { createContext, extractText } from '../src/pipeline.js';
import { isSpeechCue, parseBrat } from './claims.js';
import { SHARED } from '../scripts/shared-dir.js';
const dir = join(SHARED, 'eval', 'polnear');
const ctx = await createContext();
const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
const anns = readdirSync(join(dir, 'attributions')).sort();
let used = 0;
const out: string[] = [];
for (const f of texts) {
  const base = f.slice(0, -4);
  const annFile = anns.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
  if (!annFile) continue;
  if (used++ % 2 !== 0) continue; // dev only
  const text = readFileSync(join(dir, 'text', f), 'utf8');
  const gold = parseBrat(readFileSync(join(dir, 'attributions', annFile), 'utf8')).filter((g) => g.sources.length && g.contents.length);
  const doc = extractText(text, { id: base }, ctx);
  const sentOf = (at: number) => { const s = doc.sentences.find((x) => x.start <= at && at < x.end); return s ? text.slice(s.start, s.end).replace(/\s+/g, ' ') : ''; };
  for (const g of gold) {
    if (doc.claims.some((c) => c.speakerSpan && g.sources.some((r) => overlaps(r, c.speakerSpan!)))) continue;
    const at = g.sources[0].start;
    const near = doc.claims.filter((c) => g.contents.some((r) => c.contentSpan && overlaps(r, c.contentSpan)));
    out.push(`MISS${isSpeechCue(g.cue) ? 'S' : 'N'} ${base} src=${JSON.stringify(g.sources.map((r) => text.slice(r.start, r.end)).join('|'))} cue=${JSON.stringify(g.cue)} ${near.length ? 'content-found spk=' + near.map((c) => JSON.stringify(c.speakerText) + '[' + c.rule + ']').join(',') : ''}\n    ${sentOf(at).slice(0, 300)}`);
  }
  for (const c of doc.claims) {
    if (!c.speakerSpan) { out.push(`NOSPK ${base} cue=${c.cue} ${JSON.stringify(c.content.slice(0, 80))} [${c.rule}]`); continue; }
    if (gold.some((g) => g.sources.some((r) => overlaps(r, c.speakerSpan!)))) continue;
    out.push(`FALSE ${base} spk=${JSON.stringify(c.speakerText)} cue=${c.cue} [${c.rule}]\n    ${sentOf(c.speakerSpan.start).slice(0, 300)}`);
  }
}
console.log(out.join('\n'));
