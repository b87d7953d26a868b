import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProposition, type PlaceCandidate } from '../../src/stages/claims/rules/proposition.js';

/** The proposition of a content naming Bakhmut (if it does), said by `side` with cue `cue`. */
function prop(content: string, side?: string, cue = 'said', contextPlace?: string) {
  const at = content.indexOf('Bakhmut');
  const places: PlaceCandidate[] = at >= 0 ? [{ id: 'geo:713174', start: at, end: at + 7 }] : [];
  return findProposition({ content, offset: 0, places, speakerSide: side, cue, contextPlace });
}

test('capture asserts control by the named actor, else the speaker’s side', () => {
  assert.deepEqual(prop('they had captured Bakhmut', 'RU'), { kind: 'control', place: 'geo:713174', holder: 'RU', polarity: 'asserts', rule: 'claims/prop-control-content' });
  assert.equal(prop('Ukrainian forces retook Bakhmut', 'RU')?.holder, 'UA');
  assert.equal(prop('Bakhmut was captured by Russian forces', 'GB')?.holder, 'RU');
});

test('partial control denies the other side’s control', () => {
  const p = prop('defenders still controlled an area of Bakhmut', 'UA');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity], ['control', 'RU', 'denies']);
  assert.equal(prop('fighting goes on in Bakhmut', 'UA')?.polarity, 'denies');
});

test('negation and denial cues turn an assertion into a denial', () => {
  assert.equal(prop('Bakhmut has not been captured', 'UA')?.polarity, 'denies');
  assert.equal(prop('Russian troops captured Bakhmut', 'UA', 'denied')?.polarity, 'denies');
});

test('denied breakthroughs are the other side’s advance', () => {
  const p = prop('statements about breakthroughs do not correspond to reality', 'RU', 'asserted', 'geo:713174');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity, p?.place], ['advance', 'UA', 'denies', 'geo:713174']);
});

test('a retaking measured in kilometres is an advance', () => {
  const p = prop('their forces had retaken about “2 kilometers” near Bakhmut', 'UA');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity], ['advance', 'UA', 'asserts']);
});

test('encirclement and losses', () => {
  assert.equal(prop('Russian forces encircled Bakhmut', 'UA')?.kind, 'encirclement');
  const l = prop('it had killed more than 70 of them', 'RU');
  assert.deepEqual([l?.kind, l?.count], ['losses', 70]);
});

test('no proposition without front-line words or a place', () => {
  assert.equal(prop('the weather was fine', 'UA'), undefined);
  assert.equal(prop('they captured it', 'RU'), undefined);
  assert.equal(prop('the event took place in Bakhmut', 'RU'), undefined);
});

test('“the situation is under control” denies the other side’s advance, about a place only when one is named', () => {
  const p = prop('the general situation in the area “is under control.”', 'RU', 'say', 'geo:713174');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity, p?.place], ['advance', 'UA', 'denies', undefined]);
  const named = prop('the situation near Bakhmut is under control', 'RU');
  assert.deepEqual([named?.kind, named?.holder, named?.polarity, named?.place], ['advance', 'UA', 'denies', 'geo:713174']);
  assert.equal(prop('the situation in Bakhmut is not under control', 'RU')?.polarity, 'asserts');
  // Control by someone is control, not calm.
  assert.deepEqual([prop('Bakhmut is under control of Russian forces', 'GB')?.kind, prop('Bakhmut is under control of Russian forces', 'GB')?.holder], ['control', 'RU']);
});

test('“occupied territory” is an adjective; a denied push to retake ground is the speaker’s own', () => {
  const p = prop('claims of a major push to retake occupied territory', 'UA', 'rejected', 'geo:713174');
  assert.deepEqual([p?.kind, p?.holder, p?.polarity], ['advance', 'UA', 'denies']);
  // A named actor still wins.
  assert.equal(prop('a Ukrainian push to retake Bakhmut was repelled', 'RU')?.holder, 'UA');
});

test('a capture by a group without a side keeps the holder unknown', () => {
  const at = 'the armed groups occupied the settlement of Kozinka near the border'.indexOf('Kozinka');
  const p = findProposition({ content: 'the armed groups occupied the settlement of Kozinka near the border', offset: 0, places: [{ id: 'place:kozinka', start: at, end: at + 7 }], cue: 'reported' });
  assert.deepEqual([p?.kind, p?.place, p?.holder, p?.polarity], ['control', 'place:kozinka', undefined, 'asserts']);
});
