import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { splitSentences, tokenize } from '../../src/core/index.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('abbreviations, initials and dotted acronyms do not end sentences', () => {
  assert.deepEqual(sentences('Gen. Valery Gerasimov spoke. The U.S. Defense Department said J. Smith left. It ended.'), [
    'Gen. Valery Gerasimov spoke.',
    'The U.S. Defense Department said J. Smith left.',
    'It ended.',
  ]);
});

test('closing quotes stay with their sentence; lines and headlines are sentences', () => {
  const text = 'Invasion of Belgorod\n“We continue to advance,” he said. “That’s it!” Nothing more.';
  const r = splitSentences(text);
  assert.deepEqual(r.map((s) => text.slice(s.start, s.end)), ['Invasion of Belgorod', '“We continue to advance,” he said.', '“That’s it!”', 'Nothing more.']);
  assert.equal(r[0].headline, true);
  assert.equal(r[1].headline, false);
});

test('no split before a lower-case word or inside numbers', () => {
  assert.deepEqual(sentences('It advanced 1.2 miles. approx. 70,000 people live there.'), ['It advanced 1.2 miles. approx. 70,000 people live there.']);
});

test('a run without punctuation is cut into bounded sentences', () => {
  const text = 'word '.repeat(5000);
  const r = splitSentences(text);
  assert.ok(r.length > 1);
  assert.ok(r.every((s) => s.end - s.start <= 2000));
});

test('tokens are lossless: tokens and whitespace rebuild the text', () => {
  const text = 'Russia’s MiG-17 and F-16s, 70,000 people; U.S. officials — “said” 2023-05-25. They don’t.';
  const tokens = tokenize(text);
  let rebuilt = '';
  let at = 0;
  for (const t of tokens) {
    assert.match(text.slice(at, t.start), /^\s*$/);
    rebuilt += text.slice(at, t.end);
    at = t.end;
  }
  assert.equal(rebuilt + text.slice(at), text);
  const words = tokens.map((t) => text.slice(t.start, t.end));
  assert.ok(words.includes('Russia') && words.includes('’s'), 'the possessive is split off');
  assert.ok(words.includes('do') && words.includes('n’t'), 'n’t is split off');
  assert.ok(words.includes('MiG-17'));
  assert.ok(words.includes('U.S.'));
  assert.ok(words.includes('70,000'));
});

test('the stage emits sentences and the linguistic layer, skipping excluded ranges', () => {
  const input = 'Kyiv said so.\nRead more here.\nMoscow denied it.';
  const base = createDoc({ id: 'x', input, format: 'text' });
  const doc = segmentStage.run({ ...base, excluded: [{ start: 14, end: 29, text: input.slice(14, 29), rule: 'clean/read-more' }] }, {});
  assert.deepEqual(doc.sentences.map((s) => s.text), ['Kyiv said so.', 'Moscow denied it.']);
  for (const w of doc.lang.words) assert.equal(input.slice(w.vStart, w.vEnd), w.text);
  assert.equal(doc.lang.sentences.length, 2);
  assert.equal(doc.lang.words.at(-1)?.sentence, 1);
  assert.deepEqual(doc.lang.words.map((w) => w.text), ['Kyiv', 'said', 'so', '.', 'Moscow', 'denied', 'it', '.']);
  assert.equal(doc.lang.words[5].lemma, 'deny');
});
