/**
 * Recognition: one left-to-right pass over the words of a sentence that proposes place mentions from
 * gazetteer lookups of capitalised runs (longest first), region phrases, hyphenated and possessive forms,
 * and unknown names after cue phrases. Disambiguation happens later, over the whole document.
 */
import { foldName, isCapitalised } from '../fold.js';
import type { Gazetteer } from '../gazetteer.js';
import type { PlaceLexicon } from '../lexicon.js';
import { isHeadlineCase, type Word as LangWord } from '../../../core/index.js';

/** A word of the sentence with its offsets in the sentence text. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly folded: string;
  readonly cap: boolean;
  /** Capitalised as a name is: `cap`, except in a title-case headline, where only words the tagger reads as
   * names or adjectives (demonyms) are ("Who Controls Bakhmut": "Controls" is capitalised, not a name). */
  readonly nameCap: boolean;
}

/** A proposed place mention; offsets are relative to the scanned text. */
export interface PlaceMatch {
  readonly start: number;
  readonly end: number;
  /** Folded name looked up. */
  readonly key: string;
  /** Gazetteer indices; empty for unresolved mentions. */
  readonly candidates: readonly number[];
  /** The recognition rule, `places/<name>`. */
  readonly rule: string;
  /** The mention names a first-level division ("Donetsk region"). */
  readonly region?: boolean;
  /** A capitalised name after a cue phrase that the gazetteer lacks. */
  readonly unresolved?: boolean;
  /** Followed by a speech verb ("Moscow said"). */
  readonly metonym?: boolean;
  /** Preceded by a locative preposition or cue. */
  readonly locative?: boolean;
  /** Preceded by a cue phrase that introduces a settlement ("the village of", "captured", "near"). */
  readonly cued?: boolean;
  /** Part of a longer capitalised run whose other words are no place ("Jackson Browne"). */
  readonly embedded?: boolean;
  /** Number of words the name spans. */
  readonly words: number;
  /** A single ordinary word (not an abbreviation or acronym), which a lower-case use elsewhere makes doubtful. */
  readonly plain?: boolean;
  /** The first word of its sentence, capitalised whatever it is ("Just", "Still", "Story"). */
  readonly initial?: boolean;
  /** A capitalised word the gazetteer lacks: kept only if it is a misspelling of a place the document names. */
  readonly unknown?: boolean;
  /** The war-predicate slot rule it fills ("captured X", "the assault on X"; rules/war-slot.ts), if any. */
  readonly slot?: string;
}

const ABBREVIATION = /^(?:\p{L}\.){2,}$/u;
const CONNECTORS = new Set(['of', 'de', 'la', 'le', 'du', 'del', 'des', 'upon', 'on', 'am', 'el', 'al', 'da', 'di', 'sur', 'an', 'der', 'and']);
// Clitics the linguistic layer splits off: a possessive `'s` is dropped, the others stay on their word ("don't").
const POSSESSIVE = /^['’][sS]$/;
const CLITIC = /^(?:n['’]t|['’](?:re|ve|ll|d|m))$/i;

function startsWord(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^[\p{L}\p{N}]/u.test(s);
}

function isTrailing(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46;
}

/**
 * The words of the linguistic layer's words `[first, end)` (`doc.lang`) as this stage reads them, with offsets
 * relative to `base`: punctuation left out, a possessive `'s` dropped, trailing apostrophes, hyphens and dots
 * dropped except on dotted abbreviations ("U.S.").
 */
export function placeWords(lang: readonly LangWord[], first: number, end: number, base = 0, headlineCase?: boolean): Word[] {
  const out: Word[] = [];
  // In a title-case headline ("Conflicting Accounts on Who Controls Bakhmut") a capital says little: see `nameCap`.
  const headline = headlineCase ?? isHeadlineCase(lang, first, end);
  let prevEnd = -1;
  for (let i = first; i < end; i++) {
    const lw = lang[i];
    const prev = out[out.length - 1];
    if (prev && lw.vStart === prevEnd) {
      if (POSSESSIVE.test(lw.text)) continue;
      if (CLITIC.test(lw.text)) {
        const text = prev.text + lw.text;
        out[out.length - 1] = { ...prev, end: lw.vEnd - base, text, folded: foldName(text) };
        prevEnd = lw.vEnd;
        continue;
      }
    }
    if (!startsWord(lw.text)) continue;
    let t = lw.text;
    if (!ABBREVIATION.test(t)) while (t.length > 1 && isTrailing(t.charCodeAt(t.length - 1))) t = t.slice(0, -1);
    const cap = isCapitalised(t);
    const nameCap = cap && (!headline || lw.cap !== 'title' || lw.tag === 'PROPN' || lw.tag === 'ADJ');
    out.push({ start: lw.vStart - base, end: lw.vStart - base + t.length, text: t, folded: foldName(t), cap, nameCap });
    prevEnd = lw.vEnd;
  }
  return out;
}

// Only spaces (and at most one line break, for a name split across lines) may lie inside a name.
function joined(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap.length === 0 || gap.length > 3) return false;
  // The dot of an abbreviation ("St. Louis", "Ft. Worth") that the word lost when it was split off.
  const from = gap[0] === '.' && a.text.length <= 3 ? 1 : 0;
  if (from === 1 && gap.length === 1) return false;
  for (let i = from; i < gap.length; i++) {
    const c = gap[i];
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\u00a0') return false;
  }
  return true;
}

