/**
 * A batch on worker threads: the same documents in the same order as extracted in the process itself (the workers run
 * the independent stages, the caller the ordered ones); jobs on several workers resolve in their own order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractionPool } from '../../src/pipeline-pool.js';
import { createContext, independentStages, orderedStages, runPipeline } from '../../src/pipeline.js';
import { toExtractJson } from '../../src/contract.js';
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

test('workers that run the independent stages, then the ordered stages here in input order: the serial documents', async () => {
  const texts = [
    'Vitaliy Barabash, a Ukrainian regional governor, said Ukrainian troops held the south-west of Bakhmut.',
    'Vitaly Barabash, the governor, said fighting went on. Barabash said the city held.',
  ];
  const serialCtx = await createContext();
  const serial = texts.map((t, i) => runPipeline(createDoc(readText(t, { id: `d${i}` })), serialCtx));
  const last = independentStages[independentStages.length - 1].name;
  const pool = new ExtractionPool({ size: 2, upTo: last, keepLang: true });
  try {
    // One document per job: the two workers each take one.
    const jobs = texts.map((t, i) => pool.extract([readText(t, { id: `d${i}` })]));
    const ctx = await createContext();
    const docs = [];
    for (const job of jobs) {
      const [doc] = await job;
      assert.equal(doc.entities.length, 0, 'the worker stopped before the entities stage');
      assert.ok(doc.lang.words.length > 0, 'the linguistic layer came back');
      docs.push(runPipeline(doc, ctx, orderedStages));
    }
    assert.deepEqual(docs.map((d) => JSON.stringify(toExtractJson(d))), serial.map((d) => JSON.stringify(toExtractJson(d))));
    assert.ok(docs[1].entities.some((e) => e.id === 'person:vitaliy-barabash'), 'the variant spelling is the person of the first document');
  } finally {
    await pool.close();
  }
});
