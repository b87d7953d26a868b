import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bandKeys,
  fingerprintDoc,
  fingerprintText,
  keptText,
  MINHASH_SIZE,
  minhash,
  NEAR_DUPLICATE_SIMILARITY,
  normalizeText,
  shingleHashes,
  similarity,
  words,
} from '../../src/store/fingerprint.js';
import { makeSpan } from '../../src/core/index.js';
import { ARTICLE, htmlTwin, textDoc } from './sample-article.js';

test('normalizeText folds case, width, quotes, dashes and whitespace', () => {
  assert.equal(normalizeText('  “Bakhmut”\u00A0—\tIt’s   ＫＹＩＶ\r\n'), '"bakhmut" - it\'s kyiv');
});

test('keptText removes excluded ranges and keeps the words around them apart', () => {
  const doc = textDoc('a', 'Alpha beta.Read more: xyzGamma delta.', {}, [[11, 25]]);
  assert.equal(keptText(doc), 'Alpha beta. Gamma delta.');
  assert.deepEqual(words(normalizeText(keptText(doc))), ['alpha', 'beta', 'gamma', 'delta']);
});

test('the same text with different quotes, dashes and spacing has the same hash', () => {
  const a = fingerprintText(ARTICLE);
  const b = fingerprintText(ARTICLE.replace(/“|”/g, '"').replace(/—/g, '-').replace(/\n\n/g, '\r\n\r\n  '));
  assert.equal(a.hash, b.hash);
  assert.deepEqual(a.minhash, b.minhash);
});

test('a text file and its HTML twin have the same hash', () => {
  const text = fingerprintDoc(textDoc('t', ARTICLE));
  const html = fingerprintDoc(htmlTwin('h', ARTICLE));
  assert.equal(html.hash, text.hash);
});

test('the headline of a text file is not part of the fingerprint, so a retitled copy is an exact duplicate', () => {
  const body = ARTICLE.slice(ARTICLE.indexOf('\n\n') + 2);
  const withTitle = (title: string) => {
    const input = `${title}\n\n${body}`;
    return { ...textDoc('t', input), title: { value: title, span: makeSpan(input, 0, title.length, 'ingest/first-line-title') } };
  };
  const a = fingerprintDoc(withTitle('Ukraine says its forces are holding positions near Bakhmut'));
  const b = fingerprintDoc(withTitle('Fighting rages around Bakhmut'));
  assert.equal(a.hash, b.hash);
  assert.equal(a.hash, fingerprintText(body).hash);
  // A title that is not in the view (an HTML <title>) removes nothing.
  const html = htmlTwin('h', body);
  const titled = { ...html, title: { value: 'Article', span: makeSpan(html.input, html.input.indexOf('Article'), html.input.indexOf('Article') + 7, 'ingest/html-title') } };
  assert.equal(fingerprintDoc(titled).hash, a.hash);
});

test('boilerplate excluded in one copy does not change the hash', () => {
  const withBoilerplate = `${ARTICLE}\nShare this article on Facebook\n`;
  const start = withBoilerplate.indexOf('Share');
  const doc = textDoc('b', withBoilerplate, {}, [[start, withBoilerplate.length]]);
  assert.equal(fingerprintDoc(doc).hash, fingerprintText(ARTICLE).hash);
});

test('a lightly edited copy is similar enough and shares a band key', () => {
  const edited = ARTICLE.replace('eleven attacks', 'twelve attacks').replace('several houses', 'three houses');
  const a = fingerprintText(ARTICLE);
  const b = fingerprintText(edited);
  assert.notEqual(a.hash, b.hash);
  const sim = similarity(a.minhash!, b.minhash!);
  assert.ok(sim >= NEAR_DUPLICATE_SIMILARITY, `similarity ${sim}`);
  assert.ok(a.bands!.some((key, band) => key === b.bands![band]));
});

test('a copy with a paragraph added is still a near duplicate', () => {
  const longer = `${ARTICLE}\nThe Kremlin declined to comment on the reports when asked by journalists on Friday.\n`;
  const sim = similarity(fingerprintText(ARTICLE).minhash!, fingerprintText(longer).minhash!);
  assert.ok(sim >= NEAR_DUPLICATE_SIMILARITY, `similarity ${sim}`);
});

test('a different article is not similar and shares no band key', () => {
  const other = `The city council approved a new budget for public transport on Tuesday, raising bus fares by ten percent
and promising twenty new electric trams by the end of next year. Opposition members said the plan ignored the suburbs,
where residents have complained for years about cancelled routes and long waits in winter. The mayor defended the plan,
saying the trams would cut emissions and that fares had not risen since before the pandemic.`;
  const a = fingerprintText(ARTICLE);
  const b = fingerprintText(other);
  assert.ok(similarity(a.minhash!, b.minhash!) < 0.2);
  assert.ok(!a.bands!.some((key, band) => key === b.bands![band]));
});

test('half of an article is not a near duplicate of the whole', () => {
  const half = ARTICLE.slice(0, Math.floor(ARTICLE.length / 2));
  const sim = similarity(fingerprintText(ARTICLE).minhash!, fingerprintText(half).minhash!);
  assert.ok(sim < NEAR_DUPLICATE_SIMILARITY, `similarity ${sim}`);
});

test('short texts get no signature, and empty texts hash their raw input', () => {
  assert.equal(fingerprintText('Kyiv was shelled overnight.').minhash, null);
  assert.equal(fingerprintText('Kyiv was shelled overnight.').bands, null);
  assert.notEqual(fingerprintDoc(textDoc('a', '   ')).hash, fingerprintDoc(textDoc('b', '\n\n')).hash);
});

test('signatures are 64 signed 32-bit integers with 16 band keys, the same in every run', () => {
  const fp = fingerprintText(ARTICLE);
  assert.equal(fp.minhash!.length, MINHASH_SIZE);
  for (const v of fp.minhash!) assert.ok(Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31);
  assert.equal(fp.bands!.length, 16);
  assert.deepEqual(bandKeys(fp.minhash!), fp.bands);
  assert.deepEqual(fingerprintText(ARTICLE), fp);
});

test('similarity estimates Jaccard overlap of shingle sets', () => {
  const a = new Set(Array.from({ length: 400 }, (_, i) => i * 7919));
  const b = new Set([...a].slice(0, 200));
  const sim = similarity(minhash(a), minhash(b));
  assert.ok(sim > 0.3 && sim < 0.7, `similarity ${sim}`);
  assert.equal(similarity(minhash(a), minhash(a)), 1);
});

test('shingleHashes: fewer words than a shingle still make one shingle; repeats count once', () => {
  assert.equal(shingleHashes(['kyiv', 'shelled']).size, 1);
  assert.equal(shingleHashes([]).size, 0);
  assert.equal(shingleHashes(words('a b c d a b c d a b c d')).size, 4);
});
