/**
 * `GET /api/report` and `GET /api/export` over the hand-made desk: formats, downloads, validation, and the report
 * page's stylesheet allowed by the response's Content-Security-Policy nonce (and nothing else inline).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { check } from '@placemarkio/check-geojson';
import { createDoc } from '../../src/core/index.js';
import { createApp, memoryDesk } from '../../src/http/index.js';
import { ACLED_COLUMNS } from '../../src/export/index.js';
import { deskDocs } from './desk-docs.js';

const app = createApp({ store: memoryDesk(deskDocs()), extract: async (inits) => inits.map((i) => createDoc(i)) });

test('the HTML report is one page whose only inline stylesheet carries the CSP nonce', async () => {
  const res = await app.request('http://127.0.0.1:8080/api/report?from=2023-05-01&to=2023-05-31');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce, `a style nonce in ${csp}`);
  assert.match(csp, /script-src 'self'/);
  const html = await res.text();
  assert.ok(html.includes(`<style nonce="${nonce}">`));
  assert.match(html, /Control of Bakhmut <span class="badge contested">/);
  assert.match(html, /href="http:\/\/127\.0\.0\.1:8080\/#\/doc\/dw%2325\/dw%2325%23c1"/, 'quotes link to the evidence in this desk');
  assert.doesNotMatch(html, /<script/);
});

test('Markdown and JSON reports; an empty period says so', async () => {
  const md = await app.request('/api/report?format=md&from=2023-05-01&to=2023-05-31');
  assert.match(md.headers.get('content-disposition') ?? '', /attachment; filename="sitrep-report-2023-05-01_2023-05-31\.md"/);
  assert.match(await md.text(), /### Control of Bakhmut — contested/);
  const json = (await (await app.request('/api/report?format=json&to=2023-05-25')).json()) as { period: { to: string }; empty: boolean };
  assert.equal(json.period.to, '2023-05-25');
  assert.equal(json.empty, false);
  const empty = await app.request('/api/report?format=md&to=2020-01-01');
  assert.match(await empty.text(), /Nothing was reported for 2020-01-01/);
});

test('report and export parameters are validated', async () => {
  for (const path of ['/api/report?format=docx', '/api/report?to=2023-02-30', '/api/report?from=2023-06-01&to=2023-05-01', '/api/report?bbox=1,2,3', '/api/report?color=red', '/api/export', '/api/export?format=xlsx']) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.ok(((await res.json()) as { error: { message: string } }).error.message, path);
  }
});

test('exports download as files: ACLED CSV, GeoJSON and JSON Lines', async () => {
  const csv = await app.request('/api/export?format=acled');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="sitrep-acled-all\.csv"/);
  const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]), [...ACLED_COLUMNS]);
  assert.ok(rows.some((r) => r.location === 'Kozinka'));
  const geo = await app.request('/api/export?format=geojson&place=Bakhmut');
  assert.equal(geo.headers.get('content-type'), 'application/geo+json');
  const fc = check(await geo.text()) as GeoJSON.FeatureCollection;
  assert.ok(fc.features.length > 0 && fc.features.every((f) => f.properties?.placeName === 'Bakhmut'));
  const jsonl = await app.request('/api/export?format=jsonl&from=2023-05-20');
  for (const line of (await jsonl.text()).trimEnd().split('\n')) assert.ok(JSON.parse(line).record);
});
