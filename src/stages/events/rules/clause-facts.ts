/**
 * What the shared linguistic layer (`doc.lang`, set by the segment stage) says about the clause a predicate lies
 * in: negation, modality, question, reported speech, and its subject and object. The events stage reads the layer
 * through this one module, so that its gates and role fillers do not depend on the layer's internals; a document
 * without the layer (hand-built test documents, older callers) gives `null`, and the gates fall back to the
 * context cues of `data/context.json`.
 */
import { partitionPoint, type Clause, type Doc, type Lang, type Word } from '../../../core/index.js';

/** The facts of the clause a predicate lies in. */
export interface ClauseFacts {
  /** The layer's index of the clause (two predicates of one clause share it). */
  readonly index: number;
  readonly negated: boolean;
  /** `possible`, `intended`, `threat`, `conditional`, `obligation`, `future`, `desire`, or null. */
  readonly modality: string | null;
  readonly question: boolean;
  readonly reported: boolean;
  /** The predicate word is the clause's main verb (not a noun or a participle modifying a noun). */
  readonly isPredicate: boolean;
  /** Penn tag of the predicate's first word. */
  readonly xtag: string;
  /** The predicate is the clause's main verb, a verb, or inside its direct object ("did not launch airstrikes"):
   * the clause's negation and modality govern it. A noun elsewhere in the clause may belong to another. */
  readonly governed: boolean;
  /** The clause is pluperfect ("where Russia had declared a ceasefire"): an earlier happening told as background. */
  readonly pluperfect: boolean;
  /** The clause is passive. */
  readonly passive: boolean;
  /** The predicate is a present participle describing the noun of a prepositional phrase before it ("atrocities
   * committed by Russian forces retreating from Bucha"): it describes who did something, it reports nothing. */
  readonly reducedRelative: boolean;
  /** The predicate is a base-form verb coordinated after "and" / "or" with an infinitive or a modal verb ("the power
   * to evacuate people and take control"): it shares that infinitive or modal. */
  readonly coordinatedBase: boolean;
  /** Subject and object noun phrases, view offsets (or null). */
  readonly subject: { vStart: number; vEnd: number } | null;
  readonly object: { vStart: number; vEnd: number } | null;
}

/** Index of the first word ending after `v` (the word at or after `v`), by binary search. */
function wordFrom(words: readonly Word[], v: number): number {
  return partitionPoint(words, (w) => w.vEnd > v);
}

/** Markers of a complement clause (none for an infinitive or a bare complement). */
const COMPLEMENT_MARKERS = new Set(['', 'that', 'to', 'whether', 'if']);

/** True when `clause` can be a complement of `parent`: it opens after the parent's predicate (or the parent has none). */
function complementOf(lang: Lang, clause: Clause, parent: Clause): boolean {
  const from = parent.predicate >= 0 ? parent.predicate : parent.first;
  if (clause.first <= from) return false;
  // Nor after a comma: "The soldiers, who were never paid, shelled Kupiansk" goes on with the main clause.
  for (let w = from + 1; w < clause.first; w++) if (lang.words[w].text === ',' || lang.words[w].text === ';') return false;
  return true;
}

/** True when the verb group has the auxiliary "had" (a pluperfect, not "to have captured" nor "has captured"). */
function hasHad(lang: Lang, vg: { first: number; end: number } | undefined): boolean {
  if (!vg) return false;
  for (let i = vg.first; i < vg.end; i++) if (lang.words[i].lower === 'had' || lang.words[i].lower === "'d") return true;
  return false;
}

/**
 * True when word `w` is a base-form verb right after "and" / "or" whose first conjunct is an infinitive or follows a
 * modal ("the power to forcibly evacuate people and take control", "will enter and capture"); not a present tense
 * ("Russian forces strike Kyiv and launch missiles", which the tagger may also read as base forms).
 */
