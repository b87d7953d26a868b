/**
 * Hard-wrapped plain text (core `wrap.ts`): inside a wrapped paragraph a single newline reads as a space for the
 * sentence splitter and the claim rules; blank lines, headlines, list items, transcript labels, verse and ordinary
 * one-paragraph-per-line text keep their line breaks. Every text here is invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hardLineEnd, hardLineStartBefore, softBreaks, splitSentences } from '../../src/core/index.js';
import { findAttributions } from '../../src/stages/claims/rules/attributions.js';
import { findQuotes } from '../../src/stages/claims/rules/quotes.js';
import { splitSentences as claimSentences } from '../../src/stages/claims/rules/sentences.js';
import { transcriptTurns } from '../../src/stages/claims/rules/transcript.js';
import { readWords } from '../../src/stages/claims/rules/words.js';

/** Greedy wrap at `width` columns, paragraph by paragraph (what e-mail clients and editors do). */
function wrap(paragraphs: readonly string[], width: number): string {
  return paragraphs.map((p) => {
    const lines: string[] = [];
    let line = '';
    for (const word of p.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }).join('\n\n');
}

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

const WIRE = [
  'Marsh Harbour Garrison Reported Lost',
  'ORVELLO, March 4 (Tidewire) - The ministry of defence of Valdoria said on Tuesday that its troops had taken full control of the river town of Marsh Harbour after a week of fighting, a claim the other side rejected as false.',
  'A spokesman for the general staff in Kestra, Colonel Amund Breck, said the garrison had withdrawn to new positions east of the town. "We have not lost Marsh Harbour; our units hold the northern bank and the bridge," he told reporters.',
  'Independent analysts said satellite pictures taken on Monday showed damage to the bridge but could not confirm who held it.',
];

test('a wrapped wire story: sentences run across soft newlines, offsets index the input, the headline stays apart', () => {
  const text = wrap(WIRE, 70);
  assert.ok(text.split('\n').every((l) => l.length <= 70));
  const got = texts(text);
  assert.deepEqual(got.map((s) => s.replace(/\s+/g, ' ')), [
    'Marsh Harbour Garrison Reported Lost',
    'ORVELLO, March 4 (Tidewire) - The ministry of defence of Valdoria said on Tuesday that its troops had taken full control of the river town of Marsh Harbour after a week of fighting, a claim the other side rejected as false.',
    'A spokesman for the general staff in Kestra, Colonel Amund Breck, said the garrison had withdrawn to new positions east of the town.',
    '"We have not lost Marsh Harbour; our units hold the northern bank and the bridge," he told reporters.',
    'Independent analysts said satellite pictures taken on Monday showed damage to the bridge but could not confirm who held it.',
  ]);
  // The ranges index the input: the joined sentence keeps its newlines, the text is not rewritten.
  assert.ok(got[1].includes('\n'));
  assert.equal(splitSentences(text)[1].rule, 'segment/wrapped');
  // The same wrap with Windows line ends.
  const crlf = text.replace(/\n/g, '\r\n');
  assert.equal(texts(crlf).length, 5);
});

test('one paragraph per line (not wrapped) splits exactly at every line as before', () => {
  const text = [
    'Valdoria says it holds Marsh Harbour',
    'The ministry of defence of Valdoria said on Tuesday that its troops had taken full control of the river town of Marsh Harbour after a week of heavy fighting in its streets and on the bridge.',
    'Kestra denied it',
    'A spokesman for the general staff said the garrison had withdrawn to new positions east of the town.',
    'Fighting went on.',
    'Analysts could not confirm who held the bridge on Monday.',
  ].join('\n');
  assert.deepEqual(softBreaks(text), []);
  assert.deepEqual(texts(text), text.split('\n'));
  // Short news lines of about the same length are not a wrap either: each is a sentence of its own.
  const short = [
    'Drones struck a depot near the border overnight, officials said.',
    'Two people were hurt in the attack on the port.',
    'The mayor said power was back in most districts.',
    'Rail traffic to the coast resumed by noon.',
  ].join('\n');
  assert.deepEqual(texts(short), short.split('\n'));
  // Headlines and news lines of even, wrap-like length (70–80 columns): no line goes on in lower case, no wrap.
  const even = [
    'Valdorian Ministry Says Its Troops Hold the River Town of Marsh Harbour',
    'Kestra Denies Losing the Town and Says Its Units Still Hold the Bridge',
    'Satellite Pictures Show Damage to the Bridge After a Week of Fighting',
    'The ministry of defence said on Tuesday that its troops held the town.',
    'A spokesman for the general staff in Kestra said the claim was false.',
  ].join('\n');
  assert.deepEqual(softBreaks(even), []);
  assert.deepEqual(texts(even), even.split('\n'));
});

test('verse and other short lines of even length are not merged', () => {
  const poem = [
    'The river keeps the names of towns',
    'that no one calls aloud,',
    'the bridges bow their broken crowns',
    'beneath a patient cloud.',
    '',
    'And still the ferry finds the shore',
    'where no one waits to land,',
    'and still the water, as before,',
    'writes nothing in the sand.',
  ].join('\n');
  assert.deepEqual(softBreaks(poem), []);
  assert.deepEqual(texts(poem), poem.split('\n').filter(Boolean));
});

test('inside a wrapped document: list items, labels, indented paragraphs and short lines keep their breaks', () => {
  const intro = 'The regional administration published the following list of damaged sites on its website late on Thursday evening, adding that repair crews had already reached several of them and that more reports were still expected.';
  const later = 'Officials said the list would be updated as crews reported back from the villages along the river, where roads were still closed and telephone lines were down for most of the day.';
  const text = [
    wrap([intro], 72),
    '- the water station on the northern edge of the city and its two pumps',
    '- two schools in the old town',
    '',
    wrap([later], 72),
    'Signed: the regional office',
  ].join('\n');
  assert.deepEqual(texts(text).map((s) => s.replace(/\s+/g, ' ')), [
    intro,
    '- the water station on the northern edge of the city and its two pumps',
    '- two schools in the old town',
    later,
    'Signed: the regional office',
  ]);
  // A block indented deeper than the full line before it, and a transcript label right after a full line that
  // ends without a stop (an interrupted answer), start anew.
  const block = [
    wrap([intro], 72),
    'The statement that the administration posted with the list read as follows:',
    '    Crews will work through the night to reach the remaining villages on the',
    '    river, and we ask residents to stay away from the damaged buildings.',
  ].join('\n');
  assert.deepEqual(texts(block).map((s) => s.replace(/\s+/g, ' ').trim()), [
    intro,
    'The statement that the administration posted with the list read as follows:',
    'Crews will work through the night to reach the remaining villages on the river, and we ask residents to stay away from the damaged buildings.',
  ]);
  const turns = [
    'MR. OSTROM:\u00a0 The crews reached the station on Thursday, and the pumps',
    'should run again by the end of the week if the weather holds and the road —',
    'Q\u00a0 Which road do you mean, the one along the river or the bridge road?',
    'MR. OSTROM:\u00a0 The one along the river, which was cut in two places late',
    'on Wednesday night by the water.',
  ].join('\n');
  assert.deepEqual(texts(turns).map((s) => s.slice(0, 5)), ['MR. O', 'Q\u00a0 Wh', 'MR. O']);
});

// A briefing transcript saved from the web: wrapped at 72 columns, labels padded with no-break spaces.
const BRIEFING = wrap([
  'Press Briefing by the Press Secretary and the Spokesman',
  'MR. HALVERSEN:\u00a0 Good afternoon, everyone. I want to start with the situation in the east, where the fighting around the river town of Marsh Harbour has gone on for a week.',
  'Q\u00a0 Can you confirm that the town has fallen?',
  'MR. HALVERSEN:\u00a0 As I said yesterday, the Valdorians not only took Marsh Harbour; they have also pushed further along the river toward two villages west of it.',
], 72);

test('a wrapped transcript: turns keep their labels, a turn’s sentence spans its lines, and its content too', () => {
  assert.ok(BRIEFING.split('\n').some((l) => l.length > 60) && BRIEFING.split('\n').every((l) => l.length <= 72));
  const got = texts(BRIEFING).map((s) => s.replace(/\n/g, ' '));
  assert.ok(got.includes('Q\u00a0 Can you confirm that the town has fallen?'));
  assert.ok(got.includes('MR. HALVERSEN:\u00a0 As I said yesterday, the Valdorians not only took Marsh Harbour; they have also pushed further along the river toward two villages west of it.'));
  const turns = transcriptTurns(BRIEFING);
  assert.deepEqual(turns.map((t) => (t.label ? BRIEFING.slice(...t.label) : null)), ['MR. HALVERSEN', 'Q', 'MR. HALVERSEN']);
  // The colon form reads the turn to the end of its paragraph, not of its first line.
  const last = BRIEFING.lastIndexOf('MR. HALVERSEN');
  const atts = findAttributions(BRIEFING, claimSentences(BRIEFING), findQuotes(BRIEFING), readWords).filter((a) => a.content[0] > last);
  assert.ok(atts.some((a) => BRIEFING.slice(...a.content).replace(/\s+/g, ' ').endsWith('two villages west of it')), JSON.stringify(atts.map((a) => BRIEFING.slice(...a.content))));
});

test('hard line ends skip soft newlines; plain texts are untouched', () => {
  const text = wrap(WIRE, 70);
  const second = text.indexOf('ORVELLO');
  const end = hardLineEnd(text, second);
  assert.equal(text[end + 1], '\n');
  assert.equal(hardLineStartBefore(text, end - 5), second - 1);
  assert.equal(hardLineEnd('one line\nanother line', 0), 8);
});

test('the epigraph form reads its line back to the paragraph start across soft newlines', () => {
  // No opening mark: the content is the (wrapped) line up to the closing one.
  const text = [
    'The river will not be crossed this winter, whatever the other side says',
    'in its statements, because the ice is thin and the bridges are gone and the',
    'ferries have stopped running for the season” ― Amund Breck',
    '',
    'The regional office did not comment on the remarks on Tuesday evening.',
  ].join('\n');
  const atts = findAttributions(text, claimSentences(text), findQuotes(text), readWords).filter((a) => a.rule === 'claims/quote-dash-name');
  assert.equal(atts.length, 1);
  assert.ok(text.slice(...atts[0].content).startsWith('The river will not be crossed'), text.slice(...atts[0].content));
});
