import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPropositions, LISTING_CLAIMS_PER_SIDE, propositionListing } from '../../src/crossdoc/index.js';
import { article, bakhmut, isw, maliar, mod, prigozhin } from './build-docs.js';

const ruHolds = { kind: 'control', holder: 'RU', polarity: 'asserts' as const, place: bakhmut };
const ruDoesNotHold = { kind: 'control', holder: 'RU', polarity: 'denies' as const, place: bakhmut };

test('claims of May 12 and May 25 about Bakhmut stay two dated claims, in date order, in one proposition', () => {
  const late = article({
    id: 'late', outlet: 'outlet-b', published: '2023-05-25',
    claims: [
      { speaker: prigozhin, as: 'Yevgeny Prigozin', sentence: 'Yevgeny Prigozin said they had captured Bakhmut.', proposition: ruHolds },
      { speaker: maliar, as: 'Hannah Malial', sentence: 'Hannah Malial said defenders still controlled an area of Bakhmut.', proposition: ruDoesNotHold },
    ],
  });
  const early = article({
    id: 'early', outlet: 'outlet-a', published: '2023-05-12',
    claims: [{ speaker: maliar, sentence: 'Hanna Maliar said Friday the forces hold Bakhmut.', proposition: ruDoesNotHold, date: '2023-05-12' }],
  });
  const [p, ...rest] = groupPropositions([late, early]);
  assert.equal(rest.length, 0);
  assert.equal(p.kind, 'control');
  assert.equal(p.placeName, 'Bakhmut');
  assert.deepEqual(p.claims.map((c) => c.date), ['2023-05-12', '2023-05-25', '2023-05-25']);
  assert.deepEqual(p.claims.map((c) => c.outlet), ['outlet-a', 'outlet-b', 'outlet-b']);
  assert.equal(p.from, '2023-05-12');
  assert.equal(p.to, '2023-05-25');
  assert.equal(p.claims[0].dateFrom, 'claim');
  assert.equal(p.claims[1].dateFrom, 'published');
  assert.equal(p.status, 'contested');
  assert.equal(p.acrossSides, true);
  assert.deepEqual(p.sources.bySide, { UA: 1, RU: 1 });
  assert.deepEqual(p.summary, [
    { side: 'RU', stance: 'RU asserts', sources: 1, latest: '2023-05-25' },
    { side: 'UA', stance: 'RU denies', sources: 1, latest: '2023-05-25' },
  ]);
});

test('evidence spans index the input of their document exactly', () => {
  const doc = article({
    id: 'd', outlet: 'o', published: '2023-05-25', title: 'Headline',
    claims: [{ speaker: mod, sentence: 'The Russian Defence Ministry announced it had conquered Bakhmut.', as: 'Russian Defence Ministry', proposition: ruHolds }],
  });
  const [p] = groupPropositions([doc]);
  const { start, end, text } = p.claims[0].evidence;
  assert.equal(doc.input.slice(start, end), text);
  assert.match(text, /conquered Bakhmut/);
  assert.equal(p.claims[0].speakerName, 'Russian Defence Ministry');
  assert.equal(p.claims[0].side, 'RU');
});

test('a gap longer than the window starts a new proposition; newest first', () => {
  const may = article({ id: 'may', outlet: 'a', published: '2023-05-20', claims: [{ speaker: prigozhin, sentence: 'Prigozhin said Bakhmut was taken.', as: 'Prigozhin', proposition: ruHolds }] });
  const july = article({ id: 'july', outlet: 'b', published: '2023-07-30', claims: [{ speaker: maliar, sentence: 'Maliar said Bakhmut was not held.', as: 'Maliar', proposition: ruDoesNotHold }] });
  const groups = groupPropositions([may, july], { windowDays: 21 });
  assert.equal(groups.length, 2);
  assert.deepEqual(groups.map((g) => g.from), ['2023-07-30', '2023-05-20']);
  assert.ok(groups.every((g) => g.status === 'single-source'));
  assert.equal(groupPropositions([may, july], { windowDays: 90 }).length, 1);
});

test('claims about different places or kinds are different propositions', () => {
  const doc = article({
    id: 'd', outlet: 'o', published: '2023-05-25',
    claims: [
      { speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said Bakhmut was taken.', proposition: ruHolds },
      { speaker: maliar, as: 'Maliar', sentence: 'Maliar said forces advanced near Bakhmut.', proposition: { kind: 'advance', holder: 'UA', polarity: 'asserts', place: bakhmut } },
    ],
  });
  const groups = groupPropositions([doc]);
  assert.deepEqual(groups.map((g) => g.kind).sort(), ['advance', 'control']);
});

test('claims without a proposition are not grouped', () => {
  const doc = article({ id: 'd', outlet: 'o', published: '2023-05-25', claims: [{ speaker: isw, sentence: 'ISW noted the counteroffensive.', as: 'ISW' }] });
  assert.deepEqual(groupPropositions([doc]), []);
});

test('a listing item keeps the latest claims of each side, in date order, and counts them all', () => {
  const day = (n: number) => `2023-05-${String(n).padStart(2, '0')}`;
  // Fifteen Russian claims on fifteen days, two Ukrainian ones: one proposition (no gap over the window).
  const docs = [
    ...Array.from({ length: 15 }, (_, i) => article({
      id: `ru-${i}`, outlet: `outlet-${i}`, published: day(i + 1),
      claims: [{ speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said Bakhmut was taken.', proposition: ruHolds }],
    })),
    ...[3, 20].map((d) => article({
      id: `ua-${d}`, outlet: 'outlet-ua', published: day(d),
      claims: [{ speaker: maliar, as: 'Maliar', sentence: 'Maliar said Bakhmut was not held.', proposition: ruDoesNotHold }],
    })),
  ];
  const [p, ...rest] = groupPropositions(docs);
  assert.equal(rest.length, 0);
  const item = propositionListing(p);
  assert.equal(item.claimCount, 17);
  assert.equal(item.docCount, 17);
  assert.equal(item.claims.length, LISTING_CLAIMS_PER_SIDE + 2);
  assert.deepEqual(item.claims.filter((c) => c.side === 'RU').map((c) => c.date), Array.from({ length: 10 }, (_, i) => day(i + 6)));
  assert.deepEqual(item.claims.filter((c) => c.side === 'UA').map((c) => c.date), [day(3), day(20)]);
  assert.deepEqual(item.claims.map((c) => c.date), [...item.claims.map((c) => c.date)].sort(), 'date order');
  assert.deepEqual(item.docIds, [...new Set(item.claims.map((c) => c.docId))]);
  // Everything judged over every claim stays as it is.
  assert.deepEqual({ ...item, claims: p.claims, docIds: p.docIds, claimCount: undefined, docCount: undefined }, { ...p, claimCount: undefined, docCount: undefined });
});
