/**
 * End to end: a hard-wrapped plain-text transcript (72 columns, labels padded with no-break spaces) keeps the claim
 * and the proposition whose sentence runs across a line end. Invented text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, extractText } from '../../src/pipeline.js';

const TEXT = [
  'Press Briefing by the Press Secretary and the Spokesman',
  '',
  'MS. ARNDT:\u00a0 Good afternoon. I will start with the east, where we have',
  'watched the fighting around the industrial towns for several weeks now',
  'and where the situation on the ground remains very hard for the defenders.',
  '',
  'Q\u00a0 Has the town fallen?',
  '',
  'MS. ARNDT:\u00a0 I can tell you what we see. As I said earlier, the Russians',
  'not only took Avdiivka; they also pushed a few kilometres further west',
  'of it in the last days, at a very high cost in men and equipment to them.',
].join('\n');

test('a wrapped transcript: the claim and its proposition survive the line end inside the sentence', async () => {
  assert.ok(TEXT.split('\n').every((l) => l.length <= 76));
  const doc = extractText(TEXT, { id: 'wrapped' }, await createContext());
  const sentence = doc.sentences.find((s) => doc.view.text.slice(s.vStart, s.vEnd).includes('Avdiivka'));
  assert.ok(sentence);
  assert.match(doc.view.text.slice(sentence.vStart, sentence.vEnd), /^As I said earlier, the Russians\nnot only took Avdiivka;/);
  const claim = doc.claims.find((c) => c.content.includes('took Avdiivka'));
  assert.ok(claim, JSON.stringify(doc.claims.map((c) => c.content)));
  assert.equal(claim.speakerText, 'MS. ARNDT');
  const props = (claim.propositions ?? (claim.proposition ? [claim.proposition] : []))
    .filter((p) => (p.confidence ?? 0) >= 0.5)
    .map((p) => [p.kind, doc.entities.find((e) => e.id === p.place)?.name, p.holder, p.polarity].join(' '));
  assert.ok(props.includes('control Avdiivka RU asserts'), JSON.stringify(props));
});