function allCaps(w: Word): boolean {
  return w.text === w.text.toUpperCase() && w.text !== w.text.toLowerCase();
}

/** Proposes place mentions in one sentence. Runs in time linear in its words (times the longest name). */
export function scanSentence(text: string, words: Word[], g: Gazetteer, lex: PlaceLexicon): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  // A sentence written all in capitals (a headline) has no capitalisation signal for its words.
  const shouting = words.length > 3 && words.filter((w) => w.cap).length === words.length;
  let i = 0;
  // End of the last division named after a plural "regions of" ("the regions of Sumy and …"), while its coordination
  // may go on.
  let pluralOf: number | null = null;
  while (i < words.length) {
    const w = words[i];
    if (!w.cap || shouting && w.folded.length < 3) {
      i++;
      continue;
    }
    const prev = words[i - 1];
    // "near Marinka", and "in western Marinka": a lower-case part adjective between the preposition and the name.
    const prevLocative = prev !== undefined && (lex.locativeCues.has(prev.folded) || (!prev.cap && lex.partAdjectives.has(prev.folded) && i > 1 && lex.locativeCues.has(words[i - 2].folded)));
    // ("President Jackson", and a vessel's name: "the cruiser Moskva", "a landing warship, the Novocherkassk".)
    const vesselAppositive = prev?.folded === 'the' && i >= 2 && lex.vesselNouns.has(words[i - 2].folded) && /^\s*,\s*$/.test(text.slice(words[i - 2].end, prev.start));
    const titled = vesselAppositive || (prev !== undefined && joined(text, prev, w) && ((prev.cap && lex.personTitles.has(prev.folded)) || lex.vesselNouns.has(prev.folded)));

    // Longest gazetteer name starting here.
    let best = 0;
    let cands: readonly number[] = [];
    let key = '';
    const limit = Math.min(g.maxWords, words.length - i);
    for (let n = limit; n >= 1; n--) {
      const last = words[i + n - 1];
      if (!last.cap) continue;
      let ok = true;
      for (let k = i + 1; k < i + n && ok; k++) {
        ok = joined(text, words[k - 1], words[k]) && (words[k].cap || CONNECTORS.has(words[k].folded));
      }
      if (!ok) continue;
      const folded = n === 1 ? w.folded : foldName(text.slice(w.start, last.end));
      if (lex.notPlaces.has(folded)) {
        if (n === 1) break;
        continue;
      }
      if (lex.unlistedRegions.has(folded)) {
        best = -n;
        key = folded;
        break;
      }
      let found = g.lookup(folded);
      // "the west bank of the Dnipro", "crossed the Oskil": a name after a lower-case "the" that the gazetteer also
      // knows as "<name> River" is the river (towns take no article; "the Hague" has no river namesake).
      if (found.length && n === 1 && i > 0 && words[i - 1].text === 'the' && text.slice(words[i - 1].end, w.start) === ' ') {
        // (Only over towns: "the Ohio", "the Colorado" keep their states.)
        const river = found.every((c) => g.typeOf(c) === 'city') ? g.lookup(`${folded} river`) : [];
        if (river.length) found = river;
      }
      if (found.length) {
        best = n;
        cands = found;
        key = folded;
        break;
      }
    }

    if (best < 0) {
      const last = words[i - best - 1];
      out.push({ start: w.start, end: last.end, key, candidates: [], rule: 'places/unlisted-region', unresolved: true, words: -best });
      i -= best;
      continue;
    }
    if (best === 0) {
      const extra = fallback(text, words, i, g, lex);
      if (extra.length) {
        for (const m of extra) out.push({ ...m, locative: m.locative ?? prevLocative });
        i++;
        continue;
      }
      i++;
      continue;
    }

    const lastWord = words[i + best - 1];
    let end = lastWord.end;
    let next = i + best;
    let region = false;
    let rule = 'places/name';
    // "Belgorod Oblast" as a gazetteer name is a region phrase too.
    if (best > 1 && lex.regionWords.has(lastWord.folded)) {
      const admins = cands.filter((c) => g.place(c).type === 'admin1');
      if (admins.length) {
        cands = admins;
        region = true;
        rule = 'places/region-phrase';
      }
    }
    // "Morozovsk air base", "the Chernobyl Nuclear Power Plant": a facility named after its town, reported as a
    // mention of the town (the longest head wins).
    const facility = longestHead(text, words, next, lex.townFacilityHeads);
    const towns = facility ? cands.filter((c) => g.typeOf(c) === 'city') : [];
    if (facility && towns.length && !region && !titled) {
      const last = words[next + facility - 1];
      out.push({ start: w.start, end: last.end, key, candidates: towns, rule: 'places/facility-of-town', words: best, ...(prevLocative ? { locative: true } : {}) });
      i = next + facility;
      continue;
    }
    // "Royal Street", "Carnegie Library": a street or building, not the town "Royal" — a place the
    // gazetteer lacks, reported unresolved over the whole phrase.
    let head = facilityEnd(text, words, next, lex);
    if (head >= 0 && !titled) {
      // The whole name: back to the start of its capitalised run, on to the last of its head words
      // ("Marjory Stoneman Douglas High School").
      while (head + 1 < words.length && words[head + 1].cap && lex.facilityHeads.has(words[head + 1].folded) && joined(text, words[head], words[head + 1])) head++;
      let first = i;
      // A name found just before, only as part of this longer capitalised run ("Babi" in "Babi Yar Holocaust Memorial
      // Center"), belongs to the feature's name.
      const before = out[out.length - 1];
      if (before?.embedded && i > 0 && words[i - 1].end === before.end && joined(text, words[i - 1], w)) out.pop();
      const floor = out.length ? out[out.length - 1].end : 0;
      while (first > 0 && words[first - 1].cap && joined(text, words[first - 1], words[first]) && !lex.functionWords.has(words[first - 1].folded) && words[first - 1].start >= floor) first--;
      const from = words[first].start;
      const last = words[head];
      out.push({ start: from, end: last.end, key: foldName(text.slice(from, last.end)), candidates: [], rule: 'places/feature-phrase', unresolved: true, words: head - first + 1 });
      i = head + 1;
      continue;
    }
    // "Donetsk region", "Belgorod Oblast": the division named after the place; also with a word of position between
    // ("the Belgorod border region").
    let at = next;
    if (!region && words[at] && lex.regionModifiers.has(words[at].folded) && joined(text, lastWord, words[at]) && words[at + 1] && lex.regionWords.has(words[at + 1].folded) && joined(text, words[at], words[at + 1])) at++;
    const after = words[at];
    const beforeAfter = at > next ? words[next] : lastWord;
    if (!region && after && lex.regionWords.has(after.folded) && joined(text, beforeAfter, after)) {
      const admins = regionCandidates(key, cands, g);
      if (admins.length) {
        cands = admins;
        region = true;
        end = after.end;
        next = at + 1;
        rule = 'places/region-phrase';
        // "the Kursk and Belgorod regions": a plural region word makes the names before it divisions too.
        if (after.folded.endsWith('s')) coordinateRegions(text, out, w.start, g);
      }
    }
    // "province of Belgorod", "the region of Donetsk"; after a plural, each name of the coordination ("the regions of
    // Sumy and Kharkiv").
    const before2 = words[i - 2];
    const ofRegion = prev && before2 && prev.folded === 'of' && lex.regionWords.has(before2.folded);
    const coordinated: boolean = !ofRegion && pluralOf !== null && out.length > 0 && out[out.length - 1].end === pluralOf && COORDINATED.test(text.slice(pluralOf, w.start));
    if (!region && (ofRegion || coordinated)) {
      const admins = regionCandidates(key, cands, g);
      if (admins.length) {
        cands = admins;
        region = true;
        rule = 'places/region-of';
      }
    }
    pluralOf = region && rule === 'places/region-of' && (coordinated || before2.folded.endsWith('s')) ? end : null;
    // "Donetsk People's Republic", "the Dnipro battalion", "the Black Sea Grain Initiative": part of an
    // organisation's, unit's or agreement's name.
    if (headsOrganisation(words, next, lex) || namesAgreement(text, words, next, lex) || namesModel(text, words, i, next, lex)) {
      i = next;
      continue;
    }
    const follow = words[next];
    const metonym = follow !== undefined && text.slice(end, follow.start).trim() === '' && speaks(words, next, lex);
    // Inside a longer capitalised name ("Jack Sullivan", "Wagner Group"), unless the neighbour is a function
    // word that merely starts the sentence or clause ("In Kyiv").
    const embeddedBefore = prev !== undefined && prev.nameCap && joined(text, prev, w) && !lex.functionWords.has(prev.folded) && !prevLocative;
    const embeddedAfter = !region && follow !== undefined && follow.nameCap && joined(text, words[next - 1], follow) && !lex.functionWords.has(follow.folded);
    // Short all-capital words are acronyms (NATO, ISIS) unless a dateline comma follows ("KYIV, Ukraine").
    const upper = allCaps(w) && best === 1 && (w.text.length <= 3 || (w.text.length === 4 && text[w.end] !== ','));
    // "WALLACE:" in a transcript is a speaker, not a place; "500 BC" is a year.
    const speakerTag = (!shouting && allCaps(w) && text[end] === ':') || (upper && prev?.folded !== undefined && /^\d/.test(prev.folded));
    if (!titled && !speakerTag) {
      // "Washington and Moscow said": the speech verb covers every name of the coordination.
      // The list must end in "and"/"or" before the speaking name: "Kupiansk, Smith said" is a content ending in a
      // place, then its speaker, not two speakers.
      if (metonym && out.length && /^(?:\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$/.test(text.slice(out[out.length - 1].end, w.start))) {
        let edge = w.start;
        for (let k = out.length - 1; k >= 0 && /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$/.test(text.slice(out[k].end, edge)); k--) {
          out[k] = { ...out[k], metonym: true };
          edge = out[k].start;
        }
      }
      out.push({
        start: w.start, end, key, candidates: upper ? cands.filter((c) => g.place(c).type !== 'city') : cands, rule,
        ...(region ? { region } : {}), ...(metonym ? { metonym } : {}), ...(prevLocative ? { locative: true } : {}),
        ...(afterCue(words, i, lex) ? { cued: true } : {}),
        ...(embeddedBefore || embeddedAfter ? { embedded: true } : {}), words: best,
        ...(best === 1 && !allCaps(w) && !w.text.includes('.') ? { plain: true } : {}),
        ...(i === 0 ? { initial: true } : {}),
      });
    }
    i = next;
  }
  return out.filter((m) => m.candidates.length > 0 || m.unresolved || m.unknown);
}

