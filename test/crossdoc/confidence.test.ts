/**
 * Confident by default: the desk, the API and `sitrep contested` show propositions with confidence at or above
 * DEFAULT_MIN_CONFIDENCE unless asked for all; claims whose speaker is unresolved are shown but are no source.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Doc } from '../../src/core/index.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_MIN_CONFIDENCE, groupPropositions, judgeStatus } from '../../src/crossdoc/index.js';
import { createApp, memoryDesk } from '../../src/http/index.js';
import { createDoc } from '../../src/core/index.js';
import { openStore } from '../../src/store/index.js';
import { article, bakhmut, maliar, prigozhin } from './build-docs.js';
import { testDoc } from '../http/desk-docs.js';

const weak = { kind: 'control', holder: 'UA', polarity: 'asserts' as const, place: bakhmut, confidence: 0.3 };
const strong = { kind: 'control', holder: 'RU', polarity: 'asserts' as const, place: bakhmut, confidence: 0.9 };

/** One document: a confident RU claim and a weak UA claim about Bakhmut (together they would contest it). */
function docs(): Doc[] {
  return [testDoc({
    id: 'c/1', outlet: 'X', published: '2023-05-20',
    claims: [
      { speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said they had captured Bakhmut.', proposition: strong },
      { speaker: maliar, as: 'Maliar', sentence: 'Maliar said the city was held.', proposition: weak },
    ],
  })];
}

test('groupPropositions leaves out propositions below minConfidence; 0 keeps all', () => {
  const src = [article({ id: 'a', outlet: 'X', published: '2023-05-20', claims: [
    { speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said they had captured Bakhmut.', proposition: strong },
    { speaker: maliar, as: 'Maliar', sentence: 'Maliar said the city was held.', proposition: weak },
  ] })];
  const all = groupPropositions(src);
  assert.equal(all[0].status, 'contested');
  assert.equal(all[0].confidence, 0.9);
  const confident = groupPropositions(src, { minConfidence: DEFAULT_MIN_CONFIDENCE });
  assert.equal(confident[0].claims.length, 1);
  assert.equal(confident[0].status, 'single-source');
});

test('a claim whose speaker is unresolved is kept but counts as no source', () => {
  const j = judgeStatus('control', [
    { source: 'a', side: 'RU', holder: 'RU', polarity: 'asserts' },
    { source: 'b', side: null, holder: 'RU', polarity: 'denies', unresolved: true },
  ]);
  assert.equal(j.status, 'single-source');
  assert.equal(j.sources.total, 1);
  const src = article({ id: 'a', outlet: 'X', published: '2023-05-20', claims: [
    { speaker: prigozhin, as: 'Prigozhin', sentence: 'Prigozhin said they had captured Bakhmut.', proposition: strong },
    { speaker: null, as: 'he', sentence: 'he said Bakhmut was not taken.', proposition: { ...strong, polarity: 'denies' } },
  ] });
  const unresolved = { ...src, claims: src.claims.map((c, i) => (i === 1 ? { ...c, speakerUnresolved: true } : c)) };
  const [p] = groupPropositions([unresolved]);
  assert.equal(p.claims.length, 2);
  assert.equal(p.claims[1].unresolved, true);
  assert.equal(p.status, 'single-source');
  assert.equal(p.sources.total, 1);
});

test('the API lists confident propositions by default, every one with ?all=1 or a lower minConfidence', async () => {
  const app = createApp({ store: memoryDesk(docs()), extract: async (inits) => inits.map((i) => createDoc(i)) });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as { total: number; items: { claims: unknown[]; status: string }[] } };
  };
  const byDefault = await get('/api/propositions');
  assert.equal(byDefault.body.items[0].claims.length, 1);
  assert.equal(byDefault.body.items[0].status, 'single-source');
  assert.equal((await get('/api/propositions?all=1')).body.items[0].claims.length, 2);
  assert.equal((await get('/api/propositions?minConfidence=0.2')).body.items[0].status, 'contested');
  assert.equal((await get('/api/propositions?minConfidence=2')).status, 400);
});

let dir = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-confidence-'));
  const store = await openStore({ dir, env: {} });
  try {
    await store.ingestDocuments(docs());
  } finally {
    await store.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const code = await main(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: process.cwd() });
  return { code, out };
}

test('sitrep contested shows confident propositions; --all also the weak ones', async () => {
  const plain = await run('contested', '--db', dir);
  assert.equal(plain.code, 0);
  assert.match(plain.out, /no contested propositions/);
  const all = await run('contested', '--db', dir, '--all');
  assert.equal(all.code, 0);
  assert.match(all.out, /control of Bakhmut — contested/);
  assert.match(all.out, /confidence 0\.90/);
  assert.equal((await run('contested', '--db', dir, '--min-confidence', '0.2')).out.includes('contested'), true);
});
