import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterStories } from '../../src/crossdoc/index.js';
import { article, bakhmut, kozinka, maliar, prigozhin } from './build-docs.js';

const capture = 'Wagner mercenaries claimed the capture of Bakhmut after months of street fighting; Kyiv said its troops still hold the southwestern outskirts near the MiG monument.';
const raid = 'Armed militias crossed from Ukraine into the Belgorod region and occupied the village of Kozinka, the regional governor said, as border guards fought sabotage groups.';

const doc = (id: string, outlet: string, published: string | null, text: string, places = [bakhmut]) =>
  article({
    id, outlet, published, title: text.slice(0, 40),
    claims: places.map((p, i) => ({ speaker: i ? maliar : prigozhin, as: i ? 'Maliar' : 'Prigozhin', sentence: `Prigozhin and Maliar spoke about ${p.name}.`, proposition: { kind: 'control', holder: 'RU', polarity: 'asserts' as const, place: p } })),
    filler: text,
  });

test('the same happening from two outlets within days is one story', () => {
  const stories = clusterStories([
    doc('a', 'Reuters', '2023-05-21', capture),
    doc('b', 'AP', '2023-05-22', capture.replace('claimed', 'announced')),
    doc('c', 'BBC', '2023-05-22', raid, [kozinka]),
  ]);
  const withA = stories.find((s) => s.docIds.includes('a'));
  assert.ok(withA);
  assert.deepEqual([...withA.docIds].sort(), ['a', 'b']);
  assert.deepEqual([...withA.outlets].sort(), ['AP', 'Reuters']);
  assert.equal(withA.from, '2023-05-21');
  assert.equal(withA.to, '2023-05-22');
  assert.equal(stories.length, 2);
});

test('the same wording weeks apart is not one story', () => {
  const stories = clusterStories([doc('a', 'Reuters', '2023-05-01', capture), doc('b', 'AP', '2023-05-25', capture)]);
  assert.equal(stories.length, 2);
});

test('an article without a date joins only on much closer wording', () => {
  const stories = clusterStories([doc('a', 'Reuters', '2023-05-21', capture), doc('b', 'AP', null, raid, [kozinka])]);
  assert.equal(stories.length, 2);
  assert.equal(clusterStories([doc('a', 'Reuters', '2023-05-21', capture), doc('b', 'AP', null, capture)]).length, 1);
});

test('no documents, no stories', () => {
  assert.deepEqual(clusterStories([]), []);
});
