/**
 * Words of a text range for the claim rules, from the project's one tokenizer (`tokenize` in `core`), so that the
 * rules stay pure functions over strings (they run on a bare string in tests and on any document). Two differences
 * from the linguistic layer's words, which the rules were written for: a clitic is joined back to its word
 * ("Russia’s", "don't" — the rules read possessives and negations as one word), and each word says whether it is
 * punctuation.
 */
import { partitionPoint, tokenize, type Lang } from '../../../core/index.js';

/** A word or punctuation mark with its offsets in the string it was read from. */
export interface Word {
  readonly text: string;
  /** Lower-cased text with curly apostrophes made straight, for lexicon look-ups. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly punct: boolean;
}

/** A clitic the tokenizer splits off ('s, n't, 're, 've, 'll, 'd, 'm), joined back to the word before it. */
const CLITIC = /^(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

/** Reads the words of `text[from, to)`, offsets into `text`. */
export type WordReader = (text: string, from: number, to: number) => Word[];

/** Splits `text[from, to)` into words with offsets into `text`. */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  return toWords(text, tokenize(text, from, to));
}

/**
 * A reader over the linguistic layer's words of the view text (`doc.lang`, tokenised once by the segment stage):
 * ranges that start and end on its word boundaries are read from it without tokenising again; others (and a text
 * that is not the view the layer was built on) fall back to {@link readWords}.
 */
export function langWordReader(lang: Lang, view: string): WordReader {
  const all = toWords(view, lang.words.map((w) => ({ start: w.vStart, end: w.vEnd })));
  return (text, from, to) => {
    if (text !== view) return readWords(text, from, to);
    const a = partitionPoint(all, (w) => w.start >= from);
    const b = partitionPoint(all, (w) => w.start >= to);
    // A range cutting a word (or a clitic-joined word) in two: tokenise it as a string of its own.
    if (b > a && all[b - 1].end > to) return readWords(text, from, to);
    if (a > 0 && all[a - 1].end > from) return readWords(text, from, to);
    return all.slice(a, b);
  };
}

/** Words of token ranges (in order, offsets into `text`), with clitics joined back. */
function toWords(text: string, ranges: readonly { start: number; end: number }[]): Word[] {
  const out: Word[] = [];
  for (const r of ranges) {
    let start = r.start;
    const prev = out[out.length - 1];
    if (prev && prev.end === r.start && !prev.punct && CLITIC.test(text.slice(r.start, r.end))) {
      out.pop();
      start = prev.start;
    }
    const t = text.slice(start, r.end);
    const lower = t.toLowerCase();
    const c = t.charCodeAt(0);
    // In ASCII the letters and digits are exactly A–Z, a–z and 0–9; other characters ask Unicode.
    const alnum = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(t[0]);
    out.push({ text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: r.end, punct: !alnum });
  }
  return out;
}

/** True when the word starts with an upper-case letter (a proper-name candidate). */
export function isCapitalized(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
}
