import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextView, TextViewBuilder, makeSpan, lineColumn } from '../../src/core/index.js';

test('identity view maps offsets to themselves', () => {
  const v = TextView.identity('Kyiv and Kiev');
  assert.deepEqual(v.span(9, 13, 'r'), { start: 9, end: 13, text: 'Kiev', rule: 'r' });
});

test('a built view maps verbatim runs unit by unit and replaced pieces as a whole', () => {
  const input = '<p>AT&amp;T in   Kyiv</p>';
  const b = new TextViewBuilder(input);
  b.verbatim(3, 5).replaced('&', 5, 10).verbatim(10, 14).replaced(' ', 14, 17).verbatim(17, 21);
  const v = b.build();
  assert.equal(v.text, 'AT&T in Kyiv');
  const amp = v.span(2, 3, 'r');
  assert.equal(amp.text, '&amp;');
  const word = v.span(0, 4, 'r');
  assert.equal(word.text, 'AT&amp;T');
  const kyiv = v.span(8, 12, 'r');
  assert.equal(kyiv.text, 'Kyiv');
  assert.equal(v.toView(17), 8);
});

test('spans outside the input are refused', () => {
  assert.throws(() => makeSpan('abc', 2, 5, 'r'), RangeError);
  assert.throws(() => makeSpan('abc', 2, 1, 'r'), RangeError);
});

test('line and column are 1-based', () => {
  assert.deepEqual(lineColumn('ab\ncd\nef', 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab', 0), { line: 1, column: 1 });
});