function coordinatedInfinitive(lang: Lang, w: number): boolean {
  const words = lang.words;
  if (words[w].xtag !== 'VB' || w === 0 || (words[w - 1].lower !== 'and' && words[w - 1].lower !== 'or')) return false;
  const sentence = words[w].sentence;
  // Back through the conjuncts ("to seize the capital, replace the government, and take control"): the first verb
  // not itself coordinated decides.
  for (let i = w - 2; i >= 0 && i >= w - 30 && words[i].sentence === sentence; i--) {
    if (words[i].tag !== 'VERB') continue;
    let j = i - 1;
    while (j >= 0 && words[j].tag === 'ADV') j--;
    if (j < 0) return false;
    const before = words[j].lower;
    if (before === 'to' || words[j].xtag === 'MD') return true;
    if (words[i].xtag !== 'VB' || (before !== ',' && before !== 'and' && before !== 'or')) return false;
  }
  return false;
}

/** True when word `w` is a present participle right after a noun phrase that a preposition opens ("by Russian forces retreating"). */
function describesPrepositionalNoun(lang: Lang, w: number): boolean {
  const words = lang.words;
  if (words[w].xtag !== 'VBG' || w === 0 || words[w - 1].tag !== 'NOUN') return false;
  let i = w - 1;
  while (i >= 0 && words[i].sentence === words[w].sentence && NP_TAGS.has(words[i].tag)) i--;
  return i >= 0 && words[i].sentence === words[w].sentence && words[i].tag === 'ADP';
}

/** Word index → index of the innermost clause holding it (-1 for none), built once per layer. */
const byWord = new WeakMap<Lang, Int32Array>();
function clauseIndex(lang: Lang): Int32Array {
  let index = byWord.get(lang);
  if (index) return index;
  index = new Int32Array(lang.words.length).fill(-1);
  // Clauses in order; a later (nested) clause overwrites the span of the one that contains it.
  lang.clauses.forEach((c, i) => {
    for (let w = c.first; w < c.end && w < index!.length; w++) if (index![w] === -1 || lang.clauses[index![w]].first <= c.first) index![w] = i;
  });
  byWord.set(lang, index);
  return index;
}

/** The facts of the clause holding the view range `[vStart, vEnd)`, or null without a linguistic layer. */
export function clauseFacts(doc: Doc, vStart: number, vEnd: number): ClauseFacts | null {
  const lang: Lang | undefined = doc.lang;
  if (!lang || !lang.words.length) return null;
  const w = wordFrom(lang.words, vStart);
  if (w >= lang.words.length || lang.words[w].vStart >= vEnd) return null;
  const ci = clauseIndex(lang)[w];
  const clause = ci >= 0 ? lang.clauses[ci] : undefined;
  if (!clause) return null;
  const span = (chunk: number) => {
    const c = lang.chunks[chunk];
    return c ? { vStart: lang.words[c.first].vStart, vEnd: lang.words[c.end - 1].vEnd } : null;
  };
  // A negation or modality of the governing clause covers a complement ("did not say that …" is not
  // a report of it; "plans to attack" has the plan in the parent).
  let negated = clause.negated;
  let modality = clause.modality;
  const parent = clause.parent >= 0 ? lang.clauses[clause.parent] : undefined;
  // Only a complement takes them ("plans to attack", "did not say whether …"); an adverbial clause does not
  // ("No arrests were made after shops were looted").
  // A complement follows the verb that governs it: a clause the layer hangs under a later one (a main clause before
  // its relative clause: "shelled Kupiansk, which they have been trying to retake") keeps its own facts.
  if (parent && !clause.reported && COMPLEMENT_MARKERS.has(clause.marker ?? '') && complementOf(lang, clause, parent)) {
    negated ||= parent.negated;
    modality ??= parent.modality;
  }
  let last = w;
  while (last + 1 < lang.words.length && lang.words[last + 1].vStart < vEnd) last++;
  const inChunk = (chunk: number) => {
    const c = lang.chunks[chunk];
    return !!c && c.first <= w && last < c.end;
  };
  const isPredicate = clause.predicate >= w && clause.predicate <= last;
  return {
    index: ci,
    governed: isPredicate || lang.words[w].xtag.startsWith('VB') || (clause.object >= 0 && inChunk(clause.object)),
    negated,
    modality,
    question: clause.question,
    reported: clause.reported,
    passive: clause.passive,
    reducedRelative: isPredicate && clause.subject < 0 && describesPrepositionalNoun(lang, w),
    coordinatedBase: coordinatedInfinitive(lang, w),
    pluperfect: clause.perfect && clause.verbGroup >= 0 && hasHad(lang, lang.chunks[clause.verbGroup]),
    isPredicate,
    xtag: lang.words[w].xtag,
    subject: clause.subject >= 0 ? span(clause.subject) : null,
    object: clause.object >= 0 ? span(clause.object) : null,
  };
}

