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

// Batch 3 (news articles) is the genre the product is judged on: full articles of several outlets, no date metadata
// in the text, both halves carrying attributed claims and events. Counts only; nothing of a held-out document is shown.
test('picture gold batch 3: news articles of several outlets, undated, claims and events on both halves', () => {
  const batch = BATCHES.find((b) => b.dir === 'batch3');
  assert.ok(batch, 'batch3 is one of the harness batches');
  const corpus = jsonl<CorpusDoc & { published?: string }>(join(PICTURE, 'batch3', 'corpus.jsonl'));
  const gold = new Map(jsonl<GoldDoc>(join(PICTURE, 'batch3', 'gold.jsonl')).map((g) => [g.id, g]));
  assert.ok(corpus.length >= 24, 'at least 24 articles');
  const outlets = new Set(corpus.map((d) => d.source));
  assert.ok(outlets.size >= 3, `several outlets (${outlets.size})`);
  const fullDate = /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+\.?,? \d{4}|[A-Z][a-z]+\.? \d{1,2},? \d{4})\b/;
  let undated = 0;
  for (const d of corpus) {
    assert.ok(d.id.startsWith('news-'), `${d.id}: batch-3 ids start with news-`);
    assert.ok(d.published, `${d.id}: publication date recorded in the record (never passed to the pipeline)`);
    if (!fullDate.test(d.text)) undated++;
    const words = d.text.split(/\s+/).length;
    assert.ok(words >= 60 && words <= 900, `${d.id}: ${words} words`);
    // Gold dates: none of these texts writes a full date, so no gold event may carry one.
    assert.ok(gold.get(d.id)!.events.every((e) => e.date === null), `${d.id}: gold events are undated`);
  }
  assert.equal(undated, corpus.length, 'no article text carries a full date (day, month and year)');
  for (const split of ['dev', 'heldout'] as const) {
    const half = corpus.filter((d) => d.split === split).map((d) => gold.get(d.id)!);
    const props = half.flatMap((g) => g.propositions);
    const events = half.flatMap((g) => g.events);
    assert.ok(props.length >= 10, `${split}: at least 10 propositions (${props.length})`);
    assert.ok(events.length >= 30, `${split}: at least 30 events (${events.length})`);
    assert.ok(new Set(props.map((p) => p.speakerSide)).size >= 3, `${split}: speakers of at least three sides`);
    assert.ok(new Set(props.map((p) => p.kind)).size >= 2, `${split}: at least two proposition kinds`);
  }
});
