/**
 * Recognition in one sentence: weapons, organisations and persons, each a candidate with its word range,
 * the rule that found it and what the sentence says about it (side, role, sub-kind). Pure: words in,
 * candidates out; linking and coreference happen over the whole document afterwards.
 *
 * Order matters: weapons and organisations are found first, so that "Wagner Group" or "Defense Ministry"
 * are never read as parts of a person's name or title.
 */
import { placeKey, type Lexicon } from '../lexicon.js';
import type { KbMatcher } from './kb-matcher.js';
import { translitKey } from './fold.js';
import { isAllCaps, isTitleCase, joinsName, type Word } from './tokenize.js';

/** A recognised mention before linking. */
export interface Candidate {
  readonly kind: 'person' | 'organization' | 'weapon';
  /** Word range `[from, to)` of the mention. */
  readonly from: number;
  readonly to: number;
  /** View range of the mention. */
  readonly vs: number;
  readonly ve: number;
  readonly rule: string;
  /** The name as written (words joined by one space), or the knowledge-base name when linked. */
  readonly name: string;
  readonly kbId?: string;
  readonly side?: string;
  readonly role?: string;
  readonly type?: string;
  /** Person: the words of the name. */
  readonly nameWords?: readonly string[];
}

/** The words of a sentence and what was found in it. */
export interface SentenceFindings {
  readonly words: readonly Word[];
  readonly candidates: readonly Candidate[];
  /** True when case carried no information (ALL CAPS) or the line is a Title Case headline. */
  readonly caseless: boolean;
  readonly allCaps: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);
