/**
 * `sitrep report` and `sitrep export` end to end on a store of the seed articles: Markdown to standard output,
 * HTML and an ACLED CSV to files, a clear error for a PDF without Chromium, and flags checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS } from '../../src/export/index.js';
import { SEEDS } from '../report/seed-desk.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-report-'));
const db = join(dir, 'db');
const ingest = await runCli(['ingest', '--db', db, SEEDS]);
assert.equal(ingest.code, 0, ingest.stderr);

test('sitrep report prints the Markdown report of the latest day: control of Bakhmut contested', async () => {
  const run = await runCli(['report', '--db', db]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^# Situation report — 2023-05-25/);
  assert.match(run.stdout, /### Control of Bakhmut — contested/);
  assert.match(run.stdout, /\*\*RU\*\*: asserts RU control/);
  assert.match(run.stdout, /\*\*UA\*\*: asserts UA control/);
});

test('sitrep report --out writes HTML by the extension; an empty period says so', async () => {
  const out = join(dir, 'report.html');
  const run = await runCli(['report', '--db', db, '--since', '2023-05-01', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /html written to .*report\.html/);
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>.*Situation report — 2023-05-01 to 2023-05-25/s);
  const empty = await runCli(['report', '--db', db, '--date', '2020-01-01']);
  assert.match(empty.stdout, /Nothing was reported for 2020-01-01/);
});

test('sitrep report --format pdf without Chromium says how to get one', async () => {
  const run = await runCli(['report', '--db', db, '--format', 'pdf', '--out', join(dir, 'r.pdf')], { env: { SITREP_CHROMIUM: '/nonexistent/chromium' } });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^sitrep report: SITREP_CHROMIUM is set to \/nonexistent\/chromium, which does not exist/);
});

test('sitrep export writes ACLED CSV that a CSV parser reads back', async () => {
  const out = join(dir, 'events.csv');
  const run = await runCli(['export', '--db', db, '--format', 'acled', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]), [...ACLED_COLUMNS]);
  assert.ok(rows.some((r) => r.admin1 === 'Donetsk' && r.location === 'Bakhmut'));
  const geo = await runCli(['export', '--db', db, '--format', 'geojson', '--place', 'Bakhmut']);
  assert.equal(JSON.parse(geo.stdout).type, 'FeatureCollection');
});

test('bad flags are one line and exit code 2', async () => {
  for (const args of [['report', '--format', 'docx'], ['report', '--date', '2023-13-01'], ['report', '--since', '2023-06-01', '--date', '2023-05-01'], ['report', '--bbox', '1,2'], ['export'], ['export', '--format', 'xlsx']]) {
    const run = await runCli([...args, '--db', db]);
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  }
});
