/**
 * Chunks over tagged words: verb groups (auxiliaries, modals, negation, adverbs and the main verb, with
 * catenative chains such as "plans to encircle"), noun phrases, and prepositional phrases (a preposition with its
 * noun phrase; the noun phrase is a chunk of its own too). Rules are named objects tried in order at each word.
 */
import vocab from './data/clauses.json' with { type: 'json' };
import type { Chunk, Word } from './types.js';

const NEGATORS = new Set(vocab.negators);
const CATENATIVES = new Set(Object.keys(vocab.catenatives));
const PREDICATIVES = new Set(Object.keys(vocab.predicatives));

/** A chunk rule: returns the chunk that starts at word `i` (bounded by `end`), or null. */
export interface ChunkRule {
  readonly name: string;
  match(words: readonly Word[], i: number, end: number, out: Chunk[]): boolean;
}

function isVerb(w: Word): boolean {
  return w.tag === 'VERB' || w.tag === 'AUX';
}
function isNeg(w: Word): boolean {
  return NEGATORS.has(w.fold) && w.tag !== 'CCONJ';
}
/** True when word `j` starts more verb material (a verb, or negation/adverbs then a verb). */
function verbalAhead(words: readonly Word[], j: number, end: number): boolean {
  for (let k = j; k < end && k < j + 3; k++) {
    const w = words[k];
    if (isVerb(w)) return true;
    if (!(isNeg(w) || w.tag === 'ADV')) return false;
  }
  return false;
}
const BE = new Set(['be', 'get']);

/** Verb group: [neg|adv]* (MD|AUX|VERB) then auxiliaries, negation, adverbs and verbs; catenative chains. */
const verbGroup: ChunkRule = {
  name: 'lang/vg',
  match(words, i, end, out) {
    const w = words[i];
    if (!(isVerb(w) || (w.xtag === 'TO' && i + 1 < end && words[i + 1].xtag === 'VB') || ((isNeg(w) || w.tag === 'ADV') && verbalAhead(words, i + 1, end) && w.xtag !== 'WRB'))) return false;
    let j = i;
    let head = -1;
    let mainSeen = false;
    while (j < end) {
      const x = words[j];
      if (isVerb(x)) {
        if (mainSeen && x.tag === 'VERB') {
          // "had conquered", "was captured", "did take" with the first verb tagged as a main verb: it is an auxiliary.
          const h = words[head];
          const aux = (h.lemma === 'have' && x.xtag === 'VBN') || ((h.lemma === 'be' || h.lemma === 'get') && (x.xtag === 'VBN' || x.xtag === 'VBG')) || (h.lemma === 'do' && x.xtag === 'VB');
          if (!aux || head !== j - 1) break;
          h.tag = 'AUX';
        }
        head = j;
        if (x.tag === 'VERB') mainSeen = true;
        j++;
        continue;
      }
      if (x.xtag === 'TO' && j === i) {
        j++;
        continue;
      }
      if (x.xtag === 'TO' && j + 1 < end && words[j + 1].xtag === 'VB' && head >= 0) {
        // A catenative chain: "plans to encircle", "is going to take", "failed to capture".
        const h = words[head];
        if (CATENATIVES.has(h.lemma) || (PREDICATIVES.has(h.lower) && j > i)) {
          mainSeen = false;
          j++;
          continue;
        }
        break;
      }
      if (head >= 0 && !mainSeen && (x.tag === 'ADJ' || x.xtag === 'IN') && PREDICATIVES.has(x.lower) && BE.has(words[head].lemma) && j + 2 < end && words[j + 1].xtag === 'TO' && words[j + 2].xtag === 'VB') {
        head = j;
        j++;
        continue;
      }
      if ((isNeg(x) || x.tag === 'ADV' || x.tag === 'PART' && x.xtag === 'RB') && x.xtag !== 'WRB' && verbalAhead(words, j + 1, end) && !mainSeen) {
        j++;
        continue;
      }
      if (isNeg(x) && !mainSeen) {
        j++;
        continue;
      }
      break;
    }
    if (head < 0) return false;
    // Trailing negation or adverbs that do not lead to a verb belong outside the group.
    let e = j;
    while (e > head + 1 && !isVerb(words[e - 1])) e--;
    out.push({ kind: 'VG', first: i, end: e, head, rule: this.name });
    return true;
  },
};

