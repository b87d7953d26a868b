/**
 * Speaker phrases: the noun phrase that ends right before a cue (read backwards) or starts right after it (read
 * forwards), without a part-of-speech tagger. Stop words, punctuation and a length cap bound the phrase.
 */
import { lexicon } from './lexicon.js';
import { isCapitalized, type Word } from './words.js';

/** A phrase as an inclusive word-index range. */
export interface Phrase {
  readonly first: number;
  readonly last: number;
}

/** Longest speaker phrase in words; longer runs are clauses, not names. */
export const MAX_PHRASE_WORDS = 9;

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'some', 'many', 'most', 'several', 'one', 'two', 'three', 'both', 'other', 'few', 'any', 'each', 'every', 'no', 'top', 'senior', 'former']);
const CONNECTORS = new Set(['of', 'for', 'de', 'al', 'bin', 'von', 'van', 'der', 'la', 'le', 'du']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'st', 'jr', 'sr', 'prof', 'rev', 'adm', 'brig', 'messrs']);
/** Nouns of a statement that an appositive names before its speaker ("a claim Kyiv has contested") or after a lead-in
 * (", the ministry said, a figure that could not be verified"). */
export const STATEMENT_NOUNS = new Set(['claim', 'claims', 'assertion', 'assertions', 'allegation', 'allegations', 'account', 'version', 'figure', 'figures']);
const INNER_PUNCT = new Set(['.', '-', '&', "'", '’', '“', '”', '"']);

/** True for determiners that may open a speaker phrase ("the ministry", "a source"). */
export function isDeterminer(w: Word | undefined): boolean {
  return !!w && DETERMINERS.has(w.lower);
}

function inner(w: Word, prev: Word | undefined, next: Word | undefined): boolean {
  // "U.S" + "." and the quote marks of a quoted name ("the “Russian Free Army”") stay inside a name.
  if (!INNER_PUNCT.has(w.text)) return false;
  if (w.text === '.') return !!prev && prev.end === w.start && (/^\p{Lu}(?:\.\p{Lu})*$/u.test(prev.text) || TITLES.has(prev.lower));
  // A closing mark glued to the name before it ends a quoted name.
  if (['”', '"', '’'].includes(w.text) && prev && !prev.punct && prev.end === w.start && (!next || next.start > w.end)) return true;
  return !!prev && !!next && !prev.punct && !next.punct && next.start - prev.end <= 3;
}

/**
 * The phrase ending at word `last` read backwards, stopping at punctuation, stop words and the cap.
 * `allowAnd` lets "and" join (inside an appositive: "head of the Wagner Group and its mercenaries").
 */
