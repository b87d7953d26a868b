import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contradicts, groupPropositions, judgeStatus } from '../../src/crossdoc/index.js';
import { article, bakhmut, isw, maliar, mod, prigozhin } from './build-docs.js';

const control = (holder: string, polarity: 'asserts' | 'denies') => ({ kind: 'control', holder, polarity, place: bakhmut });

test('the same speaker quoted by two outlets is one source, not corroboration', () => {
  const a = article({ id: 'a', outlet: 'Reuters', published: '2023-05-20', claims: [{ speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said Bakhmut was captured.', proposition: control('RU', 'asserts') }] });
  const b = article({ id: 'b', outlet: 'AP', published: '2023-05-21', claims: [{ speaker: prigozhin, as: 'Prigozin', sentence: 'Prigozin claimed Bakhmut had fallen.', proposition: control('RU', 'asserts') }] });
  const [p] = groupPropositions([a, b]);
  assert.equal(p.claims.length, 2);
  assert.equal(p.sources.total, 1);
  assert.deepEqual(p.sources.bySide, { RU: 1 });
  assert.equal(p.status, 'single-source');
  assert.deepEqual(p.outlets, ['Reuters', 'AP']);
});

test('two different speakers saying the same thing corroborate it', () => {
  const a = article({
    id: 'a', outlet: 'Reuters', published: '2023-05-20',
    claims: [
      { speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said Bakhmut was captured.', proposition: control('RU', 'asserts') },
      { speaker: mod, as: 'Russian Defence Ministry', sentence: 'The Russian Defence Ministry said Bakhmut was conquered.', proposition: control('RU', 'asserts') },
    ],
  });
  const [p] = groupPropositions([a]);
  assert.equal(p.status, 'corroborated');
  assert.equal(p.sources.total, 2);
  assert.deepEqual(p.sources.bySide, { RU: 2 });
});

test('unattributed reports count by outlet; without speaker text one outlet is one source', () => {
  const a = article({ id: 'a', outlet: 'X', published: '2023-05-20', claims: [{ speaker: null, sentence: 'Reports said Bakhmut was taken.', proposition: control('RU', 'asserts') }] });
  const b = article({ id: 'b', outlet: 'Y', published: '2023-05-20', claims: [{ speaker: null, sentence: 'Reports said Bakhmut had fallen.', proposition: control('RU', 'asserts') }] });
  const unnamed = (d: typeof a) => ({ ...d, claims: d.claims.map((c) => ({ ...c, speakerText: null })) });
  const [p] = groupPropositions([unnamed(a), unnamed(b)]);
  assert.equal(p.sources.total, 2);
  assert.equal(p.status, 'corroborated');
});

test('polarity: asserting what another denies is contested', () => {
  const a = article({
    id: 'a', outlet: 'o', published: '2023-05-20',
    claims: [
      { speaker: mod, as: 'Russian Defence Ministry', sentence: 'The Russian Defence Ministry said Bakhmut was conquered.', proposition: control('RU', 'asserts') },
      { speaker: maliar, as: 'Maliar', sentence: 'Maliar said Russia did not control Bakhmut.', proposition: control('RU', 'denies') },
    ],
  });
  const [p] = groupPropositions([a]);
  assert.equal(p.status, 'contested');
  assert.deepEqual(p.claims.map((c) => c.stance).sort(), ['RU asserts', 'RU denies']);
});

test('polarity: two denials agree, they do not contest', () => {
  const a = article({
    id: 'a', outlet: 'o', published: '2023-05-20',
    claims: [
      { speaker: maliar, as: 'Maliar', sentence: 'Maliar said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
      { speaker: isw, as: 'ISW', sentence: 'ISW said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
    ],
  });
  const [p] = groupPropositions([a]);
  assert.equal(p.status, 'corroborated');
});

test('opposite holders contradict for control but not for advances', () => {
  assert.equal(contradicts('control', { holder: 'RU', polarity: 'asserts' }, { holder: 'UA', polarity: 'asserts' }), true);
  assert.equal(contradicts('advance', { holder: 'RU', polarity: 'asserts' }, { holder: 'UA', polarity: 'asserts' }), false);
  assert.equal(contradicts('advance', { holder: 'UA', polarity: 'asserts' }, { holder: 'UA', polarity: 'denies' }), true);
  assert.equal(contradicts('control', { holder: 'RU', polarity: 'asserts' }, { holder: 'UA', polarity: 'denies' }), false);
  assert.equal(contradicts('control', { holder: null, polarity: 'asserts' }, { holder: 'UA', polarity: 'denies' }), false);
});

test('one speaker changing their mind is not a contest between sources', () => {
  const j = judgeStatus('control', [
    { source: 'person:x', side: 'RU', holder: 'RU', polarity: 'asserts' },
    { source: 'person:x', side: 'RU', holder: 'RU', polarity: 'denies' },
  ]);
  assert.equal(j.status, 'single-source');
});

test('a contest inside one side is contested but not across sides', () => {
  const j = judgeStatus('control', [
    { source: 'person:prigozhin', side: 'RU', holder: 'RU', polarity: 'asserts' },
    { source: 'org:mod', side: 'RU', holder: 'RU', polarity: 'denies' },
  ]);
  assert.equal(j.status, 'contested');
  assert.equal(j.acrossSides, false);
});

test('an unlinked speaker named in full and by surname is one source; two people sharing a surname stay two', () => {
  const a = article({
    id: 'a', outlet: 'o', published: '2023-05-20',
    claims: [
      { speaker: null, as: 'Hannah Malial', sentence: 'Hannah Malial said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
      { speaker: null, as: 'Malial', sentence: 'Malial said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
    ],
  });
  assert.equal(groupPropositions([a])[0].sources.total, 1);
  assert.equal(groupPropositions([a])[0].status, 'single-source');
  const b = article({
    id: 'b', outlet: 'o', published: '2023-05-20',
    claims: [
      { speaker: null, as: 'Anna Smith', sentence: 'Anna Smith said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
      { speaker: null, as: 'John Smith', sentence: 'John Smith said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
      { speaker: null, as: 'Smith', sentence: 'Smith said Russia did not hold Bakhmut.', proposition: control('RU', 'denies') },
    ],
  });
  assert.equal(groupPropositions([b])[0].sources.total, 3, 'the bare surname cannot be assigned to either');
});

test('an unresolved pronoun is not a source of its own: the outlet vouches for it', async () => {
  const { sourceKey } = await import('../../src/crossdoc/index.js');
  assert.equal(sourceKey({ speaker: null, speakerText: 'She' }, 'DW'), 'outlet:DW');
  assert.equal(sourceKey({ speaker: null, speakerText: 'reports' }, 'DW'), 'outlet:DW');
  assert.equal(sourceKey({ speaker: null, speakerText: 'Hanna Maliar' }, 'DW'), 'text:hanna maliar');
  assert.equal(sourceKey({ speaker: 'person:x', speakerText: 'she' }, 'DW'), 'person:x');
});
