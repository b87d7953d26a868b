/**
 * Prints the events of a text through the whole pipeline, with the rule, confidence, place and the predicate's
 * sentence: `node --import tsx test/events/explain.ts "Some sentence."` (or a file path). A development aid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createDoc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';

const arg = process.argv[2] ?? '';
const text = existsSync(arg) ? readFileSync(arg, 'utf8') : arg;
const ctx = await createContext({});
const doc = runPipeline(createDoc({ id: 'explain', input: text, format: 'text', origin: { source: 'explain' } }), ctx);
const name = (id: string | null) => (id ? doc.entities.find((e) => e.id === id)?.name ?? id : '-');
for (const e of doc.events) {
  console.log(`${e.type} / ${e.subType} @ ${name(e.place)} conf=${(e.confidence ?? 0).toFixed(2)} (${e.rule})\n    "${e.text.slice(0, 160)}"`);
}
