import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';
import { segmentStage } from '../../src/stages/segment/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';

/**
 * Speakers of quantifier pronouns and of multi-word cues (issue 11, branch `speakers15`), each with invented news
 * sentences — none is from an evaluation corpus.
 */
function claims(text: string): [string | null, string, string][] {
  const doc = [cleanStage, segmentStage, claimsStage].reduce((d, s) => s.run(d, {}), createDoc({ id: 't', input: text, format: 'text' }));
  return doc.claims.map((c) => [c.speakerText, c.content, c.rule]);
}
const speakers = (text: string) => claims(text).map(([s]) => s);

test('a quantifier pronoun that opens its clause is the speaker ("Some said", "but many believe", "all agreed")', () => {
  assert.deepEqual(claims('Most said the ferry had stopped running.').map(([s, c]) => [s, c]), [['Most', 'the ferry had stopped running']]);
  assert.deepEqual(speakers('The mayor was hopeful, but some said the ferry had stopped running.'), ['some']);
  assert.deepEqual(speakers('Many believe the dam will hold.'), ['Many']);
  assert.deepEqual(speakers('Few expect the ferry to run again this winter.'), ['Few']);
  assert.deepEqual(speakers('To different degrees, all agreed that the ferry was unsafe.'), ['all']);
  // Inside a phrase the phrase is read as before; after a bracket the quantifier floats after its subject.
  assert.deepEqual(speakers('Several engineers said the dam would hold.'), ['Several engineers']);
  assert.deepEqual(speakers('Anna Kovac (Greens) and Ivo Marin (Labour) all said the dam would hold.'), ['Ivo Marin']);
  // An ambiguous cue in -s after a quantifier is a noun.
  assert.deepEqual(speakers('Many calls reached the ferry office.'), []);
});
