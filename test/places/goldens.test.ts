import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placesStage } from '../../src/stages/places/index.js';
import { FIXTURES, goldenCases, placesOf } from './goldens.js';

const ctx = await placesStage.prepare!({}, {});

for (const name of goldenCases()) {
  test(`golden: ${name}`, () => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
    const actual = placesOf(input, ctx) as { id: string; mentions: { text: string; start: number; end: number }[] }[];
    // Invariants first: every span's text is the slice it covers, ids are unique.
    for (const e of actual) for (const m of e.mentions) assert.equal(input.slice(m.start, m.end), m.text);
    assert.equal(new Set(actual.map((e) => e.id)).size, actual.length);
    assert.deepEqual(actual, expected);
  });
}
