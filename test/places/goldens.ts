/**
 * Golden files of the places stage: each `fixtures/<case>/input.txt` with its `expected.json`, a readable
 * list of places with the covered text of every mention. `node --import tsx test/places/goldens.ts` rewrites
 * the expected files; review the diff before committing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc, type Context, type Doc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';

/** Folder of the golden cases. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The case names. */
export function goldenCases(): string[] {
  return readdirSync(FIXTURES).sort();
}

/** What the stage finds in a case, in the shape of `expected.json`. */
export function placesOf(input: string, ctx: Context): unknown[] {
  const doc = [cleanStage, segmentStage, placesStage].reduce((d: Doc, s) => s.run(d, ctx), createDoc({ id: 'golden', input, format: 'text' }));
  return doc.entities
    .filter((e) => e.kind === 'place')
    .map((e) => ({
      id: e.id, name: e.name, type: e.type ?? null, country: e.country ?? null,
      mentions: e.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, rule: m.rule, ...(m.metonym ? { metonym: true } : {}) })),
    }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ctx = await placesStage.prepare!({}, {});
  for (const name of goldenCases()) {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    writeFileSync(join(FIXTURES, name, 'expected.json'), JSON.stringify(placesOf(input, ctx), null, 1) + '\n');
    console.log(`wrote ${name}/expected.json`);
  }
}
