import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { SEEDS } from '../../scripts/shared-dir.js';

const seeds = SEEDS.slice(0, -1);

test('extract prints one contract object per seed with its publication date, boilerplate and resolved weekdays', async () => {
  const r = await runCli(['extract', `${seeds}/000_deb4d5127912b402.txt`, `${seeds}/002_b39c71e25f6389a8.txt`]);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => d.published), ['2023-05-25', '2023-05-12']);
  for (const d of docs) for (const key of ['id', 'title', 'entities', 'claims', 'events', 'messages', 'times', 'excluded']) assert.ok(key in d, key);
  const excluded = docs[1].excluded.map((e: { text: string }) => e.text);
  assert.ok(excluded.includes('Read more exclusive news from Political IQ.'));
  const times = new Map(docs[1].times.map((t: { text: string; value: string }) => [t.text, t.value]));
  assert.equal(times.get('On Wednesday'), '2023-05-10');
  assert.equal(times.get('Overnight Thursday'), '2023-05-11');
});

test('extract reads stdin, and --published dates an undated input; relative dates stay unresolved without one', async () => {
  const text = 'Officials said on Wednesday that two drones were shot down.';
  const dated = await runCli(['extract', '--published', '2023-05-12'], { stdin: text });
  const d = JSON.parse(dated.stdout);
  assert.equal(d.published, '2023-05-12');
  assert.equal(d.times[0].value, '2023-05-10');
  const undated = JSON.parse((await runCli(['extract'], { stdin: text })).stdout);
  assert.equal(undated.published, null);
  assert.equal(undated.times[0].value, null);
  assert.match(undated.times[0].unresolved, /publication date/);
});

test('bad inputs: one line each as file:line:col severity reason rule, the batch goes on, exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  writeFileSync(join(dir, 'good.txt'), 'Kyiv said on Monday that drones were shot down.');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'docs.jsonl'), '{"id":"j1","text":"Moscow said it repelled an attack."}\n{bad json\n');
  const r = await runCli(['extract', join(dir, 'good.txt'), join(dir, 'empty.txt'), join(dir, 'missing.txt'), join(dir, 'docs.jsonl')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim().split('\n').length, 2, 'both good documents printed');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 3, r.stderr);
  assert.match(lines[0], /empty\.txt:1:1 error empty file.* ingest\/empty$/);
  assert.match(lines[1], /missing\.txt:1:1 error cannot read: no such file or directory ingest\/read$/);
  assert.match(lines[2], /docs\.jsonl:2:1 error line 2: not valid JSON/);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
});

