/**
 * `sitrep serve` as a user runs it: a child process on a free port over a PGlite folder, serving the API and
 * the UI, stopping cleanly on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from '../../src/web/build.js';
import { spawnServe } from '../cli/spawn-serve.js';

test('sitrep serve answers the API and the page, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const web = await buildWeb(join(dir, 'web'));
  const server = await spawnServe(['--db', join(dir, 'db'), '--web', web], { SITREP_TOKEN: 'tok', DATABASE_URL: '' });
  try {
    const url = server.url;
    const api = await fetch(`${url}/api/openapi.json`);
    assert.equal(api.status, 200);
    assert.equal(((await api.json()) as { openapi: string }).openapi, '3.1.0');
    const pageRes = await fetch(`${url}/`);
    assert.equal(pageRes.status, 200);
    assert.match(await pageRes.text(), /<title>sitrep/);
    assert.equal((await fetch(`${url}/app.js`)).status, 200);
    const post = await fetch(`${url}/api/documents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    assert.equal(post.status, 401, 'SITREP_TOKEN protects writes');
    assert.match(server.output().out, /writes need the token/);
  } finally {
    assert.equal(await server.stop(), 0, server.output().err);
    rmSync(dir, { recursive: true, force: true });
  }
});
