/**
 * Latin spellings of a Cyrillic place name, generated with the romanisation tables of
 * `data/transliteration.json`: Ukrainian national romanisation, Russian BGN/PCGN with its common
 * simplifications, and the German, French and Spanish forms machine translation produces. Used when the
 * gazetteer is compiled, never per document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface SchemeJson {
  applies: 'uk' | 'ru' | 'both';
  map: Record<string, string>;
  initial?: Record<string, string>;
  afterVowel?: Record<string, string>;
  pairs?: Record<string, string>;
  /** Overrides when the name is read as Russian. */
  ru?: Record<string, string>;
}

interface TablesJson {
  schemes: Record<string, SchemeJson>;
  simplify: [string, string][];
}

/** The loaded tables: schemes and simplification rewrites (compiled once). */
export interface Transliterator {
  /** Latin spellings of one Cyrillic name (lower case), given the country of the place (UA, RU, BY). */
  spellings(cyrillic: string, country: string): string[];
  /** One name in one scheme, capitalised as a name ("Запоріжжя", uk-national-2010 → "Zaporizhzhia"). */
  romanise(cyrillic: string, scheme: string): string;
  /** The common simplified forms of an already romanised, folded name ("Grayvoron" → "graivoron"). */
  simplified(latin: string): string[];
}

const UK_ONLY = /[іїєґ]/;
const RU_ONLY = /[ыэёъ]/;
const VOWELS = new Set([...'аеёєиіїоуыэюяьъй']);

/** Loads the romanisation tables from the places data folder. */
export function loadTransliterator(dataDir: string): Transliterator {
  const json = JSON.parse(readFileSync(join(dataDir, 'transliteration.json'), 'utf8')) as TablesJson;
  const schemes = Object.entries(json.schemes).map(([name, s]) => ({ name, ...s }));
  const simplify = json.simplify.map(([from, to]) => [new RegExp(from, 'g'), to] as const);

  const romanise = (word: string, s: SchemeJson & { name: string }, asRussian: boolean): string => {
    let out = '';
    for (let i = 0; i < word.length; i++) {
      const ch = word[i];
      const pair = s.pairs && i + 1 < word.length ? s.pairs[ch + word[i + 1]] : undefined;
      if (pair !== undefined) {
        out += pair;
        i++;
        continue;
      }
      const prev = word[i - 1];
      const atStart = i === 0 || prev === ' ' || prev === '-';
      let piece: string | undefined;
      if (atStart) piece = s.initial?.[ch];
      else if (VOWELS.has(prev)) piece = s.afterVowel?.[ch];
      if (piece === undefined && asRussian) piece = s.ru?.[ch];
      if (piece === undefined) piece = s.map[ch];
      out += piece ?? ch;
    }
    return out;
  };

  return {
    spellings(cyrillic, country) {
      const word = cyrillic.toLowerCase();
      const uk = UK_ONLY.test(word);
      const ru = RU_ONLY.test(word);
      // A name with letters of neither language alone is read both ways in Ukraine, as Russian elsewhere.
      const readUk = uk || (!ru && country === 'UA');
      const readRu = ru || !uk;
      const out = new Set<string>();
      for (const s of schemes) {
        const readings: boolean[] = [];
        if (readUk && (s.applies === 'uk' || s.applies === 'both')) readings.push(false);
        if (readRu && (s.applies === 'ru' || s.applies === 'both')) readings.push(true);
        for (const asRussian of readings) {
          const base = romanise(word, s, asRussian);
          if (/[^a-z ïë\-]/.test(base)) continue;
          out.add(base);
          // Only the national schemes get the simplified forms: the press forms are already what is written.
          if (s.applies === 'both') continue;
          let all = base;
          for (const [re, to] of simplify) {
            out.add(base.replace(re, to));
            all = all.replace(re, to);
          }
          out.add(all);
        }
      }
      return [...out].filter((x) => x.length >= 3);
    },
    romanise(cyrillic, scheme) {
      const s = schemes.find((x) => x.name === scheme);
      if (!s) throw new Error(`places: no romanisation scheme ${scheme}`);
      const lower = romanise(cyrillic.toLowerCase(), s, s.applies === 'ru');
      return lower.replace(/(^|[ -])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    },
    simplified(latin) {
      const out = new Set<string>();
      let all = latin;
      for (const [re, to] of simplify) {
        out.add(latin.replace(re, to));
        all = all.replace(re, to);
      }
      out.add(all);
      out.delete(latin);
      return [...out].filter((x) => x.length >= 3);
    },
  };
}
