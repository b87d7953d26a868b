/**
 * Word tokens of one sentence with their view offsets: the unit every recognition rule of this stage works on.
 * Possessive `'s` is split off (and remembered), so "Russia’s" gives the token "Russia" marked possessive.
 */

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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{M}\p{N}]+)*\.?/gu;
// Abbreviations whose final dot belongs to the word (titles, initials, U.S.).
const KEEP_DOT = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|adm|sen|rep|prof|st|jr|sr|gov|pres)\.$/iu;

/** Splits `text` (a sentence's view text starting at view offset `base`) into words. */
export function tokenizeWords(text: string, base = 0): Word[] {
  const words: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    const at = m.index ?? 0;
    if (raw.endsWith('.') && !KEEP_DOT.test(raw)) raw = raw.slice(0, -1);
    let possessive = false;
    const poss = /['’][sS]$/.exec(raw);
    if (poss && raw.length > 2) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    if (!raw) continue;
    const gap = text.slice(last, at);
    const first = raw[0];
    words.push({
      text: raw,
      lower: raw.toLowerCase(),
      vs: base + at,
      ve: base + at + raw.length,
      index: words.length,
      cap: first !== first.toLowerCase() || /^(?:al|el|bin|ibn|abu)-\p{Lu}/u.test(raw),
      possessive,
      gap,
    });
    last = at + m[0].length;
    if (possessive) last = at + m[0].length;
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
