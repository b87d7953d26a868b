/**
 * Name folding: the keys under which gazetteer names are indexed and text is looked up, so that spelling
 * variants from different transliterations meet (Kyiv/Kiev, Oryol/Oriol/Orel, Ramenskoye/Ramenskoe).
 */

// Letters that NFD does not decompose into base + mark.
const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h',
};

/**
 * The exact key of a name: diacritics stripped, lower case, apostrophes and dots dropped, hyphens and
 * runs of spaces made one space. "Artemivs'k" → `artemivsk`, "Rostov-on-Don" → `rostov on don`.
 */
export function foldName(name: string): string {
  // Most names are plain ASCII words already in their folded shape once lower-cased.
  const lower = name.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  // A character loop rather than regexes: this runs over a million gazetteer names at start-up.
  let out = '';
  let space = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    let piece: string;
    if (code >= 65 && code <= 90) piece = String.fromCharCode(code + 32);
    else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) piece = name[i];
    else if (code === 39 || code === 46 || code === 96 || code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0x2b9) continue;
    else if (code === 32 || code === 45 || code === 47 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2010 || code === 0x2011 || code === 0x2013) {
      space = out.length > 0;
      continue;
    } else if (code < 128) piece = name[i];
    else if (code >= 0x400 && code <= 0x45f) {
      // Cyrillic without Unicode decomposition (fast: every Russian and Ukrainian place has such names);
      // the letters with a diacritic fold like NFD would: й→и, ё→е, ї→і, ў→у.
      let c = code <= 0x40f ? code + 0x50 : code <= 0x42f ? code + 0x20 : code;
      c = CYRILLIC_BASE[c] ?? c;
      piece = String.fromCharCode(c);
    } else {
      // Only non-ASCII letters pay for Unicode decomposition.
      const lower = name[i].toLowerCase();
      piece = SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, '');
      if (!piece) continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += piece;
  }
  return out;
}

const MARKS = /[\u0300-\u036f]/g;
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const CYRILLIC_BASE: Readonly<Record<number, number>> = { 0x450: 0x435, 0x45d: 0x438, 0x439: 0x438, 0x451: 0x435, 0x457: 0x456, 0x45e: 0x443, 0x453: 0x433, 0x45c: 0x43a };

/**
 * The loose key of an already folded name: merges the usual differences between romanisations of
 * Russian and Ukrainian (y/i/j, kh/h, ye/e, yo/io/o, doubled letters, a final soft sign) so that
 * "Oriol", "Oryol" and "Orel" share `orol`/`orel` pairs and "Ramenskoe"/"Ramenskoye" meet. Used only
 * when the exact key finds nothing.
 */
export function looseKey(folded: string): string {
  let s = folded;
  s = s.replace(/kh/g, 'h').replace(/zh/g, 'j').replace(/sch|shch/g, 'sh').replace(/ts/g, 'c').replace(/tz/g, 'c');
  s = s.replace(/[yi]e/g, 'e').replace(/[yi]o/g, 'o').replace(/[yi]a/g, 'a').replace(/[yi]u/g, 'u');
  s = s.replace(/[yj]/g, 'i').replace(/w/g, 'v').replace(/ii+/g, 'i');
  s = s.replace(/([a-z])\1+/g, '$1');
  return s;
}

/** True when the first letter of `word` is an upper-case letter (any script). */
export function isCapitalised(word: string): boolean {
  const ch = word[0];
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
