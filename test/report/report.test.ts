/**
 * The situation report over the seed articles through the real pipeline: control of Bakhmut stated as contested
 * with both sides' sources, "as of" its last day, an empty period and an empty store saying so, every value
 * escaped, and the Markdown and HTML telling the same story. These tests never skip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryDesk, DeskView } from '../../src/desk/index.js';
import { buildReport, findChromium, NoChromiumError, renderHtml, renderMarkdown, type PropositionItem, type Report } from '../../src/report/index.js';
import { testDoc } from '../http/desk-docs.js';
import { bakhmut, maliar, prigozhin } from '../crossdoc/build-docs.js';
import { seedDesk } from './seed-desk.js';

const { view, admin } = await seedDesk();
const NOW = '2026-01-01T00:00:00Z';

function controlOfBakhmut(report: Report): PropositionItem | undefined {
  return report.areas.flatMap((a) => a.propositions).find((p) => p.kind === 'control' && /bakh?mut/i.test(p.placeName ?? ''));
}

test('the seed report states control of Bakhmut as contested, with both sides and their sources', () => {
  const report = buildReport(view, {}, { admin, now: NOW });
  assert.ok(report.period, 'the period defaults to the latest dated day');
  assert.equal(report.empty, false);
  const p = controlOfBakhmut(report);
  assert.ok(p, 'control of Bakhmut is in the report');
  assert.equal(p.status, 'contested');
  const ru = p.sides.find((s) => s.side === 'RU');
  const ua = p.sides.find((s) => s.side === 'UA');
  assert.ok(ru && ru.stances.some((s) => s.sources >= 2), 'the Russian side with its sources');
  assert.ok(ua && ua.stances.some((s) => s.sources >= 1), 'the Ukrainian side with its sources');
  assert.ok(ru.claims.some((c) => /prigo|wagner/i.test(c.speaker)), 'Wagner or Prigozhin quoted');
  assert.ok(ua.claims.some((c) => /mali/i.test(c.speaker)), 'Maliar quoted');
  for (const c of [...ru.claims, ...ua.claims]) {
    assert.ok(c.outlet && c.date && c.quote, `${c.claimId} cites outlet, date and quote`);
  }
  assert.ok(report.unknowns.contested.some((x) => x.id === p.id), 'listed among what is not known');
  assert.ok(report.takeaways.some((t) => t.kind === 'contested' && t.ref === p.id), 'a key takeaway');
  // The front area comes from the gazetteer: Bakhmut lies in Donetsk oblast.
  assert.match(p.area, /^Donetsk/);

  const md = renderMarkdown(report, { deskUrl: 'http://127.0.0.1:8080/' });
  assert.match(md, /### Control of Bakhmut — contested/);
  assert.match(md, /\*\*RU\*\*: asserts RU control — \d sources/);
  assert.match(md, /\*\*UA\*\*: asserts UA control — 1 source/);
  assert.match(md, /\[evidence\]\(http:\/\/127\.0\.0\.1:8080\/#\/doc\//, 'quotes link to the desk');
  const html = renderHtml(report, { deskUrl: 'http://127.0.0.1:8080/' });
  assert.match(html, /Control of Bakhmut <span class="badge contested">contested<\/span>/);
  assert.match(html, /<svg[^>]*class="map"/, 'a map');
  assert.match(html, /class="mark status-contested"/, 'a contested marker on the map');
  assert.match(html, /class="timeline-chart"/, 'a timeline');
  assert.ok(html.length < 300_000, `a report of two articles stays small (${html.length} characters): shapes off the map are clipped`);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!127\.0\.0\.1:8080\/|www\.w3\.org\/2000\/svg)[a-z]/i, 'no script, nothing from elsewhere but the desk links');
});

test('a report is written as of its last day: claims made later are left out', () => {
  const full = controlOfBakhmut(buildReport(view, {}, { admin, now: NOW }));
  assert.ok(full?.from && full.to && full.from < full.to, 'the proposition spans several days');
  const early = controlOfBakhmut(buildReport(view, { date: full.from }, { admin, now: NOW }));
  assert.ok(early, 'the proposition is in the report of its first day');
  assert.ok(early.sides.flatMap((s) => s.claims).every((c) => c.date !== null && c.date <= full.from!));
  assert.notEqual(early.status, 'contested', 'not yet contested on its first day');
});

test('a report of an empty period says so, and so does one of an empty store', async () => {
  const report = buildReport(view, { date: '2020-01-01' }, { admin, now: NOW });
  assert.equal(report.empty, true);
  assert.deepEqual(report.areas, []);
  assert.match(renderMarkdown(report), /Nothing was reported for 2020-01-01/);
  assert.match(renderHtml(report), /data-empty="true">Nothing was reported for 2020-01-01/);

  const after = buildReport(view, { since: '2030-01-01' }, { admin, now: NOW });
  assert.deepEqual(after.period, { from: '2030-01-01', to: '2030-01-01' }, 'a first day after everything is an empty period, not the latest day');
  assert.equal(after.empty, true);

  const none = buildReport(new DeskView(await memoryDesk().documents()), {}, { now: NOW });
  assert.equal(none.period, null);
  assert.match(renderMarkdown(none), /holds no documents/);
  assert.match(renderHtml(none), /holds no documents/);
});

test('a place filter keeps only that place; an unknown place gives an empty report', () => {
  const report = buildReport(view, { since: '2023-05-01', place: 'Bachmut' }, { admin, now: NOW });
  assert.ok(report.areas.length > 0);
  for (const a of report.areas) for (const p of a.propositions) assert.match(p.placeName ?? '', /bakhmut/i);
  assert.equal(buildReport(view, { since: '2023-05-01', place: 'Atlantis' }, { admin, now: NOW }).empty, true);
});

test('every value from the articles is escaped in HTML and Markdown', () => {
  const evil = 'Maliar said <script>alert(1)</script> that Russia does not control Bakhmut | *yes*.';
  const docs = [
    testDoc({ id: 'a', outlet: 'Kyiv <b>Post</b>', published: '2023-05-12', claims: [{ speaker: maliar, sentence: evil, proposition: { kind: 'control', holder: 'RU', polarity: 'denies', place: bakhmut } }] }),
    testDoc({ id: 'b', outlet: 'DW', published: '2023-05-12', claims: [{ speaker: prigozhin, as: 'Yevgeny Prigozhin', sentence: 'Yevgeny Prigozhin said they had captured Bakhmut.', proposition: { kind: 'control', holder: 'RU', polarity: 'asserts', place: bakhmut } }] }),
  ];
  const report = buildReport(new DeskView(docs), {}, { now: NOW });
  assert.equal(controlOfBakhmut(report)?.status, 'contested');
  const html = renderHtml(report, { deskUrl: 'http://127.0.0.1:8080/' });
  assert.doesNotMatch(html, /<script>|<b>Post/);
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  const md = renderMarkdown(report);
  assert.doesNotMatch(md, /<script>/);
  assert.match(md, /\\<script\\>/);
});

test('printing a PDF without Chromium fails with a sentence saying how to get one', () => {
  assert.throws(() => findChromium({ SITREP_CHROMIUM: '/nonexistent/chromium' }), (e: unknown) => e instanceof NoChromiumError && /SITREP_CHROMIUM/.test(e.message));
});
