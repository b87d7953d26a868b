/**
 * Golden cases of the events stage: `fixtures/<case>/input.txt` with hand-written earlier layers
 * (`layers.json`: entities, times and claims by surface form) and the expected events (`expected.json`, each
 * with the covered text next to its span so that a diff reads as words). `node --import tsx
 * test/events/golden.ts --write` regenerates the expected files; review the diff before committing.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Claim, Doc, Entity, TimeExpression } from '../../src/core/index.js';
import { eventsStage } from '../../src/stages/events/index.js';
import { makeDoc, entity } from './helpers.js';

/** The folder of the golden cases. */
export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Layers {
  published?: string;
  entities: { id: string; kind: Entity['kind']; type?: string; side?: string; surface: string }[];
  times: { surface: string; value: string; precision: TimeExpression['precision'] }[];
  claims: { id: string; speaker: string; side?: string; cue: string; content: string }[];
}

/** Builds the document of a golden case, its earlier layers made from surface forms. */
export function goldenDoc(name: string): Doc {
  const input = readFileSync(join(fixturesDir, name, 'input.txt'), 'utf8');
  const layers = JSON.parse(readFileSync(join(fixturesDir, name, 'layers.json'), 'utf8')) as Layers;
  return makeDoc(input, {
    published: layers.published,
    entities: (d) => layers.entities.map((e) => entity(d, e.kind, e.id, e.surface, { type: e.type, side: e.side })),
    times: (d) =>
      layers.times.map((t) => {
        const start = input.indexOf(t.surface);
        const s = d.sentences.find((x) => x.start <= start && start < x.end)!;
        return { start, end: start + t.surface.length, text: t.surface, rule: 'golden', value: t.value, precision: t.precision, sentence: s.index };
      }),
    claims: (d) =>
      layers.claims.map((c): Claim => {
        const start = input.indexOf(c.content);
        const s = d.sentences.find((x) => x.start <= start && start < x.end)!;
        const contentSpan = { start, end: start + c.content.length, text: c.content, rule: 'golden' };
        return { id: c.id, speaker: c.speaker, speakerText: null, side: c.side, cue: c.cue, start: s.start, end: s.end, content: c.content, contentSpan, sentence: s.index, rule: 'golden' };
      }),
  });
}

/** The events of a golden case in their readable expected form. */
export function goldenEvents(name: string): unknown[] {
  const doc = eventsStage.run(goldenDoc(name), {});
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.events.map((e) => ({
    id: e.id,
    type: e.type,
    subType: e.subType,
    date: e.date,
    datePrecision: e.datePrecision,
    place: e.place && `${e.place} (${names.get(e.place)})`,
    actors: e.actors,
    fatalities: e.fatalities,
    injuries: e.injuries,
    quantity: e.quantity,
    claims: e.claims,
    span: [e.start, e.end],
    text: e.text,
    rule: e.rule,
  }));
}

/** Every golden case name. */
export function goldenCases(): string[] {
  return readdirSync(fixturesDir).sort();
}

if (process.argv.includes('--write')) {
  for (const name of goldenCases()) {
    writeFileSync(join(fixturesDir, name, 'expected.json'), JSON.stringify(goldenEvents(name), null, 2) + '\n');
    console.log(`wrote ${name}/expected.json`);
  }
}
