/**
 * Words of a text range: a small lossless tokenizer the claim rules use so that they stay pure functions over
 * strings (they do not depend on the segmenter's tokens, which may be missing).
 */

/** A word or punctuation mark with its offsets in the string it was read from. */
export interface Word {
  readonly text: string;
  /** Lower-cased text with curly apostrophes made straight, for lexicon look-ups. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly punct: boolean;
}

// A number with thousands separators ("30,000"), letters and digits joined by inner apostrophes, hyphens and dots
// (Russia’s, pro-Kremlin, U.S.), else one non-space character. Linear in the input.
const WORD = /\d{1,3}(?:,\d{3})+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[.'’\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits `text[from, to)` into words with offsets into `text`. */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const t = text.slice(m.index, end);
    const lower = t.toLowerCase();
    const c = t.charCodeAt(0);
    // In ASCII the letters and digits are exactly A–Z, a–z and 0–9; other characters ask Unicode.
    const alnum = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(t[0]);
    out.push({ text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: m.index, end, punct: !alnum });
  }
  return out;
}

/** True when the word starts with an upper-case letter (a proper-name candidate). */
export function isCapitalized(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
}
