/**
 * Sentence ranges for the claim rules: the segment stage's sentences, or — on a document without them (the stage
 * alone, the rules in tests) — the project's one sentence splitter (`splitSentences` in `core`), numbered.
 */
import { splitSentences as splitView } from '../../../core/index.js';

/** A sentence range in a string. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

/** The sentences of `text`, numbered from 0. */
export function splitSentences(text: string): SentenceRange[] {
  return splitView(text).map((s, index) => ({ start: s.start, end: s.end, index }));
}