// Number of words of the longest of `heads` starting at word `k` and joined to the word before it, or 0.
function longestHead(text: string, words: Word[], k: number, heads: readonly (readonly string[])[]): number {
  let best = 0;
  if (k === 0 || k >= words.length || !joined(text, words[k - 1], words[k])) return 0;
  for (const head of heads) {
    if (head.length <= best || k + head.length > words.length) continue;
    let ok = true;
    for (let j = 0; j < head.length && ok; j++) ok = words[k + j].folded === head[j] && (j === 0 || joined(text, words[k + j - 1], words[k + j]));
    if (ok) best = head.length;
  }
  return best;
}

// Does an organisation head ("People's Republic", "battalion") start at word `k`?
function headsOrganisation(words: Word[], k: number, lex: PlaceLexicon): boolean {
  for (const head of lex.organisationHeads) {
    if (k + head.length > words.length) continue;
    let ok = true;
    for (let j = 0; j < head.length && ok; j++) ok = words[k + j].folded === head[j];
    if (ok) return true;
  }
  return false;
}

// Is the name over words [i, next) a weapon model's ("a Pantsir missile system", "two Leopard tanks")? After an
// article or a count, right before a lower-case weapon head (`weaponHeads`) that no attack noun follows ("a Kherson
// drone attack" keeps its place).
function namesModel(text: string, words: Word[], i: number, next: number, lex: PlaceLexicon): boolean {
  const before = words[i - 1];
  const head = words[next];
  if (!before || !head || head.cap || !joined(text, words[next - 1], head) || !lex.weaponHeads.has(head.folded)) return false;
  if (!(before.folded === 'a' || before.folded === 'an' || /^\d/.test(before.text) || lex.countWords.has(before.folded))) return false;
  let k = next;
  while (k < words.length && k - next < 3 && !words[k].cap && lex.weaponHeads.has(words[k].folded)) k++;
  return !(k < words.length && lex.attackNouns.has(words[k].folded));
}

