import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segments } from '../../src/web/highlight.js';
import { docHref, parseRoute } from '../../src/web/router.js';

const span = (kind: string, start: number, end: number, ref: string | null = null) => ({ kind, start, end, ref, label: kind });

test('segments cover the text exactly, in order, cut at every boundary of nested spans', () => {
  const text = 'Maliar said Bakhmut holds.';
  const spans = [span('claim', 0, 26, 'c1'), span('entity', 0, 6, 'p1'), span('entity', 12, 19, 'g1')];
  const segs = segments(text, spans);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(segs.map((s) => s.text), ['Maliar', ' said ', 'Bakhmut', ' holds.']);
  assert.deepEqual(segs[0].spans.map((s) => s.kind), ['claim', 'entity'], 'outermost first');
  assert.deepEqual(segs[1].spans.map((s) => s.ref), ['c1']);
});

test('spans outside the text or empty are ignored; no spans gives one plain segment', () => {
  assert.deepEqual(segments('abc', [span('x', 2, 9), span('y', 1, 1), span('z', -1, 2)]).map((s) => [s.text, s.spans.length]), [['abc', 0]]);
  assert.deepEqual(segments('', []), []);
});

test('routes round-trip ids with slashes, hashes and spaces', () => {
  const id = 'feed.jsonl#12/a b';
  assert.deepEqual(parseRoute(docHref(id, 'feed.jsonl#12#c3')), { view: 'doc', id, focus: 'feed.jsonl#12#c3' });
  assert.deepEqual(parseRoute(docHref(id)), { view: 'doc', id, focus: null });
  assert.deepEqual(parseRoute('#/entities?q=Malyar'), { view: 'entities', q: 'Malyar' });
  assert.deepEqual(parseRoute(''), { view: 'home' });
  assert.deepEqual(parseRoute('#/nonsense'), { view: 'home' });
});
