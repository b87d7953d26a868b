/**
 * CASE 2021 through the whole pipeline, as a user meets it: each snippet is extracted as a document and its
 * first event is compared with the gold sub-type (ACLED labels), and snippets whose gold label is not an ACLED
 * conflict event (DIPLO, ATTRIB, NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME) are counted when they get any
 * event at all. Halves as in eval/events.ts: even rows dev, odd rows held-out.
 *
 * `node --import tsx test/events/case-stage.ts [--errors] [--half=dev|held] [--reasons]` (SITREP_SHARED points at
 * ../shared). `--reasons` counts, per half, why ACLED snippets got no event (no predicate word, only supporting cues,
 * an ambiguous predicate without an actor, a gate, too weak): counts only, no snippet text.
 */
import { createContext, extractText } from '../../src/pipeline.js';
import { caseRows, codeOf, NON_CONFLICT } from './case-rows.js';
import type { Doc } from '../../src/core/index.js';
import { findTriggers } from '../../src/stages/events/rules/find-triggers.js';
import { framePredicates } from '../../src/stages/events/rules/frame-predicates.js';
import { blockedBy } from '../../src/stages/events/rules/gates.js';
import { clauseFacts } from '../../src/stages/events/rules/clause-facts.js';

/** Why a document got no event: the furthest any of its predicates got. */
function reason(doc: Doc): string {
  let best = 0;
  const names = ['no predicate', 'only cues', 'ambiguous, no actor', 'gated', 'too weak or other class'];
  let gate = '';
  for (const s of doc.sentences) {
    const text = doc.view.text.slice(s.vStart, s.vEnd);
    const patterns = findTriggers(text);
    for (const m of [...patterns, ...framePredicates(doc, s, text, patterns)]) {
      if (m.cue) {
        best = Math.max(best, 1);
        continue;
      }
      const g = blockedBy({ sentence: text, match: m, clause: clauseFacts(doc, s.vStart + m.start, s.vStart + m.end) });
      if (g) {
        if (best < 3) gate = g;
        best = Math.max(best, 3);
      } else best = Math.max(best, m.needsActor ? 2 : 4);
    }
  }
  return best === 3 ? `gated (${gate})` : names[best];
}
const reasons = { dev: new Map<string, number>(), held: new Map<string, number>() };

const rows = caseRows;

const args = process.argv.slice(2);
const ctx = await createContext({});
const stats = { dev: { n: 0, ok: 0, none: 0, nc: 0, ncEvent: 0 }, held: { n: 0, ok: 0, none: 0, nc: 0, ncEvent: 0 } };
const errors: string[] = [];
const listHalf = args.find((a) => a.startsWith('--half='))?.slice(7) ?? 'dev';
rows.forEach((row, i) => {
  const half = i % 2 === 0 ? 'dev' : 'held';
  const s = stats[half];
  const doc = extractText(row.text, { id: `case${row.id}` }, ctx);
  const first = doc.events[0];
  const pred = first ? codeOf.get(first.subType) ?? first.subType : 'NONE';
  if (NON_CONFLICT.has(row.gold)) {
    s.nc++;
    if (first) s.ncEvent++;
    if (first && half === listHalf) errors.push(`[${row.gold} -> ${pred} ${first.rule}] ${row.text.slice(0, 220)}`);
    return;
  }
  s.n++;
  if (pred === row.gold) s.ok++;
  else {
    if (!first) {
      s.none++;
      const r = reason(doc);
      reasons[half].set(r, (reasons[half].get(r) ?? 0) + 1);
    }
    if (half === listHalf) errors.push(`[${row.gold} -> ${pred}${first ? ' ' + first.rule : ''}] ${row.text.slice(0, 220)}`);
  }
});
console.log('CASE 2021 through the pipeline: first event sub-type (ACLED-labelled snippets); conflict events on non-conflict snippets');
console.log('  half      n   first-event acc  no event   non-conflict n  with an event  rate');
for (const [name, s] of Object.entries(stats)) {
  console.log(
    `  ${name.padEnd(8)} ${String(s.n).padStart(4)}   ${(s.ok / s.n).toFixed(3)}           ${String(s.none).padStart(4)}       ${String(s.nc).padStart(4)}            ${String(s.ncEvent).padStart(4)}      ${(s.ncEvent / s.nc).toFixed(3)}`,
  );
}
if (args.includes('--errors')) for (const e of errors) console.log('  ' + e);
if (args.includes('--reasons')) {
  for (const [half, counts] of Object.entries(reasons)) {
    console.log(`  no event, ${half}: ` + [...counts].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join('; '));
  }
}
