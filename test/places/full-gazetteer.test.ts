/**
 * Spelling variants, context and bad input against the real gazetteer (loaded once for this file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc, type Entity, type Stage } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';

// Only the stages places needs, so that other stages' work in progress cannot break these tests.
const upTo: Stage[] = [cleanStage, segmentStage, placesStage];
const runPipeline = (doc: Doc, context: object, only: Stage[]): Doc => only.reduce((d, s) => s.run(d, context), doc);
const ctx = await placesStage.prepare!({}, {});
const places = (text: string): Entity[] =>
  runPipeline(createDoc({ id: 't', input: text, format: 'text' }), ctx, upTo).entities.filter((e) => e.kind === 'place');
const idOf = (text: string, form: string): string | undefined => places(text).find((e) => e.mentions.some((m) => m.text === form))?.id;

test('transliteration variants reach the same GeoNames place', () => {
  const pairs: [string, string][] = [
    ['Kyiv', 'Kiev'], ['Oryol', 'Oriol'], ['Oryol', 'Orel'], ['Ramenskoye', 'Ramenskoe'], ['Sloviansk', 'Slavyansk'],
    ['Bakhmut', 'Bachmut'], ['Bakhmut', 'Artemivsk'], ['Grayvoron', 'Graivoron'],
  ];
  for (const [a, b] of pairs) {
    const ctxText = (name: string) => `Drones struck ${name} in Russia and Ukraine, near Belgorod and Kursk, the governor said.`;
    const ia = idOf(ctxText(a), a);
    assert.ok(ia?.startsWith('geo:'), a);
    assert.equal(idOf(ctxText(b), b), ia, `${a} / ${b}`);
  }
});

test('Moscow next to Idaho towns is Moscow, Idaho; next to Tula it is the capital', () => {
  const idaho = places('The fire spread from Lewiston to Pullman and Moscow, Idaho, officials in Boise said.');
  assert.equal(idaho.find((e) => e.name === 'Moscow')?.country, 'US');
  const russia = places('Drones fell near Istra and Tula before reaching Moscow.');
  assert.equal(russia.find((e) => e.name === 'Moscow')?.country, 'RU');
});

test('"Moscow said" is tagged as a metonym', () => {
  const [moscow] = places('Moscow said the drones were shot down.');
  assert.equal(moscow.mentions[0].metonym, true);
});

test('Donetsk region is the oblast; Belgorod Oblast and the province of Belgorod too', () => {
  assert.equal(places('Shelling in the Donetsk region went on.')[0]?.type, 'admin1');
  assert.equal(places('Shelling in Belgorod Oblast went on.')[0]?.geonamesId, 578071);
  assert.equal(places('Shelling in the province of Belgorod went on.')[0]?.geonamesId, 578071);
});

test('no places in person names, months, demonyms and common words', () => {
  assert.deepEqual(places('Ukrainian and Russian officials met in May. Jack Sullivan said nothing.').map((e) => e.name), []);
});

test('bad input stays bounded: capitals only, Cyrillic, a long list, a broken line', () => {
  assert.doesNotThrow(() => places('KYIV MOSCOW PARIS LONDON BERLIN WARSAW MINSK RIGA '.repeat(50)));
  assert.ok(places('Ракети влучили в Київ і Харків.').some((e) => e.id === 'geo:703448'));
  const list = Array.from({ length: 10_000 }, (_, i) => ['Kyiv', 'Kharkiv', 'Odesa', 'Lviv'][i % 4]).join(', ');
  assert.equal(places(list).length, 4);
  assert.equal(places('Troops left Kramatorsk and\nSloviansk.').length, 2);
});

test('a division written after the name settles it: "Moscow, Idaho"', () => {
  const out = places('The concert moved to Moscow, Idaho, last year.');
  const moscow = out.find((e) => e.name === 'Moscow');
  assert.equal(moscow?.country, 'US');
  assert.match(moscow!.mentions[0].rule, /qualifier/);
});

test('a sentence-initial front-line town is kept when the story is about its country, not an English word', () => {
  assert.equal(places('Avdiivka remains under heavy fire, Ukrainian officials said.')[0]?.name, 'Avdiivka');
  assert.deepEqual(places('Story hour was fun. Economy grew in America.').map((e) => e.name), ['United States']);
});

test('"the Kursk and Belgorod regions" are two divisions', () => {
  const out = places('Drones hit the Kursk and Belgorod regions overnight.');
  assert.deepEqual(out.map((e) => `${e.type}:${e.name}`).sort(), ['admin1:Belgorod Oblast', 'admin1:Kursk Oblast']);
});

test('a demonym naming the forces that act gives no country context ("Russian forces attacked X" is not X in Russia)', () => {
  // Pokrovsk is a town in Ukraine; with "Russian" taken as a country cue the name went to a Russian namesake.
  const forces = places('Russian forces attacked Pokrovsk overnight.').find((e) => e.name === 'Pokrovsk');
  assert.equal(forces?.country, 'UA');
  // A demonym that is not before a force noun still gives its country.
  assert.equal(places('Drones fell near Istra and Tula before reaching Moscow.').find((e) => e.name === 'Moscow')?.country, 'RU');
});
