import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeWords, scanSentence } from '../../src/stages/places/rules/scan-sentence.js';
import { analyse } from '../../src/core/lang/index.js';
import { realLexicon, smallGazetteer } from './small-gazetteer.js';

const g = smallGazetteer();
const lex = realLexicon();
/** The sentence's words as the stage reads them: the linguistic layer's, over the whole text as one sentence. */
const wordsOf = (text: string) => {
  const lang = analyse(text, [{ start: 0, end: text.length }]);
  return placeWords(lang.words, 0, lang.words.length);
};
const found = (text: string) =>
  // Unknown words are only proposals for the document-level misspelling rule.
  scanSentence(text, wordsOf(text), g, lex).filter((m) => !m.unknown).map((m) => ({ text: text.slice(m.start, m.end), rule: m.rule, unresolved: !!m.unresolved, metonym: !!m.metonym, region: !!m.region }));

test('names, spelling variants and possessives', () => {
  const out = found("Fighting in Bachmut and Kiev's outskirts continued.");
  assert.deepEqual(out.map((m) => m.text), ['Bachmut', 'Kiev']);
});

test('region phrases name the division', () => {
  for (const text of ['Shelling hit the Donetsk region overnight.', 'Shelling hit Belgorod Oblast.', 'Drones flew over the province of Belgorod.']) {
    const [m] = found(text);
    assert.ok(m?.region, text);
  }
  assert.equal(found('Shelling hit the Donetsk region.')[0].text, 'Donetsk region');
});

test('hyphenated forms and X-based', () => {
  assert.deepEqual(found('The Russia-Ukraine war.').map((m) => m.text), ['Russia', 'Ukraine']);
  assert.deepEqual(found('A Moscow-based analyst spoke.').map((m) => m.text), ['Moscow']);
});

test('"Moscow said" is a metonym', () => {
  const [m] = found('Moscow said the strike was a provocation.');
  assert.equal(m.metonym, true);
  assert.equal(found('Troops left Moscow on Friday.')[0].metonym, false);
  assert.equal(found('Moscow has repeatedly denied the claim.')[0].metonym, true);
  assert.equal(found('Moscow is a big city.')[0].metonym, false);
  assert.deepEqual(found('Washington and Moscow said talks failed.').map((m) => m.metonym), [true, true]);
});

test('unknown names after cue phrases are unresolved places', () => {
  const out = found('Saboteurs entered the village of Kozinka near Grayvoronsky.');
  assert.deepEqual(out.filter((m) => m.unresolved).map((m) => m.text), ['Kozinka', 'Grayvoronsky']);
});

test('not places: months, common words, titles before names', () => {
  assert.deepEqual(found('In May the Police said nothing.'), []);
  assert.deepEqual(found('President Washington spoke.'), []);
  assert.deepEqual(found('ukraine in lower case is not a proper name'), []);
});

test('unknown capitalised words are proposed only as possible misspellings', () => {
  const out = scanSentence('Shelling hit Bahkmut again.', wordsOf('Shelling hit Bahkmut again.'), g, lex);
  assert.deepEqual(out.filter((m) => m.unknown).map((m) => m.key), ['shelling', 'bahkmut']);
});

test('a name with a no-break space is one mention', () => {
  assert.deepEqual(found('They met in Belgorod\u00a0Oblast.').map((m) => m.text), ['Belgorod\u00a0Oblast']);
});

test('a name split across a line break is one mention', () => {
  const text = 'He flew to Washington\nD.C. yesterday.';
  assert.deepEqual(found(text).map((m) => m.text), ['Washington\nD.C.']);
});

test('war-report verbs keep unknown front-line villages as unresolved places', () => {
  const out = found('Ukrainian forces liberated Staromaiorske and shelled Urozhaine.');
  assert.deepEqual(out.filter((m) => m.unresolved).map((m) => m.text), ['Staromaiorske', 'Urozhaine']);
  assert.deepEqual(found('They liberated the city.'), []);
});
