import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventListing, groupEvents, indexEntities, LISTING_REPORTS } from '../../src/crossdoc/index.js';
import { article, bakhmut, kozinka, maliar, mod } from './build-docs.js';

test('one entity written two ways in two articles is one entry with both aliases and their dates', () => {
  const a = article({ id: 'a', outlet: 'o', published: '2023-05-12', claims: [{ speaker: maliar, as: 'Hanna Maliar', sentence: 'Hanna Maliar said so.' }] });
  const b = article({ id: 'b', outlet: 'p', published: '2023-05-25', claims: [{ speaker: maliar, as: 'Hannah Malial', sentence: 'Hannah Malial said so.' }, { speaker: maliar, as: 'HANNAH MALIAL', sentence: 'HANNAH MALIAL said so.' }] });
  const e = indexEntities([a, b]).get(maliar.id);
  assert.ok(e);
  assert.equal(e.side, 'UA');
  assert.equal(e.mentions, 3);
  assert.deepEqual(e.docIds, ['a', 'b']);
  assert.deepEqual(e.aliases.map((x) => [x.text, x.count, x.firstSeen, x.lastSeen]), [
    ['Hannah Malial', 2, '2023-05-25', '2023-05-25'],
    ['Hanna Maliar', 1, '2023-05-12', '2023-05-12'],
  ]);
});

test('reports of one event by two outlets are grouped and corroborated; another place stays apart', () => {
  const strike = { type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack' };
  const a = article({ id: 'a', outlet: 'o', published: '2023-05-22', events: [{ ...strike, place: bakhmut, sentence: 'Shells hit Bakhmut overnight.' }] });
  const b = article({ id: 'b', outlet: 'p', published: '2023-05-23', events: [{ ...strike, place: bakhmut, sentence: 'Artillery struck Bakhmut.' }, { ...strike, place: kozinka, sentence: 'Kozinka was shelled.' }] });
  const groups = groupEvents([a, b]);
  const atBakhmut = groups.find((g) => g.place === bakhmut.id);
  assert.ok(atBakhmut);
  assert.equal(atBakhmut.reports.length, 2);
  assert.equal(atBakhmut.status, 'corroborated');
  assert.equal(atBakhmut.lat, bakhmut.lat);
  assert.equal(groups.find((g) => g.place === kozinka.id)?.status, 'single-source');
  for (const r of atBakhmut.reports) assert.equal([a, b].find((d) => d.id === r.docId)?.input.slice(r.evidence.start, r.evidence.end), r.evidence.text);
});

test('an event reported by one speaker through two outlets is single-source', () => {
  const strike = { type: 'Battles', subType: 'Armed clash' };
  const mk = (id: string, outlet: string) =>
    article({ id, outlet, published: '2023-05-22', claims: [{ speaker: mod, as: 'Russian Defence Ministry', sentence: 'The Russian Defence Ministry said fighting went on.' }], events: [{ ...strike, place: kozinka, sentence: 'Fighting in Kozinka.', claim: 1 }] });
  const [g] = groupEvents([mk('a', 'o'), mk('b', 'p')]);
  assert.equal(g.reports.length, 2);
  assert.equal(g.sources.total, 1);
  assert.equal(g.status, 'single-source');
});

test('a listing item of an event keeps its latest reports, counts them all and gives every report\'s date', () => {
  const strike = { type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack' };
  // Fourteen outlets report the shelling over two days, one of them twice: one event (no gap over the window).
  const docs = Array.from({ length: 14 }, (_, i) => article({
    id: `d${String(i).padStart(2, '0')}`, outlet: `outlet-${i}`, published: i < 5 ? '2023-05-22' : '2023-05-23',
    events: [{ ...strike, place: bakhmut, sentence: 'Shells hit Bakhmut overnight.' }, ...(i === 13 ? [{ ...strike, place: bakhmut, sentence: 'Bakhmut was shelled again.' }] : [])],
  }));
  const [g, ...rest] = groupEvents(docs);
  assert.equal(rest.length, 0);
  assert.equal(g.reports.length, 15);
  const item = eventListing(g);
  assert.equal(item.reportCount, 15);
  assert.equal(item.docCount, 14);
  assert.equal(item.reports.length, LISTING_REPORTS);
  assert.deepEqual(item.reports, g.reports.slice(-LISTING_REPORTS), 'the latest, in date order');
  assert.deepEqual(item.reportDates, [['2023-05-22', 5], ['2023-05-23', 10]]);
  // Everything judged over every report stays as it is.
  assert.deepEqual({ ...item, reports: g.reports, reportCount: undefined, docCount: undefined, reportDates: undefined }, { ...g, reportCount: undefined, docCount: undefined, reportDates: undefined });
  assert.equal(eventListing(groupEvents(docs.slice(0, 2))[0]).reports.length, 2, 'a short event keeps every report');
});
