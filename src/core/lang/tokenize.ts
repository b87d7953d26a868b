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
  const n = tokenizeSpans(text, from, to);
  for (let k = 0; k < n; k++) out.push({ start: spanStarts[k], end: spanEnds[k] });
  return out;
}

/** Start and end offsets written by {@link tokenizeSpans}; valid until its next call. */
export let spanStarts = new Int32Array(1024);
export let spanEnds = new Int32Array(1024);
let count = 0;

function push(start: number, end: number): void {
  if (count === spanStarts.length) {
    const s = new Int32Array(count * 2);
    s.set(spanStarts);
    spanStarts = s;
    const e = new Int32Array(count * 2);
    e.set(spanEnds);
    spanEnds = e;
  }
  spanStarts[count] = start;
  spanEnds[count] = end;
  count++;
}

/** Tokenises `text[from, to)` into {@link spanStarts} / {@link spanEnds} without allocating; returns the count. */
export function tokenizeSpans(text: string, from = 0, to = text.length): number {
  count = 0;
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    // Whitespace: ASCII by code, the rest by pattern.
    if (c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && isSpaceAt(text, i))) {
      i++;
      while (i < to) {
        c = text.charCodeAt(i);
        if (c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && isSpaceAt(text, i))) i++;
        else break;
      }
      if (i >= to) break;
    }
    let end = -1;
    const digit = c >= 48 && c <= 57;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if ((c === 104 || c === 119) && (text.startsWith('http', i) || text.startsWith('www.', i))) {
      URL.lastIndex = i;
      if (URL.test(text)) end = URL.lastIndex;
    }
    if (end < 0 && (digit || c > 127 || ((c === 43 || c === 45) && i + 1 < to && isDigit(text.charCodeAt(i + 1)) && (i === from || /\s/.test(text[i - 1]))))) {
      NUMBER.lastIndex = i;
      if (NUMBER.test(text)) end = NUMBER.lastIndex;
    }
    if (end < 0 && (letter || c > 127) && text.charCodeAt(i + 1) === 46) {
      DOTTED.lastIndex = i;
      if (DOTTED.test(text)) end = DOTTED.lastIndex;
    }
    if (end < 0 && (letter || digit || c > 127)) {
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
        if (!abbreviation && end - i > 2 && hasApostrophe(text, end)) {
          const m = CLITIC.exec(text.slice(i, end));
          if (m && m.index > 0) {
            push(i, i + m.index);
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
    push(i, end);
    i = end;
  }
  return count;
}

const SPACE_CHAR = /\s/;
function isSpaceAt(text: string, i: number): boolean {
  return SPACE_CHAR.test(text[i]);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** True when one of the three units before `end` is an apostrophe (a clitic may end the word there). */
function hasApostrophe(text: string, end: number): boolean {
  for (let k = end - 3; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}
