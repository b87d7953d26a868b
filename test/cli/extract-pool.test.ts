/**
 * A batch on worker threads: the same documents in the same order as extracted in the process itself, with the ids
 * the run's entity registry gives when it links them serially; jobs on several workers resolve in their own order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractionPool, linkDocument } from '../../src/pipeline-pool.js';
import { createContext, createLinkContext, runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/core/index.js';
import { readText } from '../../src/ingest/index.js';
import { runCli } from './run-cli.js';
import { SEEDS } from '../../scripts/shared-dir.js';

test('extract --workers 2 prints what --workers 1 prints, in input order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
  const lines = [
    { id: 'a', text: 'Hanna Maliar, Ukraine\'s deputy defence minister, said troops held the south-west of Bakhmut.' },
    { id: 'b', text: 'Maliar said on Monday that fighting went on. Yevgeny Prigozhin said Wagner had taken the city.' },
    { id: 'c', text: 'Prigozhin said his men would leave Bakhmut. Hannah Malial denied it.' },
  ];
  writeFileSync(join(dir, 'docs.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const inputs = [`${SEEDS}000_deb4d5127912b402.txt`, join(dir, 'docs.jsonl'), `${SEEDS}002_b39c71e25f6389a8.txt`];
  const serial = await runCli(['extract', '--workers', '1', ...inputs]);
  // However small the input: a batch goes to the workers once it holds two documents.
  const pooled = await runCli(['extract', '--workers', '2', ...inputs], { env: { SITREP_POOL_MIN_CHARS: '0' } });
  assert.equal(serial.code, 0, serial.stderr);
  assert.equal(pooled.code, 0, pooled.stderr);
  const ids = pooled.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
  assert.deepEqual(ids, ['000_deb4d5127912b402', 'a', 'b', 'c', '002_b39c71e25f6389a8']);
  assert.equal(pooled.stdout, serial.stdout);
});

test('two workers: each job resolves with its own documents, whichever worker ends first', async () => {
  const pool = new ExtractionPool({ size: 2 });
  try {
    assert.equal(pool.size, 2);
    const long = 'Shelling hit the town of Avdiivka, officials said. '.repeat(200);
    const jobs = [long, 'Kyiv said drones were shot down.', long, 'Moscow said it repelled an attack.'].map((t, i) => pool.extract([readText(t, { id: `d${i}` })]));
    const docs = [];
    for (const job of jobs) docs.push(...(await job));
    assert.deepEqual(docs.map((d) => d.id), ['d0', 'd1', 'd2', 'd3']);
    assert.equal(docs[1].lang.words.length, 0, 'the linguistic layer stays in the worker');
  } finally {
    await pool.close();
  }
});

test('a document extracted with a registry of its own is linked to the ids, names and sides of one serial run', async () => {
  const texts = [
    'Vitaliy Barabash, a Ukrainian regional governor, said Ukrainian troops held the south-west of Bakhmut.',
    'Vitaly Barabash, the governor, said fighting went on. Barabash said the city held.',
  ];
  const serialCtx = await createContext();
  const serial = texts.map((t, i) => runPipeline(createDoc(readText(t, { id: `d${i}` })), serialCtx));
  // Two workers: each document extracted with a fresh context, then linked in input order to the run's registry.
  const run = await createLinkContext();
  const linked = [];
  for (const [i, t] of texts.entries()) linked.push(linkDocument(runPipeline(createDoc(readText(t, { id: `d${i}` })), await createContext()), run));
  const people = (docs: typeof serial) => docs.map((d) => d.entities.filter((e) => e.kind === 'person').map((e) => `${e.id}|${e.name}|${e.side ?? ''}`));
  assert.deepEqual(people(linked), people(serial));
  assert.deepEqual(people(serial)[1], ['person:vitaliy-barabash|Vitaliy Barabash|UA'], 'the variant spelling is the person of the first document');
  const speakers = (docs: typeof serial) => docs.map((d) => d.claims.map((c) => `${c.speaker}|${c.side ?? ''}`));
  assert.deepEqual(speakers(linked), speakers(serial));
});
