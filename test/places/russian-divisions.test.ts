/**
 * Russia's divisions by the English names news use: GeoNames keeps some only in a Russian form ("Leningradskaya
 * Oblast'", "Mordoviya Republic"), and "Leningrad" alone is an old name of St Petersburg (data/admin1-aliases.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

test('English names of Russian divisions resolve to those divisions', () => {
  const doc = extractText('Drones hit Leningrad Oblast, Mordovia, Udmurtia, North Ossetia and Tuva overnight.', {}, ctx);
  const places = doc.entities.filter((e) => e.kind === 'place');
  assert.deepEqual(places.map((p) => [p.mentions[0].text, p.type, p.country]), [
    ['Leningrad Oblast', 'admin1', 'RU'], ['Mordovia', 'admin1', 'RU'], ['Udmurtia', 'admin1', 'RU'], ['North Ossetia', 'admin1', 'RU'], ['Tuva', 'admin1', 'RU'],
  ]);
  // Not the federal city of St Petersburg, whose old name is Leningrad.
  assert.ok(places[0].lon! > 31, `Leningrad Oblast at ${places[0].lat}, ${places[0].lon}`);
});