test('usage errors are one line with exit code 2; --help works on every command', async () => {
  const bad = await runCli(['extract', '--published', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--published must be a date YYYY-MM-DD/);
  assert.equal((await runCli(['nope'])).code, 2);
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  const names = [...help.stdout.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
  assert.ok(names.includes('extract'));
  for (const name of names) {
    const r = await runCli([name, '--help']);
    assert.equal(r.code, 0, name);
    assert.match(r.stdout, /Usage: sitrep/);
  }
});

test('the installed bin runs the compiled CLI (built by npm install through prepare)', { skip: !existsSync('dist/cli/main.js') && 'dist/ not built: run npm run build' }, () => {
  const r = spawnSync(process.execPath, ['bin/sitrep.js', 'extract', `${seeds}/002_b39c71e25f6389a8.txt`], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).published, '2023-05-12');
  const none = spawnSync(process.execPath, ['bin/sitrep.js', 'extract', 'does-not-exist.txt'], { encoding: 'utf8' });
  assert.equal(none.status, 1);
  assert.equal(none.stderr.trim(), 'does-not-exist.txt:1:1 error cannot read: no such file or directory ingest/read');
});

test('the launcher runs as an executable through its first line and prints what node bin/sitrep.js prints', { skip: (!existsSync('dist/cli/main.js') && 'dist/ not built: run npm run build') || (process.platform === 'win32' && 'no shebang on Windows') }, () => {
  const args = ['extract', `${seeds}/002_b39c71e25f6389a8.txt`];
  const env = { ...process.env, DATABASE_URL: '' };
  const direct = spawnSync('bin/sitrep.js', args, { encoding: 'utf8', env });
  assert.equal(direct.status, 0, direct.stderr);
  const viaNode = spawnSync(process.execPath, ['bin/sitrep.js', ...args], { encoding: 'utf8', env });
  assert.equal(viaNode.status, 0, viaNode.stderr);
  assert.ok(direct.stdout.length > 1000);
  assert.equal(direct.stdout, viaNode.stdout);
});

test('extract from the bundle (dist/cli/extract-bundle.cjs, code cache) prints what the compiled modules print: text, HTML, a pooled batch', { skip: !existsSync('dist/cli/extract-bundle.cjs') && 'no bundle: run npm run build' }, async () => {
  const { loadBundledCli } = (await import('../../dist/cli/fast-start.js' as string)) as typeof import('../../src/cli/fast-start.js');
  assert.ok(loadBundledCli(), 'the bundle is stale or missing after npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bundle-'));
  writeFileSync(join(dir, 'page.html'), '<html><head><title>Shelling</title></head><body><article><p>KYIV, May 3 — Russian forces shelled Kharkiv on Tuesday, the governor said.</p></article></body></html>');
  const runs = [
    ['extract', `${seeds}/002_b39c71e25f6389a8.txt`, join(dir, 'page.html')],
    ['extract', '--workers', '2', `${seeds}/000_deb4d5127912b402.txt`, `${seeds}/002_b39c71e25f6389a8.txt`],
  ];
  for (const args of runs) {
    const env = { ...process.env, DATABASE_URL: '', SITREP_POOL_MIN_CHARS: '1' };
    const bundled = spawnSync(process.execPath, ['bin/sitrep.js', ...args], { encoding: 'utf8', env });
    const modules = spawnSync(process.execPath, ['bin/sitrep.js', ...args], { encoding: 'utf8', env: { ...env, SITREP_NO_BUNDLE: '1' } });
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.equal(modules.status, 0, modules.stderr);
    assert.equal(bundled.stdout.trim().split('\n').length, 2);
    assert.equal(bundled.stdout, modules.stdout);
    assert.equal(bundled.stderr, modules.stderr);
  }
});

test('an unreadable --kb file is one sentence and exit code 2, not a stack trace', async () => {
  const r = await runCli(['extract', '--kb', 'no-such-kb.json'], { stdin: 'Kyiv said so.' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^sitrep extract: .*no-such-kb\.json/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('impossible and future publication dates: a warning on the document, read undated; as --published, a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-dates-'));
  const text = 'Kyiv said on Monday that drones were shot down.';
  writeFileSync(join(dir, 'dates.jsonl'), [
    JSON.stringify({ id: 'bad', text, published: '2014-13-01' }),
    JSON.stringify({ id: 'future', text, published: '2099-01-01' }),
    JSON.stringify({ id: 'good', text, published: '2023-05-12' }),
  ].join('\n'));
  const r = await runCli(['extract', join(dir, 'dates.jsonl')]);
  assert.equal(r.code, 0, 'warnings do not fail the batch');
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => [d.id, d.published, d.times[0].value]), [['bad', null, null], ['future', null, null], ['good', '2023-05-12', '2023-05-08']]);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[0], /dates\.jsonl:1:1 warning publication date "2014-13-01" is not a calendar date: ignored, the document is read as undated ingest\/jsonl-published-refused$/);
  assert.match(lines[1], /dates\.jsonl:2:1 warning publication date 2099-01-01 is in the future/);
  // --published fills in the refused dates, like any missing one.
  const filled = (await runCli(['extract', '--published', '2023-05-20', join(dir, 'dates.jsonl')])).stdout.trim().split('\n').map((l) => JSON.parse(l).published);
  assert.deepEqual(filled, ['2023-05-20', '2023-05-20', '2023-05-12']);

  for (const [value, reason] of [['2014-13-01', /--published: publication date "2014-13-01" is not a calendar date/], ['2099-01-01', /--published: publication date 2099-01-01 is in the future/]] as const) {
    const bad = await runCli(['extract', '--published', value], { stdin: text });
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, reason);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  }
});
