import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/pipeline.js';
import { eventsStage } from '../../src/stages/events/index.js';
import { makeDoc } from './helpers.js';
import { SEEDS as seeds } from '../../scripts/shared-dir.js';

test('event invariants on the seed articles: span text, ids, sentence, rule, ACLED names', () => {
  for (const file of ['000_deb4d5127912b402.txt', '002_b39c71e25f6389a8.txt']) {
    const input = readFileSync(join(seeds, file), 'utf8');
    const doc = extractText(input, { id: file, published: { value: '2023-05-25', rule: 'test' } }, {});
    assert.ok(doc.events.length > 0, `${file}: events`);
    const ids = new Set<string>();
    for (const e of doc.events) {
      assert.equal(input.slice(e.start, e.end), e.text, e.id);
      assert.ok(!ids.has(e.id), `unique ${e.id}`);
      ids.add(e.id);
      assert.match(e.id, new RegExp(`^${file.replace('.', '\\.')}#e\\d+$`));
      assert.match(e.rule, /^events\//);
      const s = doc.sentences[e.sentence];
      assert.ok(s && s.start <= e.start && e.end <= s.end, `${e.id} inside its sentence`);
      assert.notEqual(e.type, 'Other');
    }
  }
});

test('junk input never throws and keeps spans exact', () => {
  const junk = ['', ' ', '....', '\u0000\u0001', '💥💥💥', 'a'.repeat(5000), '1 2 3 4 5 6 7 8 9', '<<>>""\'\'', 'KILLED KILLED', 'shelling'.repeat(50)];
  for (const text of junk) {
    const out = eventsStage.run(makeDoc(text), {});
    for (const e of out.events) assert.equal(text.slice(e.start, e.end), e.text);
  }
});
