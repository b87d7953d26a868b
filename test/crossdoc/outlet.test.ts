import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPropositions, outletOf, UNKNOWN_OUTLET } from '../../src/crossdoc/index.js';
import { article, bakhmut } from './build-docs.js';

test('the outlet is the source, else the URL host, else one "unknown outlet" for all', () => {
  assert.equal(outletOf({ id: 'a', origin: { source: 'Kyiv Independent', url: 'https://www.bbc.co.uk/x' } }), 'Kyiv Independent');
  assert.equal(outletOf({ id: 'a', origin: { url: 'https://www.bbc.co.uk/news/1' } }), 'bbc.co.uk');
  assert.equal(outletOf({ id: 'feed#3', origin: { path: 'f.xml' } }), UNKNOWN_OUTLET);
  assert.equal(outletOf({ id: 'a', origin: { url: 'not a url' } }), UNKNOWN_OUTLET);
  assert.equal(outletOf({ id: 'a', origin: { url: 'file:///tmp/x.html' } }), UNKNOWN_OUTLET);
  assert.equal(outletOf({ id: 'b', origin: {} }), outletOf({ id: 'c', origin: {} }));
});

test('two documents of unknown outlet do not corroborate an unattributed report', () => {
  const claim = (sentence: string) => ({
    speaker: null, sentence, proposition: { kind: 'control', holder: 'RU', polarity: 'asserts' as const, place: bakhmut },
  });
  const docs = [
    article({ id: 'a', outlet: outletOf({ id: 'a', origin: {} }), published: '2023-05-20', claims: [claim('Reports said Bakhmut was taken.')] }),
    article({ id: 'b', outlet: outletOf({ id: 'b', origin: {} }), published: '2023-05-20', claims: [claim('Reports said Bakhmut had fallen.')] }),
  ].map((d) => ({ ...d, claims: d.claims.map((c) => ({ ...c, speakerText: null })) }));
  const [p] = groupPropositions(docs);
  assert.equal(p.sources.total, 1);
  assert.equal(p.status, 'single-source');
});
