/**
 * The linguistic layer (see docs/language.md): `analyse` turns sentence ranges of a text into words with
 * part-of-speech tags and lemmas, chunks and clauses. The segment stage runs it and sets `doc.lang`.
 */
import { partitionPoint } from '../search.js';
import { chunkSentence } from './chunks.js';
import { clausesOfSentence } from './clauses.js';
import { foldLower } from './fold.js';
import { languageModel } from './model.js';
import { isIrregularVerbForm } from './lemma.js';
import { isHeadlineCase, retagRules } from './retag.js';
import * as tok from './tokenize.js';
const { tokenizeSpans } = tok;
import type { Chunk, Clause, Lang, LangSentence, Word } from './types.js';

export * from './types.js';
export { fold } from './fold.js';
export { splitSentences, type SentenceRange } from './sentences.js';
export { softBreaks, isSoftBreak, hardLineEnd, hardLineStartBefore, KEEP_BREAK_RULES, type KeepBreakRule } from './wrap.js';
export { tokenize, type TokenRange } from './tokenize.js';
export { chunkRules, type ChunkRule } from './chunks.js';
export { clauseRules, NOT_ONLY, type ClauseRule, type ClauseDraft } from './clauses.js';
export { languageModel } from './model.js';
export { ruleLemma } from './lemma.js';
export { isHeadlineCase, retagRules, type RetagRule } from './retag.js';
export { verbForms } from './lemma.js';

/** An empty layer. */
export const EMPTY_LANG: Lang = { words: [], sentences: [], chunks: [], clauses: [] };

function capOf(t: string): Word['cap'] {
  const c = t.charCodeAt(0);
  let upper: boolean;
  let letter: boolean;
  if (c < 128) {
    upper = c >= 65 && c <= 90;
    letter = upper || (c >= 97 && c <= 122);
  } else {
    const ch = t[0];
    upper = ch !== ch.toLowerCase();
    letter = upper || ch !== ch.toUpperCase();
  }
  if (!letter) return 'other';
  if (!upper) return 'lower';
  if (t.length === 1) return 'title';
  return t === t.toUpperCase() && t !== t.toLowerCase() ? 'upper' : 'title';
}

function setTags(words: Word[], first: number, end: number, labels: readonly number[], tagger: { utags: string[]; xtags: string[] }): void {
  for (let i = first; i < end; i++) {
    const w = words[i];
    const l = labels[i];
    w.tag = tagger.utags[l];
    w.xtag = tagger.xtags[l];
  }
}

/**
 * Analyses `text` over the given sentence ranges (view offsets, in order). Sentence `k` of the result is range `k`.
 */
export function analyse(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Lang {
  const { tagger, lemmatizer } = languageModel();
  const known = (lower: string) => tagger.isKnown(lower);
  const words: Word[] = [];
  const sentences: LangSentence[] = [];
  const chunks: Chunk[] = [];
  const clauses: Clause[] = [];
  const forms: string[] = [];
  const lowers: string[] = [];
  const labels: number[] = [];
  const forced: number[] = [];
  for (let s = 0; s < ranges.length; s++) {
    const count = tokenizeSpans(text, ranges[s].start, ranges[s].end);
    const first = words.length;
    for (let k = 0; k < count; k++) {
      const start = tok.spanStarts[k];
      const end = tok.spanEnds[k];
      const w = text.slice(start, end);
      forms.push(w);
      const lower = w.toLowerCase();
      lowers.push(lower);
      words.push({ vStart: start, vEnd: end, text: w, lower, fold: foldLower(lower), cap: capOf(w), sentence: s, tag: '', xtag: '', lemma: '' });
    }
    const end = words.length;
    const headlineCase = isHeadlineCase(words, first, end);
    if (headlineCase) {
      // "Russian Forces Shell Kherson": the tagger reads every capitalised word as a name. Give it the lower-case
      // form of each word it knows mostly as something else, and of irregular verb forms ("Retook"); names
      // ("Kherson", "Russians") and other unknown words keep their capital.
      for (let i = first; i < end; i++) {
        const w = words[i];
        if (w.cap !== 'title' && w.cap !== 'upper') continue;
        if (tagger.isKnown(w.lower) ? !tagger.isMostlyProper(w.lower) : isIrregularVerbForm(w.lower)) forms[i] = w.lower;
      }
    }
    tagger.tag(forms, first, end, labels, lowers);
    setTags(words, first, end, labels, tagger);
    for (const rule of retagRules) rule.apply(words, first, end, known, headlineCase);
    // A corrected tag changes what the greedy tagger should have read after it ("troops retook/VBD the village"):
    // tag the sentence again with the corrections fixed, then let the rules look once more.
    let changed = false;
    for (let i = first; i < end && !changed; i++) changed = tagger.xtags[labels[i]] !== words[i].xtag || tagger.utags[labels[i]] !== words[i].tag;
    if (changed) {
      for (let i = first; i < end; i++) {
        const w = words[i];
        forced[i] = tagger.xtags[labels[i]] !== w.xtag || tagger.utags[labels[i]] !== w.tag ? tagger.labelOf(w.xtag, w.tag) : -1;
      }
      tagger.tag(forms, first, end, labels, lowers, forced);
      setTags(words, first, end, labels, tagger);
      for (const rule of retagRules) rule.apply(words, first, end, known, headlineCase);
    }
    for (let i = first; i < end; i++) {
      const w = words[i];
      w.lemma = w.tag === 'PROPN' ? w.fold : lemmatizer.lemma(w.fold, w.xtag);
    }
    sentences.push({ index: s, first, end, headlineCase });
    const chunkFirst = chunks.length;
    chunkSentence(words, first, end, chunks);
    clausesOfSentence({ words, chunks, first, end, chunkFirst, chunkEnd: chunks.length, sentence: s }, clauses);
  }
  return { words, sentences, chunks, clauses };
}

/** Index of the word covering view offset `v`, or -1. */
export function wordAt(lang: Lang, v: number): number {
  const ws = lang.words;
  let lo = 0;
  let hi = ws.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (v < ws[mid].vStart) hi = mid - 1;
    else if (v >= ws[mid].vEnd) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Word index range `[first, end)` of the words lying inside view range `[vStart, vEnd)`. */
export function wordsIn(lang: Lang, vStart: number, vEnd: number): [number, number] {
  const ws = lang.words;
  const lo = partitionPoint(ws, (w) => w.vEnd > vStart);
  // Words starting before vStart but overlapping it are excluded: the range holds words inside.
  let first = lo;
  if (first < ws.length && ws[first].vStart < vStart) first++;
  let end = first;
  while (end < ws.length && ws[end].vEnd <= vEnd) end++;
  return [first, end];
}

/** Index of the innermost clause containing word `i`, or -1. */
export function clauseOf(lang: Lang, i: number): number {
  if (i < 0 || i >= lang.words.length) return -1;
  const sentence = lang.words[i].sentence;
  let best = -1;
  let bestLen = Infinity;
  // Clauses are in sentence order; binary search to the sentence, then scan its few clauses.
  const cs = lang.clauses;
  const lo = partitionPoint(cs, (c) => c.sentence >= sentence);
  for (let k = lo; k < cs.length && cs[k].sentence === sentence; k++) {
    const c = cs[k];
    if (c.first <= i && i < c.end && c.end - c.first < bestLen) {
      best = k;
      bestLen = c.end - c.first;
    }
  }
  return best;
}
