/**
 * Word tokenisation of view text, close to the Penn / Universal Dependencies conventions the tagger was trained
 * on: clitics split off ("Russia's" → Russia 's, "don't" → do n't), hyphenated words and dotted abbreviations
 * kept whole ("pro-Russian", "MiG-29", "U.S.", "Gen."), numbers with inner separators kept whole ("70,000", "1.5").
 * Lossless: only whitespace lies between tokens. Patterns are compiled once; the loop moves `lastIndex`.
 */
import { ABBREVIATIONS } from './sentences.js';

/** A token range in the view text. */
export interface TokenRange {
  start: number;
  end: number;
}

const SPACE = /\s+/y;
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]]/y;
const NUMBER = /[+-]?\p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}+)?/uy;
const DOTTED = /(?:\p{L}\.){2,}/uy;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‑.&][\p{L}\p{M}\p{N}]+)*/uy;
// Clitics split from the end of a word: n't, 's, 're, 've, 'll, 'd, 'm (straight or curly apostrophe).
const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

function isUpperLetter(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Tokenises `text[from, to)`, appending ranges to `out`. */
export function tokenize(text: string, from = 0, to = text.length, out: TokenRange[] = []): TokenRange[] {
  let i = from;
  while (i < to) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      if (i >= to) break;
    }
    let end = -1;
    const c = text.charCodeAt(i);
    if (c === 104 || c === 119) {
      URL.lastIndex = i;
      if (URL.test(text)) end = URL.lastIndex;
    }
    if (end < 0) {
      NUMBER.lastIndex = i;
      if (NUMBER.test(text) && (c !== 43 && c !== 45 || i === from || /\s/.test(text[i - 1]))) end = NUMBER.lastIndex;
    }
    if (end < 0) {
      DOTTED.lastIndex = i;
      if (DOTTED.test(text)) end = DOTTED.lastIndex;
    }
    if (end < 0) {
      WORD.lastIndex = i;
      if (WORD.test(text)) {
        end = Math.min(WORD.lastIndex, to);
        // A word ending in a full stop that is an abbreviation or an initial keeps the stop ("Gen.", "J.").
        let abbreviation = false;
        if (end < to && text.charCodeAt(end) === 46) {
          const w = text.slice(i, end);
          abbreviation = (w.length === 1 && isUpperLetter(c)) || ABBREVIATIONS.has(w.toLowerCase());
          if (abbreviation) end++;
        }
        if (!abbreviation && end - i > 2) {
          const m = CLITIC.exec(text.slice(i, end));
          if (m && m.index > 0) {
            out.push({ start: i, end: i + m.index });
            i += m.index;
          }
        }
      }
    }
    if (end < 0) {
      // Punctuation: a run of the same mark ("...", "--", "!!") is one token, otherwise one character
      // (a surrogate pair stays whole).
      end = i + 1;
      if (c >= 0xd800 && c <= 0xdbff && end < to) end++;
      else if (c === 46 || c === 45 || c === 33 || c === 63 || c === 42) while (end < to && text.charCodeAt(end) === c) end++;
    }
    if (end > to) end = to;
    out.push({ start: i, end });
    i = end;
  }
  return out;
}
