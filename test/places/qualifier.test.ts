/**
 * "Zvanivka, Bakhmut, Donetsk Oblast, Ukraine": the names after a comma that contain the one before them (its
 * country, its oblast, the bigger town its district is named by) are marked as qualifiers, and an event takes the
 * most specific place instead of one event per name. Invented sentences, real gazetteer, full pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';
import type { Doc } from '../../src/core/index.js';

const ctx = await createContext();

const qualifiers = (doc: Doc) =>
  doc.entities.flatMap((e) => (e.kind === 'place' ? e.mentions.filter((m) => m.qualifier).map((m) => m.text) : []));
const eventPlaces = (doc: Doc) => doc.events.map((e) => doc.entities.find((x) => x.id === e.place)?.name);

test('an address chain qualifies its first name; the event is at that name only', () => {
  const doc = extractText('A drone strike hit a minibus in Zvanivka, Bakhmut, Donetsk Oblast, Ukraine, on Monday.', {}, ctx);
  assert.deepEqual(qualifiers(doc), ['Bakhmut', 'Donetsk Oblast', 'Ukraine']);
  assert.deepEqual(eventPlaces(doc), ['Zvanivka']);
});

test('a country or state after a town qualifies it', () => {
  const doc = extractText('A drone hit a warehouse in Moscow, Idaho.', {}, ctx);
  assert.deepEqual(qualifiers(doc), ['Idaho']);
});

test('a list of towns is no chain: every town keeps its own event', () => {
  const doc = extractText('Russian drones struck Kharkiv, Sumy, Odesa and Dnipro overnight.', {}, ctx);
  assert.deepEqual(qualifiers(doc), []);
  assert.deepEqual(eventPlaces(doc), ['Kharkiv', 'Sumy', 'Odesa', 'Dnipro']);
});

test('a far or smaller town after a comma is no qualifier', () => {
  // Lviv is far from Kharkiv; Kharkiv is not a district of Lviv.
  const doc = extractText('Explosions were heard in Kharkiv, Lviv.', {}, ctx);
  assert.deepEqual(qualifiers(doc), []);
});

test('"the village of X" names its place: no reference back to an earlier town', () => {
  const doc = extractText('Shelling damaged houses in Esman. Wagner fighters say they captured the village of Blahodatne, north of Bakhmut.', {}, ctx);
  const captured = doc.events.find((e) => e.subType.includes('territory'));
  assert.ok(captured, JSON.stringify(doc.events.map((e) => e.subType)));
  assert.notEqual(doc.entities.find((e) => e.id === captured.place)?.name, 'Esman');
});

test('the anchor of a bearing says where the place before it lies: the event is at that place', () => {
  const doc = extractText('Air defences intercepted five drones over the Kaluga region, southwest of the Russian capital, Moscow.', {}, ctx);
  assert.deepEqual(qualifiers(doc), ['Moscow']);
  assert.deepEqual(eventPlaces(doc), ['Kaluga Oblast']);
  assert.deepEqual(qualifiers(extractText('Russian shelling hit Andriivka, 10 km south of Bakhmut.', {}, ctx)), ['Bakhmut']);
});
