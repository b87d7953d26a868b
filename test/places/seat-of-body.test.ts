/**
 * "Kyiv authorities": the entities stage makes a body of a side's word and an institution noun; its first word
 * still names the town the body sits in, so "the city" after it has something to refer to. Invented sentences,
 * real gazetteer, the full pipeline (the entities stage must run first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const ctx = await createContext();

test('the town of a body named by it is a place; the body stays the speaker', () => {
  const doc = extractText('Kyiv authorities said the city was attacked by 20 drones overnight.', {}, ctx);
  const kyiv = doc.entities.find((e) => e.kind === 'place' && e.name === 'Kyiv');
  assert.ok(kyiv, JSON.stringify(doc.entities.map((e) => e.name)));
  assert.equal(kyiv.mentions[0].text, 'Kyiv');
  assert.equal(kyiv.mentions[0].metonym, true);
  const body = doc.entities.find((e) => e.kind === 'organization');
  assert.equal(body?.name, 'Kyiv authorities');
  assert.equal(doc.claims[0]?.speaker, body?.id);
  // "the city" is Kyiv.
  assert.equal(doc.events[0]?.place, kyiv.id);
});

test('a country as the side word of a body is no place of it', () => {
  const doc = extractText('Ukraine authorities said the village of Krynky was shelled.', {}, ctx);
  const names = doc.entities.filter((e) => e.kind === 'place').map((e) => e.name);
  assert.ok(!names.includes('Ukraine'), names.join(', '));
});
