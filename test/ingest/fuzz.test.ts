/**
 * Property tests over the readers and the whole pipeline (fast-check): random bytes, random Unicode, giant lines,
 * deep HTML nesting, broken JSON Lines and feeds. Whatever comes in: no throw, no stage crash, and every span the
 * system reports lies inside the input and carries exactly the text it covers. Runs are seeded, so a failure
 * prints a reproducible counterexample.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDoc, type Context, type Doc } from '../../src/core/index.js';
import { decodeBytes, readDecoded } from '../../src/ingest/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';

let ctx: Context;
before(async () => {
  ctx = await createContext();
});

/** Every reported span of a document: inside the input, text equal to the slice. */
function assertSpans(doc: Doc): void {
  const n = doc.input.length;
  const check = (what: string, s: { start: number; end: number; text?: string }) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `${what}: [${s.start}, ${s.end}) outside the input of ${n}`);
    if (s.text !== undefined) assert.equal(doc.input.slice(s.start, s.end), s.text, `${what}: text is the input's slice`);
  };
  for (const s of doc.sentences) check('sentence', s);
  for (const e of doc.entities) for (const m of e.mentions) check(`mention of ${e.id}`, m);
  for (const c of doc.claims) {
    check('claim', c);
    check('claim content', c.contentSpan);
    if (c.speakerSpan) check('claim speaker', c.speakerSpan);
  }
  for (const e of doc.events) check('event', e);
  for (const t of doc.times) check('time', t);
  for (const m of doc.messages) check(`message ${m.rule}`, m);
  assert.deepEqual(doc.messages.filter((m) => m.rule.endsWith('/crash')).map((m) => m.reason), [], 'no stage crashed');
}

/** Reads a decoded text as a file of the given extension would be read, then runs every document through the pipeline. */
function readAndExtract(text: string, ext: 'txt' | 'html' | 'jsonl' | 'xml' | 'json'): void {
  const result = readDecoded(text, 'utf-8', `fuzz.${ext}`, 'fuzz', ext === 'xml' ? 'feed' : ext === 'txt' ? 'text' : ext);
  for (const init of result.docs) assertSpans(runPipeline(createDoc(init), ctx));
}

const words = fc.constantFrom(
  'Russian', 'forces', 'captured', 'Bakhmut', 'the', 'ministry', 'said', 'on', 'Tuesday', '"', '“', '”', ',', '.', '\n', '\n\n',
  'Kyiv', 'denied', 'drones', 'struck', 'Oryol', 'killing', '12', 'people', 'according', 'to', 'He', 'she', 'it', '(', ')', '—',
  'Hanna', 'Maliar', 'Zelensky', 'not', 'could', 'village', 'of', 'Kozinka', 'km', 'north', '25', 'yesterday', '2023',
);
const newsish = fc.array(words, { maxLength: 300 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), newsish);
const OPTIONS = { numRuns: 60, seed: 20261130 };

test('decoding random bytes never throws: text or a refusal with a reason', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
    const d = decodeBytes(bytes);
    if (d.ok) assert.equal(typeof d.text, 'string');
    else assert.ok(d.reason.length > 0 && d.rule.startsWith('ingest/'));
  }), { numRuns: 300, seed: OPTIONS.seed });
});

test('random and news-like text through the whole pipeline: no crash, every span inside the input', () => {
  fc.assert(fc.property(anyText, (text) => readAndExtract(text, 'txt')), OPTIONS);
});

test('random text wrapped as HTML, feeds, JSON Lines and JSON: no throw, spans inside the input', () => {
  const html = fc.tuple(newsish, fc.constantFrom('<p>', '<div><b>', '<script>', '<!--', '<p class="x', '</p></div>', '&amp;', '&#x1F600;', '<br/>'))
    .map(([t, tag]) => `<html><body>${tag}${t.replace(/\./g, `.${tag}`)}</body></html>`);
  fc.assert(fc.property(html, (page) => readAndExtract(page, 'html')), OPTIONS);
  const feed = newsish.map((t) => `<rss><channel><title>F</title><item><title>${t.slice(0, 40)}</title><description>${t}</description></item><item>`);
  fc.assert(fc.property(feed, (xml) => readAndExtract(xml, 'xml')), OPTIONS);
  const jsonl = fc.array(fc.oneof(newsish.map((t) => JSON.stringify({ id: 'x', text: t || 'x' })), fc.string({ maxLength: 80 })), { maxLength: 6 }).map((ls) => ls.join('\n'));
  fc.assert(fc.property(jsonl, (t) => readAndExtract(t, 'jsonl')), OPTIONS);
  fc.assert(fc.property(fc.oneof(fc.json(), newsish.map((t) => JSON.stringify([{ text: t || 'x' }]))), (t) => readAndExtract(t, 'json')), OPTIONS);
});

test('giant lines and deep nesting: no throw, spans inside the input', () => {
  readAndExtract('Shelling hit the town, officials said '.repeat(5_000), 'txt');
  readAndExtract('x'.repeat(200_000), 'txt');
  readAndExtract(`<html><body>${'<div>'.repeat(5000)}<p>Drones struck Oryol on Tuesday, the governor said.</p>${'</div>'.repeat(5000)}</body></html>`, 'html');
  readAndExtract(`<html><body>${'<b><i>'.repeat(3000)}Kyiv said it.`, 'html');
  // Main-content extraction is cubic in nesting depth: a page nested beyond the bound keeps all its text, with a word.
  const deep = readDecoded(`<html><body>${'<div>'.repeat(2000)}<p>Drones struck Oryol.</p>${'</div>'.repeat(2000)}</body></html>`, 'utf-8', 'f.html', 'f', 'html');
  assert.ok(deep.docs[0].messages?.some((m) => m.rule === 'ingest/readability-skipped'));
  assert.match(deep.docs[0].view!.text, /Drones struck Oryol/);
});
