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
