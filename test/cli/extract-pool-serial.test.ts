/**
 * A batch on worker threads prints exactly what one thread prints, also where a document depends on what an earlier
 * document, in another chunk on another worker, taught the entity registry: here a surname alone ("Tarnavsky") that
 * is a person only because the first document named him in full with his side. Its own file: the CLI's context is
 * shared within a process, and the serial run must start from the knowledge base alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

test('extract on worker threads prints what one thread prints, across chunks and workers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-serial-'));
  const filler = (i: number) => ({ id: `f${i}`, text: `Officials in the region said on day ${i + 1} that the roads were open and schools had reopened.` });
  // Chunks of eight documents: the first and the last two go to different workers.
  const docs = [
    { id: 'first', text: 'Ukrainian commander Oleksandr Tarnavsky said troops held the village of Klishchiivka.' },
    ...Array.from({ length: 8 }, (_, i) => filler(i)),
    { id: 'later', text: 'Tarnavsky said on Friday that Russian forces had shelled Klishchiivka overnight.' },
    { id: 'last', text: 'Russian forces captured the village of Klishchiivka, the Russian defence ministry claimed. Tarnavsky denied it.' },
  ];
  const file = join(dir, 'docs.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const pooled = await runCli(['extract', '--workers', '3', file], { env: { SITREP_POOL_MIN_CHARS: '0' } });
  const serial = await runCli(['extract', '--workers', '1', file]);
  assert.equal(serial.code, 0, serial.stderr);
  assert.equal(pooled.code, 0, pooled.stderr);
  const later = JSON.parse(serial.stdout.trim().split('\n')[9]) as { id: string; entities: { kind: string; name: string; mentions: { rule: string }[] }[] };
  assert.equal(later.id, 'later');
  // What makes this batch a test of the pool: the lone surname is a person only through the first document.
  assert.ok(
    later.entities.some((e) => e.kind === 'person' && e.mentions.some((m) => m.rule === 'entities/known-surname')),
    `the serial run finds the known surname: ${JSON.stringify(later.entities)}`,
  );
  assert.deepEqual(pooled.stdout.split('\n'), serial.stdout.split('\n'));
});
