import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, run } from './helpers.js';
import { casesDir, golden } from './regenerate.js';

// Golden files: test/entities/cases/<case>.txt → <case>.expected.json (regenerate with test/entities/regenerate.ts).
for (const f of readdirSync(casesDir).filter((x) => x.endsWith('.txt')).sort()) {
  test(`golden: ${f}`, async () => {
    const input = readFileSync(join(casesDir, f), 'utf8');
    const doc = run(input, await context(), f);
    const expected = JSON.parse(readFileSync(join(casesDir, f.replace(/\.txt$/, '.expected.json')), 'utf8'));
    assert.deepEqual(golden(doc), expected);
    // Invariants: span text is the input slice, ids unique, every mention inside its sentence, every mention has a rule.
    const ids = doc.entities.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        assert.equal(input.slice(m.start, m.end), m.text);
        assert.ok(m.rule, `${m.text} has no rule`);
        const s = doc.sentences.find((x) => x.index === m.sentence);
        if (s) assert.ok(s.start <= m.start && m.end <= s.end, `${m.text} lies outside sentence ${m.sentence}`);
      }
    }
  });
}