// Does a capitalised run of up to three words from word `k`, joined to the place, end in an agreement head
// ("Black Sea Grain Initiative", "Minsk Agreements")?
function namesAgreement(text: string, words: Word[], k: number, lex: PlaceLexicon): boolean {
  for (let j = k; j < Math.min(words.length, k + 3); j++) {
    if (!words[j].nameCap || !joined(text, words[j - 1], words[j])) return false;
    if (lex.agreementHeads.has(words[j].folded)) return true;
  }
  return false;
}

// Does a cue phrase ("the village of", "captured", "near") end right before word `i`?
function afterCue(words: Word[], i: number, lex: PlaceLexicon): boolean {
  for (const cue of lex.unresolvedCues) {
    if (i < cue.length) continue;
    let ok = true;
    for (let k = 0; k < cue.length && ok; k++) ok = words[i - cue.length + k].folded === cue[k];
    if (ok) return true;
  }
  return false;
}

// Turns the matches just before `start`, joined to it only by commas and "and", into divisions.
// What joins the names of a coordination: a comma, "and", or both.
const COORDINATED = /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$/;

function coordinateRegions(text: string, out: PlaceMatch[], start: number, g: Gazetteer): void {
  let edge = start;
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k];
    if (!COORDINATED.test(text.slice(m.end, edge)) || m.region || !m.candidates.length) return;
    const admins = regionCandidates(m.key, m.candidates, g);
    if (!admins.length) return;
    out[k] = { ...m, candidates: admins, region: true, rule: 'places/region-phrase' };
    edge = m.start;
  }
}

