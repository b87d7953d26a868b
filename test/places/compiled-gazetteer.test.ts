import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gazetteer } from '../../src/stages/places/gazetteer.js';
import { compiledFileBytes, openCompiled } from '../../src/stages/places/gazetteer-cache.js';
import { foldName } from '../../src/stages/places/fold.js';
import { records as small } from './small-gazetteer.js';
import type { PlaceRecord } from '../../src/stages/places/gazetteer.js';

// The small gazetteer and enough invented places that the file spans many of the chunks it is read by.
const records: PlaceRecord[] = [
  ...small,
  ...Array.from({ length: 1500 }, (_, i): PlaceRecord => ({
    geonamesId: 9_000_000 + i, name: `Testville ${i}`, lat: 40 + i / 1e4, lon: 20 - i / 1e4, country: i % 2 ? 'UA' : 'RU',
    admin1: i % 2 ? 'UA.05' : 'RU.47', population: 1000 + i, type: 'city', featureCode: 'PPL', names: [`Testville ${i}`, `Testivka ${i}`],
  })),
];

/** Every answer a gazetteer gives for the small gazetteer's names, codes and places. */
function answers(g: Gazetteer): unknown {
  const keys = [...records.flatMap((r) => r.names.map(foldName)), 'testville 99999', 'nowhere', 'moscow oblast', 'kyiv', 'orel', 'oriol'];
  // Types and places first: each must read its own bytes, not find them read by a look-up before.
  return {
    types: records.map((_, i) => g.typeOf(i)),
    places: records.map((_, i) => g.place(i)),
    count: g.count, size: g.size, maxWords: g.maxWords, transliterated: [...g.transliterated],
    lookups: keys.map((k) => [k, g.lookup(k), g.lookupLoose(k), g.lookupAdminBase(k)]),
    codes: [...records.map((r) => r.admin1), 'UA', 'RU', 'US', 'XX'].map((c) => [c, g.admin1(c), g.country(c)]),
  };
}

test('the compiled gazetteer, opened from its file and read on demand, answers as the one it was built from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
  try {
    const built = Gazetteer.build(records);
    const file = join(dir, 'g.bin');
    // A stamp of odd length: the compiled part must still start 8-aligned.
    writeFileSync(file, compiledFileBytes('v-test|abc', built.toBinary()));
    const opened = openCompiled(file, 'v-test|abc');
    assert.ok(opened);
    assert.deepEqual(answers(opened), answers(Gazetteer.build(records)));
    assert.deepEqual(answers(Gazetteer.fromBinary(built.toBinary())), answers(Gazetteer.build(records)));
    // A long run reads the rest of the file at once after a few chunks: the answers stay the same.
    const whole = openCompiled(file, 'v-test|abc', 3);
    assert.ok(whole);
    assert.deepEqual(answers(whole), answers(Gazetteer.build(records)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a compiled file with another stamp is not opened, and one cut short is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
  try {
    const bytes = compiledFileBytes('v-test|abc', Gazetteer.build(records).toBinary());
    const file = join(dir, 'g.bin');
    writeFileSync(file, bytes);
    assert.equal(openCompiled(file, 'v-test|other'), null);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    assert.throws(() => openCompiled(file, 'v-test|abc'), /cut short/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
