import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, MAX_QUOTE_LENGTH } from '../../src/stages/claims/rules/quotes.js';

const inner = (text: string) => findQuotes(text).map((q) => text.slice(q.open + q.mark, q.close));

test('pairs curly and straight quotes', () => {
  assert.deepEqual(inner('He said “we hold it” and "they lie".'), ['we hold it', 'they lie']);
});

test('keeps nested marks inside the outer quote', () => {
  assert.deepEqual(inner('She said “statements about ‘breakthroughs’ are false.”'), ['statements about ‘breakthroughs’ are false.']);
});

test("reads doubled apostrophes as quotation marks", () => {
  assert.deepEqual(inner("''It is over,'' he said."), ['It is over,']);
});

test('drops an unbalanced quote at a paragraph break', () => {
  assert.deepEqual(inner('He said “we hold it.\n\nNext paragraph without a close.'), []);
});

test('German and guillemet quotes', () => {
  assert.deepEqual(inner('Er sagte „wir halten“ und «нет».'), ['wir halten', 'нет']);
});

test('never pairs a quote longer than the cap', () => {
  const long = `“${'word '.repeat(MAX_QUOTE_LENGTH)}”`;
  assert.deepEqual(findQuotes(long), []);
});

test('nested marks of the same kind close the inner quote first', () => {
  assert.deepEqual(inner('She said “we call it “the meat grinder” here” and left.'), ['we call it “the meat grinder” here']);
});
