import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractText } from '../../src/pipeline.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { timeStage } from '../../src/stages/time/index.js';
import { createDoc } from '../../src/core/index.js';
import { SEEDS } from '../../scripts/shared-dir.js';

const seeds = SEEDS;
const early = [cleanStage, segmentStage, timeStage];

function prepare(file: string) {
  const input = readFileSync(seeds + file, 'utf8');
  let doc = createDoc({ id: file, input, format: 'text' });
  for (const s of early) doc = s.run(doc, {});
  return doc;
}

test('publication dates come from the datelines', () => {
  assert.equal(prepare('000_deb4d5127912b402.txt').published?.value, '2023-05-25');
  assert.equal(prepare('002_b39c71e25f6389a8.txt').published?.value, '2023-05-12');
});

test('boilerplate of 002 is excluded and no sentence comes from it', () => {
  const doc = prepare('002_b39c71e25f6389a8.txt');
  const excluded = doc.excluded.map((e) => e.text);
  for (const line of ['Read more exclusive news from Political IQ.', "Get the featured stories in your email and don't miss out on important news.", 'Bush Does Interview Following Release Of Memoir']) {
    assert.ok(excluded.includes(line), `${line} is excluded`);
    assert.ok(!doc.sentences.some((s) => s.text.includes(line)), `${line} is not a sentence`);
  }
  // The headline is the article's own and stays.
  assert.equal(doc.sentences[0].text, 'Russia Denies Ukrainian Breakthrough in Bakhmut');
});

test('weekdays resolve against the publication date as news uses them', () => {
  const doc = prepare('002_b39c71e25f6389a8.txt');
  const byText = new Map(doc.times.map((t) => [t.text, t.value]));
  assert.equal(byText.get('On Wednesday'), '2023-05-10');
  assert.equal(byText.get('Overnight Thursday'), '2023-05-11');
});

test('every span of the full pipeline equals its slice of the input, inside its sentence', () => {
  for (const file of ['000_deb4d5127912b402.txt', '002_b39c71e25f6389a8.txt']) {
    const input = readFileSync(seeds + file, 'utf8');
    const doc = extractText(input, { id: file });
    const words = doc.lang.words.map((w) => ({ ...doc.view.span(w.vStart, w.vEnd, 'segment/word'), sentence: w.sentence }));
    const spans = [...doc.sentences, ...words, ...doc.times, ...doc.excluded, ...doc.entities.flatMap((e) => e.mentions)];
    for (const s of spans) assert.equal(input.slice(s.start, s.end), s.text, `${s.rule} [${s.start},${s.end})`);
    for (const t of words) {
      const s = doc.sentences[t.sentence];
      assert.ok(s.start <= t.start && t.end <= s.end, 'token inside its sentence');
    }
  }
});
