import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases, goldenDir, runCase } from './golden/golden.js';

for (const name of goldenCases()) {
  test(`golden: ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(goldenDir, name, 'expected.json'), 'utf8'));
    assert.deepEqual(runCase(name), expected);
  });
}
