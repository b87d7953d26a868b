import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translitKey } from '../../src/stages/entities/rules/fold.js';
import { accepts, scorePersonMatch, type PersonFeatures } from '../../src/stages/entities/rules/person-match.js';
import { keySimilarity } from '../../src/stages/entities/rules/similarity.js';
import { defaultLexicon } from '../../src/stages/entities/lexicon.js';

const lex = defaultLexicon();
const classOf = (k: string) => lex.givenNames.get(k);
const person = (first: string, last: string, more: Partial<PersonFeatures> = {}): PersonFeatures => ({
  firstKeys: first ? [translitKey(first)] : [],
  lastKeys: [translitKey(last)],
  roleHeads: [],
  cooc: [],
  ...more,
});

test('transliteration variants share a key', () => {
  const same = [
    ['Prigozhin', 'Prigozin'],
    ['Cherevatyi', 'Cherevati'],
    ['Yusov', 'Yusoff'],
    ['Syrskyi', 'Syrskiy'],
    ['Syrsky', 'Syrskyi'],
    ['Maliar', 'Malyar'],
    ['Yevgeny', 'Evgeny'],
    ['Hanna', 'Hannah'],
    ['Zelensky', 'Zelenskyy'],
    ['Путин', 'Putin'],
    ['Łukasz', 'Lukasz'],
  ];
  for (const [a, b] of same) assert.equal(translitKey(a), translitKey(b), `${a} / ${b}`);
  assert.notEqual(translitKey('Biden'), translitKey('Bidet'));
});

test('l/r and vowel confusions are cheap, other letters are not', () => {
  assert.ok(keySimilarity(translitKey('Malial'), translitKey('Maliar')) >= 0.9);
  assert.ok(keySimilarity(translitKey('Silsky'), translitKey('Syrskyi')) >= 0.9);
  assert.ok(keySimilarity(translitKey('Smith'), translitKey('Smart')) < 0.8);
});

test('variants of one person are merged', () => {
  assert.ok(accepts(scorePersonMatch(person('Hannah', 'Malial'), person('Hanna', 'Maliar'), classOf)));
  assert.ok(accepts(scorePersonMatch(person('Hana', 'Malyar'), person('Hanna', 'Maliar'), classOf)));
  assert.ok(accepts(scorePersonMatch(person('Sergey', 'Cherevati'), person('Serhiy', 'Cherevatyi'), classOf)));
  assert.ok(accepts(scorePersonMatch(person('Andrei', 'Yusov'), person('Andriy', 'Yusov'), classOf)));
  assert.ok(accepts(scorePersonMatch(person('', 'Yusoff'), person('Andriy', 'Yusov'), classOf)));
});

test('people sharing a surname are kept apart', () => {
  assert.ok(!accepts(scorePersonMatch(person('Hunter', 'Biden'), person('Joe', 'Biden'), classOf)));
  assert.ok(!accepts(scorePersonMatch(person('Oleg', 'Bratchuk', { side: 'RU' }), person('Serhiy', 'Bratchuk', { side: 'UA' }), classOf)));
  // Same surname, same first name, opposite sides: two people.
  assert.ok(!accepts(scorePersonMatch(person('Ivan', 'Petrov', { side: 'RU' }), person('Ivan', 'Petrov', { side: 'UA' }), classOf)));
});

test('a one-letter difference in a short first name needs context', () => {
  const bare = scorePersonMatch(person('Jack', 'Sullivan'), person('Jake', 'Sullivan'), classOf);
  assert.ok(!accepts(bare));
  const ctx = { side: 'US', roleHeads: ['adviser'] };
  assert.ok(accepts(scorePersonMatch(person('Jack', 'Sullivan', ctx), person('Jake', 'Sullivan', ctx), classOf)));
});
