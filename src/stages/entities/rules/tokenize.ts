/**
 * The words of one sentence with their view offsets, read from the linguistic layer (`doc.lang`): the unit every
 * recognition rule of this stage works on. Possessive `'s` is split off (and remembered), so "Russia’s" gives the
 * word "Russia" marked possessive.
 */

import type { Word as LangWord } from '../../../core/index.js';

/** A word of a sentence. */
export interface Word {
  /** The word as written, without a possessive `'s`. */
  readonly text: string;
  /** Lower case of `text`. */
  readonly lower: string;
  /** Start and end in `doc.view.text`. */
  readonly vs: number;
  readonly ve: number;
  /** Index in the sentence's word list. */
  readonly index: number;
  /** First letter is upper case (any script). */
  readonly cap: boolean;
  /** Followed by a possessive `'s` / `’s` (or a bare `’` after s). */
  readonly possessive: boolean;
  /** The characters between the previous word and this one (punctuation, spaces, line breaks). */
  readonly gap: string;
}

// Abbreviations whose final dot belongs to the word (titles, initials, U.S.).
const KEEP_DOT = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|adm|sen|rep|prof|st|jr|sr|gov|pres)\.$/iu;
// Clitics the linguistic layer splits off and this stage keeps on the word ("don't", "they're"); `'s` marks a possessive.
const CLITIC = /^(?:n['’]t|['’](?:re|ve|ll|d|m))$/i;
const POSSESSIVE = /^['’][sS]$/;
const NAME_PREFIX = /^(?:al|el|bin|ibn|abu)-\p{Lu}/u;

function startsWord(c: number, s: string): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^[\p{L}\p{N}]/u.test(s);
}

/**
 * The words of one sentence as this stage reads them, from the linguistic layer's words `[first, end)` of
 * `doc.lang` (view text `text`, sentence starting at view offset `base`): punctuation left out (it lies in the
 * gaps), a possessive `'s` marked on its word, other clitics kept on it, a full stop kept only on titles and initials.
 */
export function sentenceWords(text: string, base: number, lang: readonly LangWord[], first: number, end: number): Word[] {
  const words: Word[] = [];
  // Where the text read so far ends: the previous word, its clitic, and a full stop after it.
  let last = base;
  let prev: { -readonly [K in keyof Word]: Word[K] } | null = null;
  let prevEnd = -1;
  for (let i = first; i < end; i++) {
    const lw = lang[i];
    let raw = lw.text;
    if (prev && lw.vStart === prevEnd) {
      if (POSSESSIVE.test(raw) && prev.text.length >= 1) {
        prev.possessive = true;
        last = prevEnd = lw.vEnd;
        if (text.charCodeAt(last) === 46) last++;
        continue;
      }
      if (CLITIC.test(raw)) {
        prev.text += raw;
        prev.lower = prev.text.toLowerCase();
        prev.ve = lw.vEnd;
        last = prevEnd = lw.vEnd;
        if (text.charCodeAt(last) === 46) last++;
        continue;
      }
    }
    if (!startsWord(raw.charCodeAt(0), raw)) continue;
    let ve = lw.vEnd;
    if (raw.endsWith('.')) {
      if (!KEEP_DOT.test(raw)) {
        raw = raw.slice(0, -1);
        ve--;
      }
    } else if (text.charCodeAt(ve) === 46 && KEEP_DOT.test(raw + '.')) {
      raw += '.';
      ve++;
    }
    const c = raw.charCodeAt(0);
    const cap = c < 128 ? c >= 65 && c <= 90 : raw[0] !== raw[0].toLowerCase();
    prev = {
      text: raw,
      lower: raw.toLowerCase(),
      vs: lw.vStart,
      ve,
      index: words.length,
      cap: cap || NAME_PREFIX.test(raw),
      possessive: false,
      gap: text.slice(last, lw.vStart),
    };
    words.push(prev);
    prevEnd = lw.vEnd;
    last = lw.vEnd;
    if (!lw.text.endsWith('.') && text.charCodeAt(last) === 46) last++;
  }
  return words;
}

/** True when the gap between two words keeps them in one name: only spaces, at most one line break. */
export function joinsName(gap: string): boolean {
  return /^[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/.test(gap) && gap.length > 0;
}

/** True when a sentence is written in capitals only (an ALL-CAPS article or headline): case says nothing then. */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII is decided by its code (only A–Z and a–z have another case); other characters as before, by code point.
    if (c < 128) {
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper >= 4 && upper > 4 * lower;
}

const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'for', 'to', 'and', 'or', 'by', 'with', 'from', 'as', 'vs', 'but', 'into', 'over']);

/** True when most words are capitalised (a Title Case headline): capitals then do not mark names. */
export function isTitleCase(words: readonly Word[]): boolean {
  if (words.length < 4) return false;
  // A list of names ("Anna Kovalenko, Oleg Bondar, …") is capitalised too, but a headline has few commas.
  const commas = words.filter((w) => w.gap.includes(',')).length;
  if (commas * 4 >= words.length) return false;
  // Title Case leaves only short function words in lower case; any other lower-case word means running text.
  if (words.some((w) => !w.cap && /^\p{Ll}/u.test(w.text) && !TITLE_SMALL.has(w.lower))) return false;
  const longWords = words.filter((w) => w.text.length > 3);
  const caps = longWords.filter((w) => w.cap).length;
  return longWords.length >= 3 && caps >= 0.8 * longWords.length;
}
