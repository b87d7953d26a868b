/**
 * The segment stage: sentences over the kept (non-boilerplate) view text, and the linguistic layer over them
 * (`doc.lang`: words, tags, lemmas, chunks, clauses; see docs/language.md). Lossless: every sentence is a span of
 * the input, and the gaps between sentences and between words are whitespace or excluded ranges.
 */
import { analyse, splitSentences, type Doc, type Sentence, type SentenceRange, type Stage } from '../../core/index.js';

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
    const ranges: SentenceRange[] = [];
    for (const [from, to] of keptRanges(doc)) {
      for (const r of splitSentences(text, from, to)) {
        const span = doc.view.span(r.start, r.end, r.rule);
        sentences.push({ ...span, index: sentences.length, vStart: r.start, vEnd: r.end, ...(r.headline ? { headline: true } : {}) });
        ranges.push(r);
      }
    }
    return { ...doc, sentences, lang: analyse(text, ranges) };
  },
};
