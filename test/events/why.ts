/**
 * Why a sentence makes (or does not make) an event: each predicate found, its context cues, its clause facts and
 * the gate that blocks it. `node --import tsx test/events/why.ts "Some sentence."`. A development aid.
 */
import { createDoc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { findTriggers } from '../../src/stages/events/rules/find-triggers.js';
import { framePredicates } from '../../src/stages/events/rules/frame-predicates.js';
import { blockedBy } from '../../src/stages/events/rules/gates.js';
import { clauseFacts } from '../../src/stages/events/rules/clause-facts.js';

const text = process.argv[2] ?? '';
const pub = process.argv.find((a) => a.startsWith('--published='))?.slice(12);
const ctx = await createContext({});
const doc = runPipeline(createDoc({ id: 'why', input: text, format: 'text', origin: { source: 'why' }, published: pub ? { value: pub, precision: 'day' } as never : undefined }), ctx);
const lang = doc.lang!;
for (const s of doc.sentences) {
  const t = doc.view.text.slice(s.vStart, s.vEnd);
  console.log(`sentence ${s.index}: ${t}`);
  const ls = lang.sentences[s.index];
  for (let w = ls.first; w < ls.end; w++) {
    const x = lang.words[w];
    process.stdout.write(`${x.text}/${x.tag}/${x.xtag}/${x.lemma} `);
  }
  console.log();
  for (const c of lang.clauses.filter((c) => c.sentence === s.index)) {
    const words = (f: number, e: number) => lang.words.slice(f, e).map((w) => w.text).join(' ');
    const ch = (i: number) => (i >= 0 ? words(lang.chunks[i].first, lang.chunks[i].end) : '-');
    console.log(`  clause ${c.index} [${words(c.first, c.end)}] pred=${c.predicate >= 0 ? lang.words[c.predicate].text : '-'} subj=${ch(c.subject)} obj=${ch(c.object)} neg=${c.negated} mod=${c.modality} parent=${c.parent} marker=${c.marker} passive=${c.passive}`);
  }
  const patterns = findTriggers(t);
  const verbs = framePredicates(doc, s, t, patterns);
  for (const m of [...patterns, ...verbs]) {
    const cf = clauseFacts(doc, s.vStart + m.start, s.vStart + m.end);
    console.log(`  predicate "${m.text}" ${m.code} rule=${m.rule} w=${m.weight} cue=${!!m.cue} needsActor=${!!m.needsActor} context=[${m.context}] gate=${blockedBy({ sentence: t, match: m, clause: cf })} clause=${JSON.stringify(cf && { negated: cf.negated, modality: cf.modality, governed: cf.governed, isPredicate: cf.isPredicate })}`);
  }
}
for (const e of doc.entities) console.log(`  entity ${e.kind}/${e.type} ${e.name}`);
for (const e of doc.events) console.log(`EVENT ${e.subType} @ ${e.place} conf=${e.confidence?.toFixed(2)} ${e.rule} actors=${e.actors.length}`);
