/**
 * A capital before a verb of stance stands for its government ("Moscow hailed", "Kyiv welcomed"), as before a verb of
 * speech: never the place of an event. Invented sentences, real gazetteer, full pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

for (const verb of ['hailed', 'praised', 'welcomed', 'celebrated']) {
  test(`"Moscow ${verb}" names a government`, () => {
    const doc = extractText(`Moscow ${verb} the capture of the town by its troops.`, {}, ctx);
    const moscow = doc.entities.find((e) => e.name === 'Moscow');
    assert.equal(moscow?.mentions[0].metonym, true);
    assert.ok(doc.events.every((e) => e.place !== moscow?.id), JSON.stringify(doc.events.map((e) => e.place)));
  });
}

test('a place that ends a content before its speaker ("… Kupiansk, Smith said") does not speak; a list of capitals ending in "and" does', () => {
  const doc = extractText('Russian troops have captured Kupiansk, Smith said.', {}, ctx);
  assert.notEqual(doc.entities.find((e) => e.name === 'Kupiansk')?.mentions[0].metonym, true);
  const both = extractText('Kyiv, Warsaw and Vilnius said the drills were over.', {}, ctx);
  assert.equal(both.entities.find((e) => e.name === 'Kyiv')?.mentions[0].metonym, true);
});

test('"the Dnipro" after a lower-case "the" is the river the gazetteer knows as "Dnipro River"; "Dnipro" alone is the city', () => {
  const river = extractText('Russian forces withdrew from the west bank of the Dnipro.', {}, ctx).entities.find((e) => e.kind === 'place');
  assert.match(river?.name ?? '', /River/);
  const city = extractText('Missiles hit Dnipro overnight.', {}, ctx).entities.find((e) => e.kind === 'place');
  assert.equal(city?.name, 'Dnipro');
});
