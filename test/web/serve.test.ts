/**
 * `sitrep serve` as a user runs it: a child process on a free port over a PGlite folder, serving the API and
 * the UI, stopping cleanly on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from '../../src/web/build.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;

test('sitrep serve answers the API and the page, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const web = await buildWeb(join(dir, 'web'));
  const script = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'serve', '--port', '0', '--db', join(dir, 'db'), '--web', web], {
    env: { ...process.env, SITREP_TOKEN: 'tok', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    const url = await new Promise<string>((resolveUrl, rejectUrl) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /serving (http:\/\/\S+?)\/? /.exec(out);
        if (m) resolveUrl(m[1]);
      });
      child.on('exit', () => rejectUrl(new Error(`serve exited early: ${out}${err}`)));
    });
    const api = await fetch(`${url}/api/openapi.json`);
    assert.equal(api.status, 200);
    assert.equal(((await api.json()) as { openapi: string }).openapi, '3.1.0');
    const pageRes = await fetch(`${url}/`);
    assert.equal(pageRes.status, 200);
    assert.match(await pageRes.text(), /<title>sitrep/);
    assert.equal((await fetch(`${url}/app.js`)).status, 200);
    const post = await fetch(`${url}/api/documents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    assert.equal(post.status, 401, 'SITREP_TOKEN protects writes');
    assert.match(out, /writes need the token/);
  } finally {
    child.kill('SIGTERM');
    assert.equal(await exited, 0, err);
    rmSync(dir, { recursive: true, force: true });
  }
});