const CONNECTORS = new Set(['of', 'for']);
/** Words an "of/for" phrase after a title may run before a speech verb that makes the title the speaker. */
const SPEAKER_REACH = 8;
const WEAPON = /^(\p{Lu}[\p{L}]{0,6}|\d\p{Lu})-(\d{1,4}\p{Lu}{0,3}\d?)(s?)$/u;
const PAST_TENSE = /[a-z]{2,}(?:ted|ied|ded|sed|ped|ked|ned|ved|zed|ged|ied|shed|ched)$/;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const ABSTRACT = /(?:ity|ion|ment|ness|ism|ates|ance|ence)$/;
const QUOTES = /^[\s“”"‘’'«»]*$/;
const CAPS_WORD = /^\p{Lu}[\p{Lu}.'’-]*\p{Lu}\.?$/u;
// What follows the capitals of a dateline: a bracketed agency, a dash, a colon, a line end, or a state or country after a comma.
const DATELINE_TAIL = /^\)?(?:\s*,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s*(?:\([^()\n]{1,30}\)|[-–—:\uFFFD]|\n|$)/u;

/** "PETROV" → "Petrov", "AL-ASSAD" → "Al-Assad": a readable name for words written in capitals. */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Finds the candidates of one sentence (`text`, starting at view offset `base`, read as `words`). */
export function findEntities(text: string, base: number, words: readonly Word[], lex: Lexicon, kb: KbMatcher, headline = false): SentenceFindings {
  const allCaps = isAllCaps(text);
  const caseless = allCaps || headline || isTitleCase(words);
  const covered = new Array<boolean>(words.length).fill(false);
  const out: Candidate[] = [];
  const add = (c: Candidate) => {
    out.push(c);
    for (let i = c.from; i < c.to; i++) covered[i] = true;
  };
  const free = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (covered[i]) return false;
    return true;
  };
  const sideOf = (w: Word | undefined) => (w ? lex.sides.get(w.lower) : undefined);
  const span = (from: number, to: number) => ({ vs: words[from].vs, ve: words[to - 1].ve });
  const join = (from: number, to: number) => words.slice(from, to).map((w) => w.text).join(' ');
  const cueAfter = (i: number) => {
    for (let j = i; j < Math.min(words.length, i + 3); j++) {
      const t = lex.weaponCues.get(words[j].lower);
      if (t) return t;
    }
    return undefined;
  };

  // Knowledge-base names first: they are the most certain.
  const personHits: { from: number; to: number; kbId: string; name: string; side?: string }[] = [];
  for (const hit of kb.find(words, allCaps)) {
    const e = hit.entry;
    if (e.kind === 'weapon') {
      const cue = cueAfter(hit.to);
      if (e.needsCue && !cue) continue;
      add({ kind: 'weapon', from: hit.from, to: hit.to, ...span(hit.from, hit.to), rule: 'entities/kb-weapon', name: e.name, kbId: e.id, type: e.type });
    } else if (e.kind === 'organization') {
      let from = hit.from;
      const prev = words[from - 1];
      if (prev?.possessive && sideOf(prev) && lex.nationalTypes.has(e.type ?? '') && joinsName(words[from].gap)) from--;
      add({ kind: 'organization', from, to: hit.to, ...span(from, hit.to), rule: 'entities/kb-organization', name: e.name, kbId: e.id, side: e.side, type: e.type });
    } else {
      personHits.push({ from: hit.from, to: hit.to, kbId: e.id, name: e.name, side: e.side });
      for (let i = hit.from; i < hit.to; i++) covered[i] = true;
    }
  }

  // Weapon designations: Prefix-Number with a known prefix or a cue noun after it.
  for (const w of words) {
    if (covered[w.index]) continue;
    const m = WEAPON.exec(w.text);
    if (!m) continue;
    const name = `${m[1]}-${m[2]}`;
    if (lex.notWeapons.has(name.toLowerCase())) continue;
    const cue = cueAfter(w.index + 1);
    const prefixType = lex.weaponPrefixes.get(m[1]);
    if (!cue && !prefixType) continue;
    add({
      kind: 'weapon', from: w.index, to: w.index + 1, vs: w.vs, ve: w.ve, rule: 'entities/weapon-designation', name,
      type: cue && cue !== 'system' ? cue : prefixType ?? cue,
    });
  }

  if (!allCaps) findOrganizations();
  // In ALL CAPS every word is capitalised: runs are cut at function words and verbs, and only titled,
  // appositive or given-name persons are taken.
  if (!caseless || (allCaps && !headline)) findPersons();
  for (const h of personHits) {
    const ctx = personContext(h.from, h.to, []);
    add({
      kind: 'person', from: h.from, to: h.to, ...span(h.from, h.to), rule: 'entities/kb-person', name: h.name, kbId: h.kbId,
      side: ctx.side, role: ctx.role, nameWords: words.slice(h.from, h.to).map((w) => w.text),
    });
  }
  out.sort((a, b) => a.from - b.from);
  return { words, candidates: out, caseless, allCaps };

  function findOrganizations(): void {
    // Capitalised names around an organisation head word: "Russian Defense Ministry", "Institute for War Research".
    for (let h = 0; h < words.length; h++) {
      const head = words[h];
      const type = lex.orgHeads.get(head.lower);
      if (!type || !head.cap || covered[h] || caseless) continue;
      let from = h;
      while (from > 0) {
        const w = words[from - 1];
        if (!w.cap || w.possessive || covered[from - 1] || !joinsName(words[from].gap)) break;
        if (lex.stopWords.has(w.lower) && !sideOf(w) && !lex.orgHeads.has(w.lower) && !lex.titleModifiers.has(w.lower) && !lex.orgInnerWords.has(w.lower)) break;
        if (lex.titleHeads.has(w.lower) && !lex.titleModifiers.has(w.lower)) break;
        from--;
      }
      let to = h + 1;
      if (!head.possessive && CONNECTORS.has(words[to]?.lower ?? '') && words[to + 1]) {
        let k = to + 1;
        if (words[k].lower === 'the' && words[k + 1]?.cap) k++;
        if (words[k].cap && !covered[k]) {
          while (k < words.length && words[k].cap && !covered[k] && joinsName(words[k].gap) && !lex.calendarWords.has(words[k].lower)) {
            if (lex.titleHeads.has(words[k].lower) && !lex.titleModifiers.has(words[k].lower)) break;
            k++;
            if (words[k - 1].possessive) break;
            // "Communist Party of Vietnam Nguyen Phu Trong": a country ends the complement.
            if (lex.countriesAndCapitals.has(placeKey(join(to + 1, k))) && words[k]?.cap && !lex.orgHeads.has(words[k].lower)) break;
          }
          if (k > to + 1) to = k;
        }
      }
      if (to - from < 2) continue;
      // "Farmers Service Centre", "Pentagon Press Hall": a place noun after the name makes it a building.
      const after = words[to];
      if (after?.cap && lex.geoNouns.has(after.lower) && joinsName(after.gap)) continue;
      // "Rogers Centre" is a building, "Center for Strategic …" and "Eastern Military District" are bodies.
      if (lex.complementHeads.has(head.lower) && to === h + 1 && !lex.titleModifiers.has(words[h - 1]?.lower ?? '')) continue;
      if (!free(from, to)) continue;
      let side: string | undefined;
      // A nationality word inside the name gives a side only to state bodies: "Free Russian Army" fights Russia.
      if (lex.nationalTypes.has(type)) for (let i = from; i < to; i++) side ??= sideOf(words[i]);
      const prev = words[from - 1];
      if (prev?.possessive && sideOf(prev) && joinsName(words[from].gap) && lex.nationalTypes.has(type) && !side) {
        side = sideOf(prev);
        from--;
      }
      const inner = words.slice(from, to).some((w) => w.lower === 'intelligence') ? 'security-service' : type;
      add({ kind: 'organization', from, to, ...span(from, to), rule: 'entities/org-head', name: join(from, to), side, type: inner });
      h = to - 1;
    }
    // Nationality word + institution noun: "the Ukrainian government", "British military intelligence".
    for (let i = 0; i < words.length - 1; i++) {
      const w = words[i];
      const side = sideOf(w);
      if (!side || !w.cap || covered[i]) continue;
      for (const len of [2, 1]) {
        const phrase = words.slice(i + 1, i + 1 + len);
        if (phrase.length < len || phrase.some((p) => p.cap || covered[p.index] || !/^\s+$/.test(p.gap))) continue;
        const type = lex.institutions.get(phrase.map((p) => p.lower).join(' '));
        if (!type) continue;
        const next = words[i + 1 + len];
        // "Russian military blogger": the words describe a person's title, not an institution.
        if (next && !next.cap && (lex.titleHeads.has(next.lower) || lex.titleModifiers.has(next.lower)) && /^\s+$/.test(next.gap)) break;
        const to = i + 1 + len;
        add({ kind: 'organization', from: i, to, ...span(i, to), rule: 'entities/nationality-institution', name: join(i, to), side, type });
        i = to - 1;
        break;
      }
    }
    // An all-capitals abbreviation in running text is an organisation (FBI, SBU, HUR), unless listed as none.
    if (!caseless) {
      const dateline = datelineEnd();
      for (const w of words) {
        if (covered[w.index] || !ACRONYM.test(w.text) || lex.notAcronyms.has(w.lower) || sideOf(w) || lex.stopWords.has(w.lower)) continue;
        if (lex.titleHeads.has(w.lower) || lex.calendarWords.has(w.lower)) continue;
        // "CAIRO", "NEW YORK", "BOSTON (Reuters) -": place names in capitals, not abbreviations.
        if (w.index < dateline || capsNeighbour(w) || isCapsPlace(w)) continue;
        add({ kind: 'organization', from: w.index, to: w.index + 1, vs: w.vs, ve: w.ve, rule: 'entities/acronym', name: w.text });
      }
    }
    // Media named after a media noun: "the news service “Meduza”", "the newspaper Izvestia".
    for (let i = 0; i < words.length - 1; i++) {
      const w = words[i];
      if (w.cap || !lex.mediaNouns.has(w.lower) || (i > 0 && words[i - 1].cap && !lex.stopWords.has(words[i - 1].lower))) continue;
      const first = i + 1;
      if (covered[first] || !words[first].cap || !QUOTES.test(words[first].gap)) continue;
      let to = first + 1;
      while (to < words.length && to - first < 4 && words[to].cap && !covered[to] && joinsName(words[to].gap)) to++;
      const name = join(first, to);
      if (lex.stopWords.has(words[first].lower) || lex.sides.has(words[first].lower)) continue;
      add({ kind: 'organization', from: first, to, ...span(first, to), rule: 'entities/media-noun', name, type: 'media' });
    }
  }

  /** A country, capital or (from five letters) first-level division written in capitals: "LONDON", "LAGOS". */
  function isCapsPlace(w: Word): boolean {
    const key = placeKey(w.text);
    return lex.countriesAndCapitals.has(key) || (w.text.length >= 5 && lex.regions.has(key));
  }

  /**
   * Part of a run of all-capital words in running text that holds a place word — a place prefix, a place noun, a
   * country, capital or division ("SAN DIEGO", "HORRY COUNTY", "MEXICO CITY"); "IGFC KP" or "RF MGS" stay acronyms.
   */
  function capsNeighbour(w: Word): boolean {
    const caps = (x: Word | undefined) => !!x && CAPS_WORD.test(x.text) && !sideOf(x);
    let from = w.index;
    while (from > 0 && caps(words[from - 1]) && joinsName(words[from].gap)) from--;
    let to = w.index + 1;
    while (to < words.length && caps(words[to]) && joinsName(words[to].gap)) to++;
    if (to - from < 2) return false;
    const placeWord = (x: Word) => lex.placePrefixes.has(x.lower) || lex.geoNouns.has(x.lower) || isCapsPlace(x);
    return words.slice(from, to).some(placeWord);
  }

  /**
   * The words of a dateline that opens the sentence: capitals (joined by spaces, commas or "&"), then an agency in
   * brackets, a dash or colon, or a comma and a capitalised state or country ("BEIRUT (AP)", "CAIRO -",
   * "HELENA, Mont. (AP)", "MANILA, Philippines –"). Returns the index of the first word after it (0 when none).
   */
  function datelineEnd(): number {
    let k = 0;
    while (k < words.length && CAPS_WORD.test(words[k].text) && (k === 0 ? /^[\s(“"]*$/.test(words[0].gap) : /^\s*[,&]?\s*$/.test(words[k].gap))) k++;
    if (k === 0) return 0;
    const rest = text.slice(words[k - 1].ve - base);
    return DATELINE_TAIL.test(rest) ? k : 0;
  }

  function isTitleWord(w: Word): boolean {
    return lex.titleHeads.has(w.lower) || lex.titleModifiers.has(w.lower);
  }

  /** Role and side from the words around a name: titles before it, appositions after or before it. */
  function personContext(from: number, to: number, runTitle: readonly Word[]): { role?: string; side?: string; rule?: string } {
    let side: string | undefined;
    const role: string[] = [];
    let rule: string | undefined;
    for (const w of runTitle) {
      const s = sideOf(w);
      if (s) side ??= s;
      else role.push(w.lower);
    }
    if (runTitle.length) rule = 'entities/title-name';
    // Lower-case title just before the name, possibly after a comma: "military blogger X", "minister, X".
    const walkBack = (start: number): boolean => {
      let i = start;
      const got: Word[] = [];
      while (i >= 0) {
        const w = words[i];
        if (got.length && !/^[\s]+$/.test(words[i + 1].gap)) break;
        if (sideOf(w) && (w.cap || w.possessive || w.lower.startsWith('pro-'))) {
          got.unshift(w);
          i--;
          continue;
        }
        if (w.cap && !got.length) break;
        if (!isTitleWord(w) || (covered[i] && w.cap)) break;
        got.unshift(w);
        i--;
      }
      const nearest = got[got.length - 1];
      if (!nearest || !lex.titleHeads.has(nearest.lower) || sideOf(nearest)) return false;
      // "Putin's aide X": the side of the person whose title this is.
      const owner = words[i];
      if (owner?.possessive) {
        side ??= personHits.find((h) => h.to - 1 === i)?.side ?? out.find((c) => c.kind === 'person' && c.to - 1 === i)?.side;
      }
      for (const w of got) {
        const s = sideOf(w);
        if (s) side ??= s;
      }
      if (!role.length) role.push(...got.filter((w) => !sideOf(w)).map((w) => w.lower));
      return true;
    };
    if (!runTitle.length && from > 0) {
      const gap = words[from].gap;
      if (/^\s+$/.test(gap) && walkBack(from - 1)) rule = 'entities/title-name';
      else if (/^\s*,\s*$/.test(gap)) {
        if (walkBack(from - 1)) rule = 'entities/apposition-before';
        else {
          // "the chief of the Russian mercenary Wagner Group, X": the name's organisation sits before the comma.
          const org = out.find((c) => c.kind === 'organization' && c.to === from);
          if (org) {
            let i = org.from - 1;
            while (i >= 0 && !words[i].cap && isTitleWord(words[i])) i--;
            while (i >= 0 && (sideOf(words[i]) || (!words[i].cap && lex.titleModifiers.has(words[i].lower)))) i--;
            if (words[i]?.lower === 'the') i--;
            if (i > 0 && CONNECTORS.has(words[i].lower) && lex.titleHeads.has(words[i - 1].lower) && !words[i - 1].cap) {
              rule = 'entities/apposition-before';
              role.push(words[i - 1].lower);
              side ??= org.side ?? sideBetween(org.from - 3, org.from);
            }
          }
        }
      }
    }
    // Apposition after: "X, spokesman for the Eastern …", "X, governor of Russia's Belgorod region".
    if (to < words.length && /^\s*,\s*$/.test(words[to].gap)) {
      let i = to;
      while (i < words.length && DETERMINERS.has(words[i].lower)) i++;
      const got: Word[] = [];
      while (i < words.length && got.length < 6 && (isTitleWord(words[i]) || sideOf(words[i])) && !(words[i].cap && !sideOf(words[i]) && covered[i])) {
        got.push(words[i]);
        i++;
      }
      const lastHead = [...got].reverse().find((w) => lex.titleHeads.has(w.lower) && !sideOf(w));
      // "…held X, the general staff said": a title phrase that is the subject of a speech verb is the speaker of the
      // sentence, not an apposition of the name before the comma ("X, a spokesman, said" has its second comma).
      // ("…left X, a spokesman for the Ukrainian army said": the title's "of/for" phrase, then the speech verb.)
      let v = i;
      if (v < words.length && CONNECTORS.has(words[v].lower)) while (v < words.length && v - i < SPEAKER_REACH && /^\s+$/.test(words[v].gap) && !lex.speechVerbs.has(words[v].lower)) v++;
      const speakerClause = v < words.length && lex.speechVerbs.has(words[v].lower) && /^\s+$/.test(words[v].gap);
      if (lastHead && !lastHead.cap && !speakerClause) {
        if (!role.length) role.push(...got.slice(0, got.indexOf(lastHead) + 1).filter((w) => !sideOf(w)).map((w) => w.lower));
        for (const w of got) side ??= sideOf(w);
        rule ??= 'entities/apposition-after';
        const link = words[lastHead.index + 1];
        if (link && CONNECTORS.has(link.lower)) {
          const org = out.find((c) => c.kind === 'organization' && c.from > link.index && c.from <= link.index + 2);
          side ??= org?.side ?? sideBetween(link.index + 1, link.index + 4);
        }
      }
    }
    // "X of the Polish foreign ministry": the organisation right after the name gives the side.
    if (!side && words[to]?.lower === 'of' && /^\s+$/.test(words[to].gap)) {
      const org = out.find((c) => c.kind === 'organization' && c.from > to && c.from <= to + 2);
      side = org?.side;
    }
    // "Ukraine's Maliar": a possessive country right before the name.
    const prev = words[from - 1];
    if (!side && prev?.possessive && sideOf(prev) && /^\s+$/.test(words[from].gap)) side = sideOf(prev);
    const roleWords = role.filter((w) => !lex.honorifics.has(w));
    return { role: roleWords.length ? roleWords.join(' ') : undefined, side, rule };
  }

  function sideBetween(from: number, to: number): string | undefined {
    for (let i = Math.max(0, from); i < Math.min(words.length, to); i++) {
      if (words[i].cap && sideOf(words[i])) return sideOf(words[i]);
    }
    return undefined;
  }

  function capsBreak(w: Word): boolean {
    return (lex.stopWords.has(w.lower) && !sideOf(w) && !isTitleWord(w)) || lex.speechVerbs.has(w.lower) || lex.calendarWords.has(w.lower) || /\d/.test(w.text);
  }

  /**
   * A name that is a place is no person: a country, capital or first-level division ("Slovenia", "Tamil Nadu";
   * a one-word division such as "Douglas" still names a person after Mr./Mrs./Dr.), or a name that starts with
   * or follows the first word of a place name ("New Jersey Transit", "San Francisco", "St. Louis Police").
   */
  function isPlaceName(from: number, to: number): boolean {
    const first = words[from];
    if (lex.placePrefixes.has(first.lower)) return true;
    const prev = words[from - 1];
    if (prev?.cap && lex.placePrefixes.has(prev.lower) && joinsName(first.gap)) return true;
    const key = placeKey(words.slice(from, to).map((w) => w.text).join(' '));
    if (lex.countriesAndCapitals.has(key)) return true;
    return lex.regions.has(key) && !(to - from === 1 && prev && lex.honorifics.has(prev.lower));
  }

  function findPersons(): void {
    for (let i = 0; i < words.length; i++) {
      if (covered[i] || !words[i].cap || (allCaps && capsBreak(words[i]))) continue;
      // A run of capitalised words joined by spaces (one line break allowed) and name particles.
      let j = i + 1;
      while (j < words.length && !covered[j] && !words[j - 1].possessive && joinsName(words[j].gap)) {
        if (allCaps && capsBreak(words[j])) break;
        if (words[j].cap) j++;
        else if (lex.nameParticles.has(words[j].lower) && words[j + 1]?.cap && joinsName(words[j + 1].gap)) j += 2;
        else break;
      }
      judgeRun(i, j);
      i = j - 1;
    }
  }

  function judgeRun(runFrom: number, runTo: number): void {
    let p = runFrom;
    // Leading function words ("But", "The") are not part of a name; a given name such as "Said" before another name is.
    // A title head listed as a stop word ("President", "Editor") stays: it titles the name after it.
    while (
      p < runTo && lex.stopWords.has(words[p].lower) && !sideOf(words[p]) && !(lex.givenNames.has(translitKey(words[p].text)) && p + 1 < runTo) &&
      !(lex.titleHeads.has(words[p].lower) && p + 1 < runTo)
    ) p++;
    let lastHead = -1;
    let q = p;
    while (q < runTo && (sideOf(words[q]) || isTitleWord(words[q]))) {
      if (lex.titleHeads.has(words[q].lower) && !sideOf(words[q])) lastHead = q;
      q++;
    }
    // "New York Mayor Bill de Blasio", "North Carolina Gov. Roy Cooper": a title after up to three capitalised words
    // (a place or body the office belongs to); those words are left to the places stage.
    // Also after a weak title that starts an organisation's name: "Premier League Chief Richard Masters".
    const qualFrom = lastHead >= 0 ? lastHead + 1 : p;
    if (lastHead < 0 || lex.weakTitleHeads.has(words[lastHead].lower)) {
      for (let k = Math.min(runTo - 2, qualFrom + 4); k > qualFrom; k--) {
        // A weak head ("Chief") only before a full name: "San Diego Police Chief David Nisleit".
        if (!lex.titleHeads.has(words[k].lower) || sideOf(words[k]) || (lex.weakTitleHeads.has(words[k].lower) && k > runTo - 3)) continue;
        let t = k;
        while (t > qualFrom && isTitleWord(words[t - 1]) && !sideOf(words[t - 1])) t--;
        if (t === qualFrom || t - qualFrom > 3 || words.slice(qualFrom, t).some((w) => isTitleWord(w) || lex.orgHeads.has(w.lower) || lex.officeNouns.has(w.lower))) break;
        p = t;
        // The whole title: "New York Attorney General Eric Schneiderman".
        for (let q = t; q < runTo - 1 && (isTitleWord(words[q]) || sideOf(words[q])); q++) if (lex.titleHeads.has(words[q].lower) && !sideOf(words[q])) lastHead = q;
        break;
      }
    }
    let nameFrom = lastHead >= 0 ? lastHead + 1 : p;
    while (nameFrom < runTo && sideOf(words[nameFrom])) nameFrom++;
    // "Rival Hillary Clinton": a capitalised word before a given name and surname is no part of the name.
    const isGiven = (w: Word | undefined) => !!w && lex.givenNames.has(translitKey(w.text));
    if (lastHead < 0 && runTo - nameFrom >= 3 && !isGiven(words[nameFrom]) && isGiven(words[nameFrom + 1])) nameFrom++;
    let nameTo = nameFrom;
    while (
      nameTo < runTo &&
      !lex.calendarWords.has(words[nameTo].lower) &&
      !(lex.stopWords.has(words[nameTo].lower) && nameTo > nameFrom) &&
      !(sideOf(words[nameTo]) && nameTo > nameFrom)
    ) {
      nameTo++;
      if (words[nameTo - 1].possessive) break;
    }
    // A capitalised verb after a full name is a headline word ("David Hogg Rejected"), not a third name.
    while (nameTo - nameFrom > 2 && PAST_TENSE.test(words[nameTo - 1].lower)) nameTo--;
    const n = nameTo - nameFrom;
    if (n < 1 || n > 4) return;
    if (lex.officeNouns.has(words[nameTo - 1].lower) || (n > 1 && lex.geoNouns.has(words[nameTo - 1].lower))) return;
    const name = words.slice(nameFrom, nameTo);
    if (name.some((w) => /\d/.test(w.text)) || lex.stopWords.has(name[0].lower) || lex.calendarWords.has(name[0].lower)) return;
    if (isPlaceName(nameFrom, nameTo)) return;
    const runTitle = lastHead >= 0 ? words.slice(p, lastHead + 1) : [];
    const ctx = personContext(nameFrom, nameTo, runTitle);
    const given = lex.givenNames.has(translitKey(name[0].text));
    let rule = ctx.rule;
    if (n === 1) {
      const w = name[0];
      // "President Vladimir": a given name alone is not a person's name; neither is a place.
      const regnal = lastHead >= 0 && lastHead === nameFrom - 1 && lex.regnalTitles.has(words[lastHead].lower);
      // "his wife, Julia", "her son James": a kinship noun names a person by a given name alone.
      const kinWord = words[nameFrom - 1];
      if (!rule && given && kinWord && !kinWord.cap && lex.kinNouns.has(kinWord.lower) && /^\s*,?\s*$/.test(w.gap) && !/\n/.test(w.gap)) {
        rule = 'entities/kin-name';
      } else if (!rule || (given && !regnal) || lex.placeWords.has(w.lower) || lex.orgHeads.has(w.lower)) return;
      // "Premier League", "General Manager": a one-word name needs a title that is not also a common adjective.
      if (lastHead >= 0 && lastHead === nameFrom - 1 && lex.weakTitleHeads.has(words[lastHead].lower)) return;
      // "Ambassador Extraordinary and Plenipotentiary": a title word is no one-word name.
      if (lex.weakTitleHeads.has(w.lower)) return;
    } else {
      if (name.some((w) => lex.placeWords.has(w.lower) || lex.orgHeads.has(w.lower))) return;
      const next = words[nameTo];
      // In capitals a given name is too often a common word ("BILL PASSED"): a speech verb must follow.
      const saysNext = !!next && lex.speechVerbs.has(next.lower) && /^\s+$/.test(next.gap);
      if (!rule && given && (!allCaps || saysNext)) rule = 'entities/given-name';
      // Before a speech verb, but not title words or abstract nouns ("Presidential Debates", "Professional Responsibility").
      const nameLike = !name.some((w) => isTitleWord(w) || ABSTRACT.test(w.lower) || (w.text.length > 1 && w.text === w.text.toUpperCase()));
      if (!rule && !allCaps && nameLike && next && lex.speechVerbs.has(next.lower) && /^\s+$/.test(next.gap) && n <= 3) rule = 'entities/name-said';
      if (!rule) return;
    }
    add({
      kind: 'person', from: nameFrom, to: nameTo, ...span(nameFrom, nameTo), rule,
      name: name.map((w) => (allCaps ? titleCase(w.text) : w.text)).join(' '),
      side: ctx.side, role: ctx.role, nameWords: name.map((w) => (allCaps ? titleCase(w.text) : w.text)),
    });
  }
}
