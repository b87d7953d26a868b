/**
 * References to a place already named: "the oblast" / "the region" refer to a division, "the city" to a town; a
 * reference that is the predicate's own place wins over a town the sentence names in another clause. Invented
 * sentences, real gazetteer, full pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

const placeOf = (text: string, subType: string) => {
  const doc = extractText(text, {}, ctx);
  const e = doc.events.find((x) => x.subType === subType);
  const p = doc.entities.find((x) => x.id === e?.place);
  return p ? `${p.name}:${p.type}` : `none (${doc.events.map((x) => x.subType).join(', ')})`;
};

test('"across the oblast" is the division named before, not a town of another clause', () => {
  assert.equal(
    placeOf('The governor of Luhansk Oblast said Russian shelling continues across the oblast and that residents of Sievierodonetsk are sheltering.', 'Shelling/artillery/missile attack'),
    'Luhansk:admin1',
  );
});

test('"the region" of a later sentence takes the division of an earlier one, "the city" the town', () => {
  assert.equal(placeOf('Drones attacked Kharkiv and villages of Sumy Oblast. Russian shelling continued across the region.', 'Shelling/artillery/missile attack'), 'Sumy:admin1');
  assert.equal(placeOf('Drones attacked Kharkiv and villages of Sumy Oblast. Two people were killed by shelling in the city.', 'Shelling/artillery/missile attack'), 'Kharkiv:city');
});

test('wave-local: harm reported in a town after a country-wide strike is that strike there; not without one, not negated', () => {
  const lead = 'Russian forces launched a wave of missile strikes on Ukraine overnight. ';
  const places = (text: string) => {
    const doc = extractText(text, {}, ctx);
    return doc.events.filter((e) => e.rule.startsWith('events/wave-local')).map((e) => `${doc.entities.find((x) => x.id === e.place)?.name}:${e.subType}`);
  };
  assert.deepEqual(places(lead + 'Two people were killed in Poltava.'), ['Poltava:Shelling/artillery/missile attack']);
  assert.deepEqual(places('The festival opened in Kyiv. Two people were killed in Poltava.'), []);
  assert.deepEqual(places(lead + 'No one was hurt in Poltava, officials said.'), []);
  // A place abroad is not the wave's.
  assert.deepEqual(places(lead + 'Two people were injured in Warsaw.'), []);
});
