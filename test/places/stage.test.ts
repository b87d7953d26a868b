import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Context, type Doc, type Entity, type Stage } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';
import { realLexicon, smallGazetteer } from './small-gazetteer.js';

const ctx: Context = { gazetteer: smallGazetteer(), placeLexicon: realLexicon() };
// Only the stages places needs, so that other stages' work in progress cannot break these tests.
const upTo: Stage[] = [cleanStage, segmentStage, placesStage];
const runPipeline = (doc: Doc, context: object, only: Stage[]): Doc => only.reduce((d, s) => s.run(d, context), doc);
const places = (text: string): Entity[] =>
  runPipeline(createDoc({ id: 't', input: text, format: 'text' }), ctx, upTo).entities.filter((e) => e.kind === 'place');

test('one entity per place with all its mentions; spans index the input', () => {
  const text = 'Russian forces shelled Bakhmut on Monday. Ukraine said Bachmut still holds.';
  const out = places(text);
  const bakhmut = out.find((e) => e.id === 'geo:713174');
  assert.ok(bakhmut);
  assert.equal(bakhmut.mentions.length, 2);
  for (const e of out) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(bakhmut.country, 'UA');
  assert.equal(bakhmut.type, 'city');
  assert.ok(bakhmut.mentions.every((m) => m.rule.startsWith('places/')));
});

test('context decides between namesakes: Moscow near Tula and Istra is in Russia', () => {
  const out = places('Drones were downed near Istra and Tula, and one hit Moscow.');
  assert.equal(out.find((e) => e.name === 'Moscow')?.country, 'RU');
});

test('"Donetsk region" is the oblast, "Donetsk" the city', () => {
  const out = places('Shelling hit Donetsk and villages in the Donetsk region.');
  assert.deepEqual(out.map((e) => `${e.type}:${e.mentions[0].text}`).sort(), ['admin1:Donetsk region', 'city:Donetsk']);
});

test('a misspelling of a place the document names is that place', () => {
  const out = places('Troops held Bakhmut. Later Bahkmut fell.');
  assert.deepEqual(out.map((e) => [e.id, e.mentions.map((m) => m.rule)]), [['geo:713174', ['places/name:only-candidate', 'places/doc-variant']]]);
});

test('unresolved places keep a folded id', () => {
  const out = places('Fighters entered the village of Kozinka on Monday.');
  assert.deepEqual(out.map((e) => [e.id, e.unresolved]), [['place:kozinka', true]]);
});

test('demonyms and person-like names are no places', () => {
  assert.deepEqual(places('Ukrainian and Russian officials met.'), []);
});

test('bad input: all capitals, a long list, Cyrillic', () => {
  assert.doesNotThrow(() => places('THE QUICK BROWN FOX JUMPS OVER KYIV AND MOSCOW TODAY'));
  const list = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'Kyiv' : 'Tula')).join(', ');
  const many = places(list);
  assert.equal(many.reduce((n, e) => n + e.mentions.length, 0), 10_000);
  assert.equal(places('Ракети влучили в Київ.')[0]?.id, 'geo:703448');
});

test('without a gazetteer the stage leaves the document as it was', () => {
  const doc = createDoc({ id: 't', input: 'Kyiv', format: 'text' });
  assert.equal(placesStage.run(doc, {}), doc);
});

test('HTML input: spans index the input as read, through the view', () => {
  const input = '<html><body><p>Shelling hit <b>Bakhmut</b> &amp; Kyiv on Monday.</p></body></html>';
  const doc = upTo.reduce((d, s) => s.run(d, ctx), createDoc({ id: 'h', input, format: 'html' }));
  const mentions = doc.entities.filter((e) => e.kind === 'place').flatMap((e) => e.mentions);
  assert.deepEqual(mentions.map((m) => m.text).sort(), ['Bakhmut', 'Kyiv']);
  for (const m of mentions) assert.equal(input.slice(m.start, m.end), m.text);
});
