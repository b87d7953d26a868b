/**
 * Keys of names, on top of core's `fold`: an id-safe slug (`idSlug`) and a transliteration key (`translitKey`) under which the
 * common romanisations of one Russian or Ukrainian name coincide (Prigozhin/Prigozin, Cherevatyi/Cherevati,
 * Yusov/Yusoff, Syrskyi/Syrsky/Syrskiy, Maliar/Malyar, Yevgeny/Evgeny).
 */

import { fold } from '../../../core/index.js';

// Scholarly-light romanisation: enough to put Cyrillic names on the same key as their Latin spellings.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lower case, Cyrillic romanised, then the project's `fold` (diacritics stripped, ł→l, ß→ss, apostrophe and dash
 * variants made ASCII): Zelenskyy → zelenskyy, Łukasz → lukasz, Сергей → sergey.
 */
export function toAsciiLower(s: string): string {
  // ASCII text has no Cyrillic, no marks and nothing that folding changes: lower case is the whole of it.
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s.toLowerCase()) out += CYRILLIC[ch] ?? ch;
  return fold(out);
}

/** The id-safe slug of a name: {@link toAsciiLower}, words joined by `-` ("Hanna Maliar" → `hanna-maliar`). */
export function idSlug(s: string): string {
  return toAsciiLower(s)
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The transliteration key of one word. Rewrites, in order, the spelling choices that differ between
 * romanisation systems and translations, then collapses doubled letters, so that variants meet:
 * kh→h, zh→z, ts/tz→c, ck/c→k, w→v, ph→f, final -ff/-ow→v, y/j→i, ie/ye→e at the start, ii→i.
 */
export function translitKey(word: string): string {
  let key = translitCache.get(word);
  if (key === undefined) {
    if (translitCache.size >= TRANSLIT_CACHE) translitCache.clear();
    key = translitUncached(word);
    translitCache.set(word, key);
  }
  return key;
}

/** Keys of recent words (a pure function of the word, so caching changes nothing but time). */
const translitCache = new Map<string, string>();
const TRANSLIT_CACHE = 20000;

function translitUncached(word: string): string {
  let s = toAsciiLower(word).replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/^ye/, 'e')
    .replace(/^yu/, 'iu')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'z')
    .replace(/(ts|tz)/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/ch/g, '\u0001')
    .replace(/c/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/ff$/, 'v')
    .replace(/j/g, 'i')
    .replace(/y/g, 'i')
    .replace(/ie/g, 'e')
    .replace(/h$/, '');
  // Doubled letters are a spelling habit (Hannah/Hana, Zelenskyy), never a distinction in these names.
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}
