/**
 * A locative preposition makes a small place named once likely; a part adjective between the preposition and the
 * name ("in western X") keeps that. Invented sentences, real gazetteer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc, type Stage } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { placesStage } from '../../src/stages/places/index.js';

const upTo: Stage[] = [cleanStage, segmentStage, placesStage];
const ctx = await placesStage.prepare!({}, {});
const placeNames = (text: string): string[] =>
  upTo.reduce((d: Doc, s) => s.run(d, ctx), createDoc({ id: 't', input: text, format: 'text' })).entities.filter((e) => e.kind === 'place').map((e) => e.name);

test('a lower-case part adjective between a locative preposition and a small town keeps the town', () => {
  // Marinka (Donetsk oblast) named once, with no division, neighbour or war predicate to support it.
  assert.ok(placeNames('Street fighting was reported in western Marinka.').includes('Marinka'));
  assert.ok(placeNames('Street fighting was reported in south-eastern Marinka.').includes('Marinka'));
  // Without the preposition the adjective alone is no cue.
  assert.ok(!placeNames('Western Marinka is quiet.').includes('Marinka'));
});

test('after a locative preposition a village of the theatre of war is a place by its main name, with no other support', () => {
  // Robotyne (Zaporizhzhia oblast, about 500 people), named once with nothing else of Ukraine in the text.
  assert.deepEqual(placeNames('The troops made modest gains around Robotyne.'), ['Robotyne']);
  // Not at a sentence start without a preposition, nor by an alternate name (the Russian one) alone.
  assert.deepEqual(placeNames('Robotyne is quiet.'), []);
  assert.deepEqual(placeNames('The troops made modest gains around Rabotino.'), []);
});

test('a loose spelling of a theatre town after a locative preposition is that town, with no other support', () => {
  // "Sieverodonetsk" (one letter off Sievierodonetsk, about 100,000 people), named once.
  assert.deepEqual(placeNames('The mayor of Sieverodonetsk spoke on television.'), ['Sievierodonetsk']);
  assert.deepEqual(placeNames('Sieverodonetsk spoke on television.'), []);
});
