// The picture gold stays sound: every batch validates, ids are unique across batches, and each batch keeps its
// fixed split (documents sorted by id, even positions dev, odd positions heldout). Problems are counted, not
// printed: held-out texts and gold are not to be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCHES, validateGold, type CorpusDoc, type GoldDoc } from '../../eval/picture.js';

const PICTURE = join(import.meta.dirname, '..', '..', 'eval', 'picture');
const jsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

test('picture gold: every batch validates, ids are unique across batches, splits are the fixed even/odd ones', () => {
  const seen = new Set<string>();
  for (const batch of BATCHES) {
    const corpus = jsonl<CorpusDoc>(join(PICTURE, batch.dir, 'corpus.jsonl'));
    const gold = jsonl<GoldDoc>(join(PICTURE, batch.dir, 'gold.jsonl'));
    assert.ok(corpus.length >= 20, `${batch.dir}: at least 20 documents`);
    const problems = validateGold(gold, new Map(corpus.map((d) => [d.id, d.text])));
    assert.equal(problems.length, 0, `${batch.dir}: ${problems.length} gold problem(s); run npm run eval -- picture --validate`);
    assert.deepEqual(new Set(gold.map((g) => g.id)), new Set(corpus.map((d) => d.id)), `${batch.dir}: gold and corpus hold the same ids`);
    const ids = corpus.map((d) => d.id).sort();
    ids.forEach((id, i) => {
      assert.ok(!seen.has(id), `${id} is used by two documents`);
      seen.add(id);
      const d = corpus.find((c) => c.id === id)!;
      assert.equal(d.split, i % 2 === 0 ? 'dev' : 'heldout', `${id}: split is fixed by its position`);
      assert.ok(d.source && d.url && d.licence, `${id}: source, url and licence recorded`);
    });
  }
});