// A speech verb at `k`, after at most two auxiliaries or adverbs ("has repeatedly denied").
function speaks(words: Word[], k: number, lex: PlaceLexicon): boolean {
  for (let j = k; j < words.length && j <= k + 2; j++) {
    if (lex.metonymVerbs.has(words[j].folded)) return true;
    if (!lex.metonymAuxiliaries.has(words[j].folded)) return false;
  }
  return false;
}

// Index of a facility head closing the capitalised run that starts at `k` (up to two more words), or -1.
function facilityEnd(text: string, words: Word[], k: number, lex: PlaceLexicon): number {
  for (let j = k; j < words.length && j < k + 3; j++) {
    const w = words[j];
    if (!w.cap || !joined(text, words[j - 1], w)) return -1;
    if (lex.regionWords.has(w.folded)) return -1;
    if (lex.facilityHeads.has(w.folded)) return j;
  }
  return -1;
}

/** Admin1 divisions a name with a region word may mean: by base name, or as the division of a same-named capital. */
export function regionCandidates(key: string, cands: readonly number[], g: Gazetteer): number[] {
  // A country is never the division of a region phrase ("the Islamic State of Iraq").
  if (cands.some((c) => g.place(c).type === 'country')) return [];
  const out = new Set<number>(g.lookupAdminBase(key));
  for (const c of cands) {
    const p = g.place(c);
    if (p.type === 'admin1') out.add(c);
    else if (p.type === 'city' && p.admin1 && (p.featureCode === 'PPLA' || p.featureCode === 'PPLC')) {
      const a = g.admin1(p.admin1);
      if (a !== undefined) out.add(a);
    }
  }
  return [...out].sort((a, b) => a - b);
}