const NP_START = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON']);
const NP_INNER = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);

/** Matches a noun phrase at `i`; returns its end and head, or null. */
function matchNP(words: readonly Word[], i: number, end: number): { end: number; head: number } | null {
  const w = words[i];
  if (!NP_START.has(w.tag) && !(w.xtag === 'PDT')) return null;
  if (w.tag === 'PRON' && w.xtag !== 'PRP$' && w.xtag !== 'WP$') {
    return { end: i + 1, head: i };
  }
  let j = i + 1;
  let head = w.tag === 'DET' || w.xtag === 'PRP$' || w.xtag === 'PDT' || w.tag === 'ADJ' ? -1 : i;
  while (j < end) {
    const x = words[j];
    if (NP_INNER.has(x.tag)) {
      // An adjective after the head noun starts a modifier of its own ("soldiers armed with …", "troops present").
      if (x.tag === 'ADJ' && head >= 0 && words[head].tag !== 'ADJ' && !(j + 1 < end && (words[j + 1].tag === 'NOUN' || words[j + 1].tag === 'PROPN'))) break;
      if (x.tag !== 'ADJ') head = j;
      j++;
    } else if (x.tag === 'DET' && (words[j - 1].xtag === 'PDT' || words[j - 1].lower === 'all' || words[j - 1].lower === 'both')) j++;
    else if (x.xtag === 'POS' && j + 1 < end && (NP_INNER.has(words[j + 1].tag) || words[j + 1].tag === 'DET')) j++;
    else if ((x.xtag === 'VBN' || x.xtag === 'VBG') && j + 1 < end && (words[j + 1].tag === 'NOUN' || words[j + 1].tag === 'ADJ') && (words[j - 1].tag === 'DET' || words[j - 1].tag === 'ADJ' || words[j - 1].xtag === 'PRP$')) j++;
    else if (x.xtag === 'HYPH' && j + 1 < end && NP_INNER.has(words[j + 1].tag)) j++;
    else break;
  }
  if (head < 0) {
    // An adjective right after a noun without a noun of its own modifies that noun ("soldiers armed with …").
    if (i > 0 && (words[i - 1].tag === 'NOUN' || words[i - 1].tag === 'PROPN') && w.tag === 'ADJ' && words[i - 1].sentence === w.sentence) return null;
    // A determiner or adjective alone ("this", "those", "the wounded") stands for its noun.
    head = j - 1;
  }
  return { end: j, head };
}

/** Noun phrase: determiners, adjectives, numbers, nouns and possessives, head the last noun. */
const nounPhrase: ChunkRule = {
  name: 'lang/np',
  match(words, i, end, out) {
    const m = matchNP(words, i, end);
    if (!m) return false;
    out.push({ kind: 'NP', first: i, end: m.end, head: m.head, rule: this.name });
    return true;
  },
};

/** Prepositional phrase: a preposition and the noun phrase after it (both chunks are emitted). */
const prepPhrase: ChunkRule = {
  name: 'lang/pp',
  match(words, i, end, out) {
    const w = words[i];
    if (w.tag !== 'ADP' || i + 1 >= end) return false;
    const m = matchNP(words, i + 1, end);
    if (!m) return false;
    out.push({ kind: 'PP', first: i, end: m.end, head: m.head, rule: this.name });
    out.push({ kind: 'NP', first: i + 1, end: m.end, head: m.head, rule: 'lang/np' });
    return true;
  },
};

/** The chunk rules, in the order they are tried at each word. */
export const chunkRules: readonly ChunkRule[] = [verbGroup, prepPhrase, nounPhrase];

/** Chunks the words `[first, end)` of one sentence, appending to `out`. */
export function chunkSentence(words: readonly Word[], first: number, end: number, out: Chunk[]): void {
  let i = first;
  while (i < end) {
    const before = out.length;
    for (const rule of chunkRules) if (rule.match(words, i, end, out)) break;
    i = out.length > before ? out[before].end : i + 1;
  }
}
