/**
 * The segment stage: sentences and tokens over the kept (non-boilerplate) view text. Lossless: every
 * sentence and token is a span of the input, and the gaps between them are whitespace or excluded ranges.
 */
import type { Doc, Sentence, Stage, Token } from '../../core/index.js';
import { splitSentences } from './rules/split-sentences.js';
import { tokenize } from './rules/tokenize.js';

/** View ranges not covered by the document's excluded (boilerplate) spans. */
function keptRanges(doc: Doc): Array<[number, number]> {
  const text = doc.view.text;
  if (!doc.excluded.length) return [[0, text.length]];
  const cut = doc.excluded
    .map((s) => [doc.view.toView(s.start), doc.view.toView(s.end)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const [s, e] of cut) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (at < text.length) out.push([at, text.length]);
  return out;
}

/** The segment stage. */
export const segmentStage: Stage = {
  name: 'segment',
  run(doc) {
    const text = doc.view.text;
    const sentences: Sentence[] = [];
    const tokens: Token[] = [];
    for (const [from, to] of keptRanges(doc)) {
      for (const r of splitSentences(text, from, to)) {
        const index = sentences.length;
        const span = doc.view.span(r.start, r.end, r.rule);
        sentences.push({ ...span, index, vStart: r.start, vEnd: r.end, ...(r.headline ? { headline: true } : {}) });
        for (const t of tokenize(text, r.start, r.end)) {
          tokens.push({ ...doc.view.span(t.start, t.end, 'segment/token'), vStart: t.start, vEnd: t.end, sentence: index, kind: t.kind });
        }
      }
    }
    return { ...doc, sentences, tokens };
  },
};