export function phraseBefore(words: readonly Word[], last: number, floor = 0, allowAnd = false): Phrase | null {
  let k = last;
  while (k >= floor && last - k < MAX_PHRASE_WORDS) {
    const w = words[k];
    if (w.punct) {
      if (!inner(w, words[k - 1], words[k + 1]) || k === last) break;
    } else if (lexicon.stop.has(w.lower) && !(allowAnd && w.lower === 'and')) {
      // "the Commission on Human Rights said": a preposition inside a body's name (`bodyNouns` in data/speakers.json).
      const inName = k < last && lexicon.bodyPrepositions.has(w.lower) && isCapitalized(words[k + 1]) && !!words[k - 1] && isCapitalized(words[k - 1]) && lexicon.bodyNouns.has(words[k - 1].lower);
      if (!inName) break;
    } else if (w.lower === 'and' && !allowAnd) break;
    // "a move the Russian Defense Ministry said": a determiner inside the phrase starts it.
    if (k < last && ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our'].includes(words[k + 1].lower) && !CONNECTORS.has(w.lower) && w.lower !== 'and') break;
    // "…, a claim Kyiv has contested": the statement noun is what is said, the name after it the speaker.
    if (k < last && STATEMENT_NOUNS.has(w.lower) && isCapitalized(words[k + 1])) break;
    k--;
  }
  if (k === last) return null;
  let first = k + 1;
  while (first <= last && words[first].punct) first++;
  return first <= last ? { first, last } : null;
}

/**
 * The phrase starting at word `first` read forwards: an optional determiner, then capitalised words (joined by
 * "of", "for", …) and speaker nouns from the lexicon ("sources", "ministry"). Falls back to up to three plain words.
 */
export function phraseAfter(words: readonly Word[], first: number, ceil = words.length - 1): Phrase | null {
  let k = first;
  while (k <= ceil && isDeterminer(words[k])) k++;
  let last = -1;
  while (k <= ceil && k - first < MAX_PHRASE_WORDS) {
    const w = words[k];
    if (w.punct) {
      if (!inner(w, words[k - 1], words[k + 1])) break;
    } else if ((isCapitalized(w) && !lexicon.stop.has(w.lower)) || lexicon.sources.has(w.lower) || lexicon.nominals.has(w.lower) || lexicon.pronouns.has(w.lower)) {
      last = k;
    } else if (CONNECTORS.has(w.lower) && words[k + 1] && (isCapitalized(words[k + 1]) || isDeterminer(words[k + 1]))) {
      // keep going: "Institute for the Study of War"
    } else if (/^[\p{Ll}]/u.test(w.text) && !(last >= 0 && /ed$/.test(w.lower)) && words[k + 1] && !words[k + 1].punct && (isCapitalized(words[k + 1]) || lexicon.sources.has(words[k + 1].lower) || lexicon.nominals.has(words[k + 1].lower)) && !lexicon.stop.has(w.lower)) {
      // an adjective or title before a name or speaker noun: "military bloggers", "deputy minister Maliar"
    } else break;
    k++;
  }
  if (last < 0) {
    // No name: take up to three plain words ("polling data") so that the phrase is not lost.
    let j = first;
    while (j <= ceil && j - first < 3 && !words[j].punct && !lexicon.stop.has(words[j].lower)) j++;
    return j > first ? { first, last: j - 1 } : null;
  }
  return { first, last };
}

/**
 * True when a backwards phrase can be a speaker: short, and a name, a pronoun, a speaker noun, or a determined
 * noun phrase — not a stray clause fragment.
 */
export function isSpeakerPhrase(words: readonly Word[], p: Phrase, sentenceFirst: number, strict = false): boolean {
  // The apostrophe of a plural possessive ("the dockworkers' union") is no word of its own.
  let n = p.last - p.first + 1;
  for (let i = p.first + 1; i < p.last; i++) if (["'", '’'].includes(words[i].text) && words[i - 1].end === words[i].start && /s$/i.test(words[i - 1].text)) n--;
  if (n > MAX_PHRASE_WORDS) return false;
  const head = words[p.last];
  if (isDeterminer(head) || head.punct) return false;
  if (n === 1 && lexicon.pronouns.has(head.lower)) return true;
  // "Having said that …": a sentence-initial gerund is no name.
  if (n === 1 && p.first === sentenceFirst && /^\p{Lu}\p{Ll}+ing$/u.test(head.text)) return false;
  const heads = [head.lower, head.lower.replace(/'s$/, '')];
  if (heads.some((h) => lexicon.sources.has(h) || lexicon.nominals.has(h) || lexicon.nominalCues.has(h))) return true;
  // "human rights groups", "elected officials": a plural common noun heads a collective source.
  if (isPluralNoun(head) && n <= 5) return true;
  // "Connecticut’s tax commissioner": a capitalised possessive names an owner, also at the start of a sentence.
  if (n > 1 && isCapitalized(words[p.first]) && /['’]s$/.test(words[p.first].text)) return true;
  for (let i = p.first; i <= p.last; i++) {
    const w = words[i];
    if (w.punct) continue;
    // A capital at the start of the sentence proves nothing ("Experts say" still passes through the speaker nouns).
    if (isCapitalized(w) && (i !== sentenceFirst || n === 1 || isCapitalized(words[i + 1] ?? w))) return true;
  }
  // A short phrase with a determiner ("the strike", "the colonel") passes unless `strict` (a cue that an event as
  // subject takes as well: "the strike puts the toll at 40", "the shelling made it clear").
  return !strict && isDeterminer(words[p.first]) && n <= 3;
}

/** Words ending like a plural noun that are not one ("its", "this", "always", "news", "status", "analysis"). */
const NOT_PLURAL = new Set(['its', 'this', 'his', 'has', 'was', 'is', 'us', 'yes', 'always', 'perhaps', 'news', 'status', 'analysis', 'crisis', 'basis', 'bus', 'gas', 'less', 'unless', 'thus', 'whereas', 'sometimes', 'nevertheless', 'besides', 'towards', 'afterwards', 'series', 'species', 'means', 'politics', 'economics', 'physics', 'lines', 'times', 'years', 'days', 'weeks', 'months', 'hours', 'minutes', 'seconds', 'percent', 'terms', 'reports', 'claims', 'comments', 'remarks', 'statements']);

/** True for a lower-case word that reads as a plural noun (officials, groups, parties, advocates). */
export function isPluralNoun(w: Word): boolean {
  return !w.punct && /^\p{Ll}[\p{Ll}-]{2,}s$/u.test(w.text) && !/(?:ss|us|is|'s|’s|ous)$/.test(w.lower) && !NOT_PLURAL.has(w.lower) && !lexicon.stop.has(w.lower) && !lexicon.cueVerbs.has(w.lower);
}
