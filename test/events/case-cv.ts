/**
 * Cross-validation inside the CASE 2021 development half (even rows), to predict how the stage fares on snippets it
 * was not written from, without reading the held-out half. The dev snippets are dealt into 5 folds (by position);
 * a predicate key (`rule|word`, rules/ablation.ts) that fires on dev snippets of one fold only is taken as fit to
 * that fold, and is ablated when that fold is scored: the fold is scored as if the lexicon had never seen it.
 * Keys that fire on no dev snippet (written from paraphrases, WordNet) or on snippets of two folds stay. A sub-type
 * rule (rules/sub-types.ts) is keyed by its name and ablated the same way when the events of one fold only used it.
 *
 * `node --import tsx test/events/case-cv.ts [--errors]`: prints the plain dev score and the CV score (first event
 * = gold sub-type; conflict events on non-conflict snippets), and the same for the snippet classifier alone
 * (rules/classify-event.ts on the whole text; an 'Other' class counts as no conflict event); `--errors` lists the
 * dev snippets that only the CV gets wrong (dev text only, never held-out).
 */
import { createContext, extractText } from '../../src/pipeline.js';
import { caseRows, codeOf, NON_CONFLICT } from './case-rows.js';
import type { Doc } from '../../src/core/index.js';
import { findTriggers } from '../../src/stages/events/rules/find-triggers.js';
import { framePredicates } from '../../src/stages/events/rules/frame-predicates.js';
import { predicateKey, setAblation, subTypeKey } from '../../src/stages/events/rules/ablation.js';
import { subTypeRules } from '../../src/stages/events/rules/sub-types.js';
import { classifyEvent } from '../../src/stages/events/rules/classify-event.js';

const FOLDS = 5;
// Development half only: even rows.
const dev = caseRows.filter((_, i) => i % 2 === 0);

/** Every predicate key of a document, found as the stage finds them (before gates), and the sub-type rules its events used. */
function keysOf(doc: Doc): Set<string> {
  const keys = new Set<string>();
  for (const e of doc.events) for (const r of subTypeRules) if (e.rule.includes(`+${r.name}`)) keys.add(subTypeKey(r.name));
  for (const s of doc.sentences) {
    const text = doc.view.text.slice(s.vStart, s.vEnd);
    const patterns = findTriggers(text);
    for (const m of [...patterns, ...framePredicates(doc, s, text, patterns)]) keys.add(predicateKey(m));
  }
  return keys;
}

const ctx = await createContext({});
const predOf = (doc: Doc) => (doc.events[0] ? codeOf.get(doc.events[0].subType) ?? doc.events[0].subType : 'NONE');
/** The snippet classifier's answer: its class, or NONE for no trigger or an 'Other' class (no conflict event). */
const classifierOf = (text: string) => {
  const c = classifyEvent(text);
  return { pred: c && c.acled ? c.code : 'NONE' };
};
const plain = dev.map((row) => {
  const doc = extractText(row.text, { id: `case${row.id}` }, ctx);
  return { pred: predOf(doc), rule: doc.events[0]?.rule ?? '', keys: keysOf(doc) };
});
const plainClassifier = dev.map((row) => classifierOf(row.text));
const cvClassifier: { pred: string }[] = new Array(dev.length);
const folds = new Map<string, Set<number>>();
plain.forEach((p, j) => {
  for (const k of p.keys) (folds.get(k) ?? folds.set(k, new Set()).get(k)!).add(j % FOLDS);
});
const cv: { pred: string; rule: string }[] = new Array(dev.length);
for (let f = 0; f < FOLDS; f++) {
  setAblation(new Set([...folds].filter(([, fs]) => fs.size === 1 && fs.has(f)).map(([k]) => k)));
  dev.forEach((row, j) => {
    if (j % FOLDS !== f) return;
    const doc = extractText(row.text, { id: `case${row.id}` }, ctx);
    cv[j] = { pred: predOf(doc), rule: doc.events[0]?.rule ?? '' };
    cvClassifier[j] = classifierOf(row.text);
  });
}
setAblation(null);

function tally(preds: { pred: string }[]) {
  const t = { n: 0, ok: 0, none: 0, nc: 0, ncEvent: 0 };
  dev.forEach((row, j) => {
    const p = preds[j].pred;
    if (NON_CONFLICT.has(row.gold)) {
      t.nc++;
      if (p !== 'NONE') t.ncEvent++;
      return;
    }
    t.n++;
    if (p === row.gold) t.ok++;
    else if (p === 'NONE') t.none++;
  });
  return t;
}
console.log(`CASE 2021 dev half, ${FOLDS}-fold vocabulary cross-validation (keys fitting one fold ablated when it is scored); clf = the snippet classifier alone`);
console.log('  score     n   first-event acc  no event   non-conflict n  with an event  rate');
for (const [name, t] of [
  ['dev', tally(plain)],
  ['dev-cv', tally(cv)],
  ['clf', tally(plainClassifier)],
  ['clf-cv', tally(cvClassifier)],
] as const) {
  console.log(
    `  ${name.padEnd(8)} ${String(t.n).padStart(4)}   ${(t.ok / t.n).toFixed(3)}           ${String(t.none).padStart(4)}       ${String(t.nc).padStart(4)}            ${String(t.ncEvent).padStart(4)}      ${(t.ncEvent / t.nc).toFixed(3)}`,
  );
}
if (process.argv.includes('--errors')) {
  dev.forEach((row, j) => {
    if (cv[j].pred === row.gold || (NON_CONFLICT.has(row.gold) && cv[j].pred === 'NONE')) return;
    const tag = plain[j].pred === row.gold || (NON_CONFLICT.has(row.gold) && plain[j].pred === 'NONE') ? 'CV-only' : 'both';
    console.log(`  ${tag} [${row.gold} -> ${cv[j].pred} ${cv[j].rule}] (dev: ${plain[j].pred} ${plain[j].rule}) ${row.text.slice(0, 260)}`);
  });
}