/** Sentence index → its clause indices, built once per layer. */
const bySentence = new WeakMap<Lang, number[][]>();
/** The indices of the clauses of sentence `sentence`, in order. */
export function clausesOf(lang: Lang, sentence: number): readonly number[] {
  let by = bySentence.get(lang);
  if (!by) {
    by = lang.sentences.map(() => []);
    lang.clauses.forEach((c, i) => by![c.sentence]?.push(i));
    bySentence.set(lang, by);
  }
  return by[sentence] ?? [];
}

/** Markers of a relative clause: it describes a noun of another clause and reports nothing about the predicate. */
const RELATIVE_MARKERS = new Set(['which', 'who', 'whom', 'whose', 'where']);

/**
 * The view ranges `[vStart, vEnd)` of the relative clauses of the sentence `[sStart, sEnd)` that do not hold the
 * predicate at `[vStart, vEnd)`: what they say ("which they have been trying to retake", "who were never
 * charged") belongs to their own clause, so the context cues of another predicate must not read them. Empty
 * without the layer.
 */
export function foreignRelatives(doc: Doc, sStart: number, sEnd: number, vStart: number, vEnd: number): [number, number][] {
  const lang: Lang | undefined = doc.lang;
  if (!lang || !lang.words.length) return [];
  const first = wordFrom(lang.words, sStart);
  if (first >= lang.words.length) return [];
  const sentence = lang.words[first].sentence;
  const w = wordFrom(lang.words, vStart);
  const out: [number, number][] = [];
  const own = clausesOf(lang, sentence);
  for (const ci of own) {
    const c = lang.clauses[ci];
    if (!RELATIVE_MARKERS.has(c.marker ?? '') || c.end <= c.first) continue;
    // The relative clause ends where a clause under it that is no complement of it begins (the layer may run it
    // on to the main clause after a comma).
    let end = c.end;
    for (const di of own) {
      const d = lang.clauses[di];
      if (d.parent === ci && d.first > c.first && d.first < end && !complementOf(lang, d, c)) end = d.first;
    }
    if (c.first <= w && w < end) continue;
    const a = lang.words[c.first].vStart;
    const b = lang.words[Math.min(end, lang.words.length) - 1].vEnd;
    if (a >= sStart && b <= sEnd && !(a < vEnd && vStart < b)) out.push([a, b]);
  }
  return out;
}

/** Tags of the words of a noun phrase (determiners, adjectives, nouns, numbers). */
const NP_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * The start (view offset) and lower-case words of the noun phrase right before the predicate at view offset `vStart` (its subject when the
 * predicate is a verb: "Russian artillery shelled …"), read from the layer's tags, so that a verb the tagger took
 * for a participle still finds it. Empty without the layer or when no noun phrase ends right before it.
 */
export function nounPhraseBefore(doc: Doc, vStart: number): { vStart: number; words: string[] } {
  const none = { vStart, words: [] };
  const lang: Lang | undefined = doc.lang;
  if (!lang || !lang.words.length) return none;
  const w = wordFrom(lang.words, vStart);
  if (w <= 0 || w >= lang.words.length) return none;
  const words: string[] = [];
  const sentence = lang.words[w].sentence;
  let from = vStart;
  for (let i = w - 1; i >= 0 && words.length < 5; i--) {
    const x = lang.words[i];
    if (x.sentence !== sentence || !NP_TAGS.has(x.tag)) break;
    words.unshift(x.lower);
    from = x.vStart;
  }
  return { vStart: from, words };
}
