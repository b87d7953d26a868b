/**
 * Divisions named with a word of position ("the Belgorod border region") and coordinations after a plural "regions
 * of" ("the regions of Sumy and Kharkiv"): every name is the division. Invented sentences, real gazetteer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

const places = (text: string) =>
  extractText(text, {}, ctx).entities.filter((e) => e.kind === 'place').map((e) => `${e.mentions[0].text}:${e.type}`);

test('a word of position between a name and its region word', () => {
  assert.deepEqual(places('Drones were downed over the Belgorod border region.'), ['Belgorod border region:admin1']);
  // Without a region word the town stays a town.
  assert.deepEqual(places('Drones were downed over the Belgorod border.'), ['Belgorod:city']);
});

test('every name coordinated after a plural "regions of" is a division; after a singular only the first', () => {
  assert.deepEqual(places('Signals failed in the regions of Sumy, Poltava and Kharkiv.'), ['Sumy:admin1', 'Poltava:admin1', 'Kharkiv:admin1']);
  assert.deepEqual(places('Fighting raged in the province of Idlib and in Aleppo.'), ['Idlib:admin1', 'Aleppo:city']);
});
