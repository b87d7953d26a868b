/**
 * Facilities in war reporting: a numbered base named after its town ("Engels-2 air base"), a base the gazetteer
 * lacks ("Dyagilevo Air Base"), and a memorial whose name begins with a word that is itself a place name. Invented
 * sentences, real gazetteer, full pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';
import type { Doc } from '../../src/core/index.js';

const ctx = await createContext();

const places = (doc: Doc) =>
  doc.entities.filter((e) => e.kind === 'place').map((e) => ({ name: e.name, type: e.type, text: e.mentions[0].text, rule: e.mentions[0].rule }));

test('a numbered air base is a mention of its town', () => {
  const [p] = places(extractText('Drones attacked the Engels-2 air base overnight.', {}, ctx));
  assert.equal(p?.name, 'Engels');
  assert.equal(p?.text, 'Engels-2 air base');
  assert.match(p?.rule ?? '', /^places\/facility-of-town/);
});

test('an unknown name heading an air base is an unresolved facility, and the event is there', () => {
  const doc = extractText('Drones attacked the Kozhelyovo Air Base overnight, the ministry said.', {}, ctx);
  const [p] = places(doc);
  assert.deepEqual(p, { name: 'Kozhelyovo Air Base', type: 'facility', text: 'Kozhelyovo Air Base', rule: 'places/facility-phrase:unresolved' });
  assert.equal(doc.events[0]?.place, 'place:kozhelyovo-air-base');
});

test('a demonym before a facility word is no place', () => {
  assert.deepEqual(places(extractText('A Russian air base was hit by drones.', {}, ctx)), []);
});

test('a feature name keeps a first word that is a place name on its own', () => {
  const [p] = places(extractText('A missile struck the Babi Yar Holocaust Memorial Center.', {}, ctx));
  assert.equal(p?.name, 'Babi Yar Holocaust Memorial Center');
});
