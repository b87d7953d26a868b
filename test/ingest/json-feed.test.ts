/** JSON Feed (jsonfeed.org 1.x): items as documents with date, link and outlet; read from a `.json` file too. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeJsonFeed, readDecoded, readJsonFeed } from '../../src/ingest/index.js';

const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Daily Wire',
  items: [
    { id: 'a1', url: 'https://example.org/a1', title: 'Strike', content_html: '<p>Officials said a strike <b>hit</b> the depot.</p>', date_published: '2023-05-25T08:00:00Z' },
    { id: 2, title: 'Plain', content_text: 'A plain text item.', date_modified: '2023-05-24' },
    { id: 'late', content_text: 'Dated in the future.', date_published: '2999-01-01T00:00:00Z' },
    { title: 'Empty' },
    'not an object',
  ],
});

test('items become documents: HTML content read as a page fragment, dates checked, broken items reported', () => {
  const r = readJsonFeed(feed, 'daily', { path: 'daily.json' }, new Date('2023-06-01T00:00:00Z'));
  assert.deepEqual(r.docs.map((d) => d.id), ['a1', '2', 'late']);
  const [html, plain, late] = r.docs;
  assert.equal(html.format, 'feed-item');
  assert.equal(html.origin?.url, 'https://example.org/a1');
  assert.equal(html.origin?.source, 'Daily Wire');
  assert.equal(html.published?.value, '2023-05-25');
  assert.equal(html.view?.text.trim(), 'Officials said a strike hit the depot.');
  assert.equal(plain.view, undefined, 'text content is read as text');
  assert.equal(plain.published?.value, '2023-05-24');
  assert.equal(late.published, undefined);
  assert.match(late.messages?.[0].reason ?? '', /in the future/);
  assert.deepEqual(r.errors.map((e) => e.reason), ['item 4 ("Empty"): no content_html, content_text or summary, skipped', 'item 5: not an object, skipped']);
});

test('a JSON Feed file is read as a feed; other JSON is not taken for one', () => {
  assert.equal(looksLikeJsonFeed(feed), true);
  assert.equal(looksLikeJsonFeed('{"version":"1","items":[]}'), false);
  assert.equal(looksLikeJsonFeed('{"text":"jsonfeed.org is a site"}'), false);
  const r = readDecoded(feed, 'utf-8', 'in/daily.json', 'daily', 'json');
  assert.deepEqual(r.docs.map((d) => d.id), ['a1', '2', 'late']);
  const notFeed = readJsonFeed('{"items":[]}', 'x', {});
  assert.match(notFeed.errors[0].reason, /not a JSON Feed/);
});
