import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, ofKind, run, texts } from './helpers.js';
import { loadKb } from '../../src/stages/entities/kb.js';

test('a user knowledge-base file (--kb) adds actors with their aliases, side and role', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
  const file = join(dir, 'kb.json');
  writeFileSync(
    file,
    JSON.stringify({
      entries: [
        { id: 'oleh-syniehubov', kind: 'person', name: 'Oleh Syniehubov', aliases: ['Oleg Sinegubov'], side: 'UA', role: 'governor' },
        { id: 'storm-z', kind: 'organization', name: 'Storm-Z', aliases: ['Storm Z'], side: 'RU', type: 'armed-group' },
      ],
    }),
  );
  const ctx = await context([file]);
  const doc = run('Oleg Sinegubov said Storm Z units attacked. Later Sinegubov reported two injured.', ctx);
  const [p] = ofKind(doc, 'person');
  assert.equal(p.id, 'person:oleh-syniehubov');
  assert.equal(p.name, 'Oleh Syniehubov');
  assert.equal(p.side, 'UA');
  assert.deepEqual(texts(p), ['Oleg Sinegubov', 'Sinegubov']);
  assert.equal(ofKind(doc, 'organization')[0]?.id, 'org:storm-z');
});

test('a bad knowledge-base file throws a sentence that says what to fix', async () => {
  await assert.rejects(loadKb(['/nonexistent/kb.json']), /cannot be read: check the path given to --kb/);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({ entries: [{ name: 'X' }] }));
  await assert.rejects(loadKb([file]), /entry 0 needs string "id" and "name"/);
});
