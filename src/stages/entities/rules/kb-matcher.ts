/**
 * Finds knowledge-base names in a sentence's words: longest alias first, case-insensitive and
 * diacritic-insensitive, but acronyms (NATO, FSB, AP) only in capitals so that "ap" or "un" never match.
 * A person's surname alone is an alias when no other person of the knowledge base shares it.
 */
import type { KbEntry, KnowledgeBase } from '../kb.js';
import type { Lexicon } from '../lexicon.js';
import { toAsciiLower } from './fold.js';
import type { Word } from './tokenize.js';

interface Alias {
  readonly words: readonly string[];
  readonly entry: KbEntry;
  /** Written in capitals in the knowledge base (an acronym): must be in capitals in the text too. */
  readonly acronym: boolean;
  readonly surnameOnly: boolean;
}

/** A knowledge-base name found in a sentence. */
export interface KbHit {
  readonly entry: KbEntry;
  /** Word index range `[from, to)`. */
  readonly from: number;
  readonly to: number;
  readonly surnameOnly: boolean;
}

const norm = (w: string): string => toAsciiLower(w).replace(/['’]s$/, '').replace(/\.$/, '');

function splitAlias(alias: string): string[] {
  return alias
    .split(/\s+/)
    .flatMap((w) => {
      const m = /^(.*?)['’]s$/.exec(w);
      return m ? [m[1]] : [w];
    })
    .map(norm)
    .filter(Boolean);
}

/** An index of knowledge-base aliases by their first word. */
export class KbMatcher {
  private readonly byFirst = new Map<string, Alias[]>();

  constructor(kb: KnowledgeBase, lex: Lexicon) {
    const surnames = new Map<string, KbEntry[]>();
    for (const entry of kb.entries) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) {
        this.add({ words: splitAlias(name), entry, acronym: /^[A-Z0-9.-]{2,}$/.test(name), surnameOnly: false });
        if (entry.kind === 'person') {
          const parts = name.split(/\s+/);
          if (parts.length >= 2) {
            const last = norm(parts[parts.length - 1]);
            const list = surnames.get(last) ?? [];
            if (!list.includes(entry)) list.push(entry);
            surnames.set(last, list);
          }
        }
      }
    }
    for (const [surname, entries] of surnames) {
      if (entries.length !== 1 || lex.stopWords.has(surname) || lex.givenNames.has(surname) || lex.placeWords.has(surname)) continue;
      // A surname that is also a country, capital or division ("Jordan", "Georgia") needs the full name.
      if (lex.countriesAndCapitals.has(surname) || lex.regions.has(surname)) continue;
      this.add({ words: [surname], entry: entries[0], acronym: false, surnameOnly: true });
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private add(alias: Alias): void {
    if (!alias.words.length) return;
    const list = this.byFirst.get(alias.words[0]) ?? [];
    list.push(alias);
    this.byFirst.set(alias.words[0], list);
  }

  /** Every non-overlapping knowledge-base name in `words`, longest first; `allCaps` lifts the capital-letter test. */
  find(words: readonly Word[], allCaps: boolean): KbHit[] {
    const hits: KbHit[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w.cap && !allCaps) continue;
      const candidates = this.byFirst.get(norm(w.text));
      if (!candidates) continue;
      for (const a of candidates) {
        const end = i + a.words.length;
        if (end > words.length) continue;
        let ok = true;
        for (let j = 0; j < a.words.length && ok; j++) {
          const t = words[i + j];
          if (norm(t.text) !== a.words[j]) ok = false;
          else if (j > 0 && !/^\s+$/.test(t.gap)) ok = false;
          else if (j < a.words.length - 1 && t.possessive) ok = false;
          else if (a.acronym && (allCaps ? t.text.length <= 2 : t.text !== t.text.toUpperCase())) ok = false;
          else if (!a.acronym && !allCaps && /^\p{L}/u.test(t.text) && !t.cap && j === 0) ok = false;
        }
        if (!ok) continue;
        // "Andrei Yusov" is not the alias "Yusov" alone: the full name is left to recognition and scored linking.
        if (a.surnameOnly && !allCaps) {
          const prev = words[i - 1];
          const next = words[end];
          if ((prev?.cap && !prev.possessive && /^\s+$/.test(w.gap)) || (next?.cap && /^\s+$/.test(next.gap))) continue;
        }
        hits.push({ entry: a.entry, from: i, to: end, surnameOnly: a.surnameOnly });
        i = end - 1;
        break;
      }
    }
    return hits;
  }
}
