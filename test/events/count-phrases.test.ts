import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFatalities, findInjuries, findQuantity, parseCount } from '../../src/stages/events/rules/count-phrases.js';

test('fatalities', () => {
  assert.equal(findFatalities('it had killed more than 70 of them')?.value, 70);
  assert.equal(findFatalities('dozens of people were killed')?.value, 12);
  assert.equal(findFatalities('killing 6 civilians, including 2 women')?.value, 6);
  assert.equal(findFatalities('the attack left seven people dead')?.value, 7);
  assert.equal(findFatalities('A total of 1,200 people were killed')?.value, 1200);
});

test('injuries are not fatalities', () => {
  assert.equal(findInjuries('eight people were injured')?.value, 8);
  assert.equal(findFatalities('eight people were injured'), null);
  assert.equal(findFatalities('leaving dozens injured'), null);
  assert.equal(findInjuries('leaving dozens injured')?.value, 12);
});

test('quantities', () => {
  assert.equal(findQuantity('air defences shot down 25 of 25 drones')?.value, 25);
  assert.equal(findQuantity('four drones were downed over the region')?.value, 4);
  // A model number is not a count.
  assert.equal(findQuantity('training on F-16 fighter jets'), null);
});

test('number words and vague counts', () => {
  assert.equal(parseCount('twenty-five'), 25);
  assert.equal(parseCount('a dozen'), 12);
  assert.equal(parseCount('hundreds'), 100);
  assert.equal(parseCount('two thousand'), 2000);
  assert.equal(parseCount('banana'), null);
});

test('a count does not reach across "and" to another verb', () => {
  const t = 'The offensive has killed more than 1600 civilians and wounded thousands.';
  assert.equal(findFatalities(t)?.value, 1600);
  assert.equal(findInjuries(t)?.value, 1000);
  assert.equal(findInjuries('8 people were injured and 3 killed')?.value, 8);
  assert.equal(findFatalities('8 people were injured and 3 killed')?.value, 3);
});