// What a capitalised word that names nothing by itself may still be: part of a hyphenated form, a region,
// a loosely transliterated name, or an unknown name after a cue.
// A name with a number after a hyphen ("Engels-2", "Soltsy-2"); group 1 is the name.
const NUMBERED_NAME = /^(\p{Lu}[\p{L}’'-]*?)-\d{1,2}$/u;

function fallback(text: string, words: Word[], i: number, g: Gazetteer, lex: PlaceLexicon): PlaceMatch[] {
  const w = words[i];
  if (lex.notPlaces.has(w.folded)) return [];
  // "Engels-2 air base", "the Soltsy-2 airfield": a numbered military facility named after its town.
  const numbered = NUMBERED_NAME.exec(w.text);
  if (numbered) {
    const facility = longestHead(text, words, i + 1, lex.townFacilityHeads);
    const key = foldName(numbered[1]);
    const towns = facility && !lex.notPlaces.has(key) ? g.lookup(key).filter((c) => g.typeOf(c) === 'city') : [];
    if (towns.length) return [{ start: w.start, end: words[i + facility].end, key, candidates: towns, rule: 'places/facility-of-town', words: 1 }];
  }
  // "Moscow-based", "Russia-Ukraine": hyphenated parts looked up one by one.
  if (w.text.includes('-')) {
    const out: PlaceMatch[] = [];
    let offset = w.start;
    for (const part of w.text.split('-')) {
      const key = foldName(part);
      if (part && isCapitalised(part) && !lex.notPlaces.has(key)) {
        const found = g.lookup(key);
        if (found.length) out.push({ start: offset, end: offset + part.length, key, candidates: found, rule: 'places/hyphen-part', embedded: true, words: 1 });
      }
      offset += part.length + 1;
    }
    return out;
  }
  const after = words[i + 1];
  if (after && lex.regionWords.has(after.folded) && joined(text, w, after)) {
    const admins = regionCandidates(w.folded, g.lookupLoose(w.folded), g);
    if (admins.length) return [{ start: w.start, end: after.end, key: w.folded, candidates: admins, rule: 'places/region-phrase', region: true, words: 1 }];
  }
  if (w.folded.length >= 4 && !allCaps(w)) {
    const loose = g.lookupLoose(w.folded);
    if (loose.length) return [{ start: w.start, end: w.end, key: w.folded, candidates: loose, rule: 'places/loose-spelling', words: 1 }];
  }
  // "Frenchmen Street": an unknown name with a street or river head is still a place.
  let j = i;
  while (j + 1 < words.length && j - i < 3 && words[j + 1].cap && joined(text, words[j], words[j + 1]) && !lex.streetHeads.has(words[j + 1].folded)) j++;
  const headWord = words[j + 1];
  if (headWord && headWord.cap && lex.streetHeads.has(headWord.folded) && joined(text, words[j], headWord) && !(i > 0 && words[i - 1].cap && joined(text, words[i - 1], w))) {
    const key = foldName(text.slice(w.start, headWord.end));
    return [{ start: w.start, end: headWord.end, key, candidates: [], rule: 'places/street-phrase', unresolved: true, words: j - i + 2 }];
  }
  // "Dyagilevo Air Base", "the Saky airfield": an unknown name heading a facility named after its town is still a
  // place — the facility, reported unresolved under its whole name. Not a demonym ("Russian air base").
  const facility = longestHead(text, words, i + 1, lex.townFacilityHeads);
  if (facility && !allCaps(w) && !lex.demonyms.has(w.folded) && !lex.demonymEndings.some((e) => w.folded.endsWith(e)) && !(i > 0 && words[i - 1].cap && joined(text, words[i - 1], w))) {
    const last = words[i + facility];
    return [{ start: w.start, end: last.end, key: foldName(text.slice(w.start, last.end)), candidates: [], rule: 'places/facility-phrase', unresolved: true, words: facility + 1 }];
  }
  // "the village of Kozinka", "near Klishchiivka": a place the gazetteer lacks.
  for (const cue of lex.unresolvedCues) {
    if (i < cue.length) continue;
    let ok = true;
    for (let k = 0; k < cue.length && ok; k++) ok = words[i - cue.length + k].folded === cue[k];
    if (!ok) continue;
    let j = i;
    while (j + 1 < words.length && j - i < 2 && words[j + 1].cap && joined(text, words[j], words[j + 1]) && !lex.notPlaces.has(words[j + 1].folded)) j++;
    const key = foldName(text.slice(w.start, words[j].end));
    return [{ start: w.start, end: words[j].end, key, candidates: [], rule: 'places/unresolved-after-cue', unresolved: true, locative: true, words: j - i + 1 }];
  }
  // "Bahkmut" in a story that also writes "Bakhmut": decided over the whole document.
  if (w.folded.length >= 6 && !allCaps(w) && !(i > 1 && words[i - 1].cap) && !(words[i + 1]?.cap)) {
    return [{ start: w.start, end: w.end, key: w.folded, candidates: [], rule: 'places/doc-variant', unknown: true, words: 1 }];
  }
  return [];
}
