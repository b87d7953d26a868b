/**
 * Golden cases of the claims stage: each `test/claims/golden/<case>/input.txt` runs through the claims stage
 * alone (no sentences or times, so the result depends on this stage only) and is compared with `expected.json`,
 * which shows the covered text next to every span so that a diff reads as words. The only entities are the places
 * an optional `places.json` lists (name and type), one mention per occurrence, standing in for the places stage:
 * a proposition's place is always an entity of the document.
 *
 * Regenerate after a reviewed change: `node --import tsx test/claims/golden/golden.ts --write`.
 */
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createDoc, type Entity } from '../../../src/core/index.js';
import { claimsStage } from '../../../src/stages/claims/index.js';

/** The folder of the golden cases. */
export const goldenDir = dirname(fileURLToPath(import.meta.url));

/** Names of the golden cases. */
export function goldenCases(): string[] {
  return readdirSync(goldenDir).filter((f) => statSync(join(goldenDir, f)).isDirectory()).sort();
}

/** The readable result of one case. */
export function runCase(name: string): unknown {
  const input = readFileSync(join(goldenDir, name, 'input.txt'), 'utf8');
  const doc = claimsStage.run({ ...createDoc({ id: name, input, format: 'text', published: { value: '2023-05-20', rule: 'golden' } }), entities: placeEntities(name, input) }, {});
  // Through JSON so that absent fields compare the same as in expected.json.
  return JSON.parse(JSON.stringify(doc.claims.map((c) => ({
    speaker: c.speakerText,
    side: c.side ?? null,
    cue: c.cue,
    content: c.content,
    contentAt: [c.contentSpan.start, c.contentSpan.end],
    channel: c.channel ?? null,
    date: c.date,
    proposition: c.proposition ?? null,
    rule: c.rule,
  }))));
}

/** Place entities for the names a case's `places.json` lists, with a mention at every whole-word occurrence. */
function placeEntities(name: string, input: string): Entity[] {
  const file = join(goldenDir, name, 'places.json');
  if (!existsSync(file)) return [];
  const places = JSON.parse(readFileSync(file, 'utf8')) as { name: string; type: string }[];
  return places.map((p) => ({
    id: `place:${p.name.toLowerCase()}`,
    kind: 'place' as const,
    name: p.name,
    type: p.type,
    mentions: [...input.matchAll(new RegExp(`(?<![\\p{L}])${p.name}(?![\\p{L}])`, 'gu'))].map((m) => ({ start: m.index, end: m.index + p.name.length, text: p.name, rule: 'golden', sentence: 0 })),
  }));
}

if (process.argv.includes('--write')) {
  for (const name of goldenCases()) writeFileSync(join(goldenDir, name, 'expected.json'), `${JSON.stringify(runCase(name), null, 2)}\n`);
}
