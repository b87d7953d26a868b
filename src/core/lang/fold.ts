/**
 * The one `fold` of the project: lower case, diacritics stripped, apostrophe, quote and dash variants made ASCII.
 * `fold('Zaporizhzhia’s') === "zaporizhzhia's"`, `fold('Łukasz') === 'lukasz'`.
 */

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘ʼ`´′]/g;
const DASHES = /[‐‑‒–—―−]/g;
const QUOTES = /[“”«»„]/g;
const SPECIAL: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', đ: 'd', ı: 'i', æ: 'ae', œ: 'oe' };
const SPECIAL_RE = /[łøßđıæœ]/g;

/** Folds `s` for comparison and look-up. Pure ASCII input is only lower-cased (the common, fast path). */
export function fold(s: string): string {
  return foldLower(s.toLowerCase());
}

/** {@link fold} of a string already lower-cased. */
export function foldLower(lower: string): string {
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(QUOTES, '"')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c]);
}
