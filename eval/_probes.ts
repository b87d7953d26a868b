/**
 * Paraphrase probes (issue 11): invented war-reporting texts in the styles of unseen text (briefing transcripts,
 * wire copy, Wikipedia current-events lines, official statements, ISW-like assessments), each with the confident
 * propositions a reader following `../shared/eval/picture/GUIDE.md` expects ("kind place holder polarity", the place
 * by its entity name, "-" for none; "=> none" for none at all). No sentence is from an evaluation corpus.
 *
 * Usage: `node --import tsx eval/_probes.ts [FILE…] [-v]` (default: every `eval/probes/*.txt`). Prints each probe that
 * gives a missing or an unexpected confident proposition, with the claims and places found, then the totals.
 * Blocks are separated by a line `---`. Not a suite of `npm run eval` (the expectations are a writer's, not gold).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/core/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';

const here = join(dirname(fileURLToPath(import.meta.url)), 'probes');
const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = named.length ? named : readdirSync(here).filter((f) => f.endsWith('.txt')).sort().map((f) => join(here, f));
const verbose = process.argv.includes('-v');
const ctx = await createContext({});
const blocks = files.flatMap((file) => readFileSync(file, 'utf8').split(/\n---\n/)).map((b) => b.trim()).filter((b) => b && !b.startsWith('#'));
let ok = 0, n = 0, extra = 0;
for (const b of blocks) {
  const lines = b.split('\n');
  const expect = lines.filter((l) => l.startsWith('=> ')).map((l) => l.slice(3).trim()).filter((l) => l !== 'none');
  const text = lines.filter((l) => !l.startsWith('=> ') && !l.startsWith('#')).join('\n');
  const doc = runPipeline(createDoc({ id: 'p' + n, input: text, format: 'text', origin: { source: 'probe', url: '' } }), ctx);
  const name = (id?: string) => (id ? doc.entities.find((e) => e.id === id)?.name ?? id : '-');
  const got: string[] = [];
  const low: string[] = [];
  for (const c of doc.claims) for (const p of c.propositions ?? (c.proposition ? [c.proposition] : [])) {
    const s = `${p.kind} ${name(p.place)} ${p.holder ?? '-'} ${p.polarity}`;
    ((p.confidence ?? 1) >= 0.5 ? got : low).push(s + ((p.confidence ?? 1) >= 0.5 ? '' : ` (${p.confidence?.toFixed(2)} ${p.rule})`));
  }
  const gotSet = new Set(got);
  const missing = expect.filter((e) => !gotSet.has(e));
  const unexpected = got.filter((g) => !expect.includes(g));
  n++;
  const good = missing.length === 0 && unexpected.length === 0;
  if (good) ok++;
  extra += unexpected.length;
  if (!good || verbose) {
    console.log(`${good ? 'OK ' : 'BAD'} ${text.replace(/\n/g, ' ¶ ').slice(0, 220)}`);
    for (const m of missing) console.log(`     missing: ${m}`);
    for (const u of unexpected) console.log(`     extra:   ${u}`);
    if (!good) {
      for (const l of low) console.log(`     low:     ${l}`);
      for (const c of doc.claims) console.log(`     claim: [${c.rule}] ${c.speakerText ?? '?'} (${c.side ?? '-'}) ${c.cue} :: ${c.content.slice(0, 120)}`);
      const places = doc.entities.filter((e) => e.kind === "place").map((e) => e.name);
      console.log(`     places: ${places.join(', ')}`);
    }
  }
}
console.log(`\n${ok} / ${n} probes right; ${extra} unexpected confident propositions`);
