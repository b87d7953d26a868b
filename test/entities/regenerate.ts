/**
 * Regenerates the golden files of the entities stage: for each `test/entities/cases/<case>.txt` it writes
 * `<case>.expected.json` with every entity and the covered text of every mention, so a diff reads as words.
 * Run `node --import tsx test/entities/regenerate.ts` and review the diff before committing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context, run } from './helpers.js';
import type { Doc } from '../../src/core/index.js';

/** The readable golden form of a document's entities (places excluded: they belong to the places stage). */
export function golden(doc: Doc): unknown {
  return doc.entities
    .filter((e) => e.kind !== 'place')
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.side ? { side: e.side } : {}),
      ...(e.role ? { role: e.role } : {}),
      ...(e.type ? { type: e.type } : {}),
      mentions: e.mentions.map((m) => `${m.text} [${m.rule}]`),
    }));
}

/** The case files, each run through its own fresh context. */
export const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of readdirSync(casesDir).filter((x) => x.endsWith('.txt')).sort()) {
    const doc = run(readFileSync(join(casesDir, f), 'utf8'), await context(), f);
    writeFileSync(join(casesDir, f.replace(/\.txt$/, '.expected.json')), `${JSON.stringify(golden(doc), null, 1)}\n`);
    console.log(`wrote ${f.replace(/\.txt$/, '.expected.json')}`);
  }
}
