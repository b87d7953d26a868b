/**
 * The place slot of war predicates, read from the linguistic layer (lemmas, part-of-speech tags, chunks and
 * clauses): a name that is the object of "captured", "held", "shelled", the object of "the assault on",
 * "withdrew from", "near", or the subject of "fell" / "was captured" is the place fought over. The places stage
 * accepts such a name when the gazetteer knows it as a populated place, even when it is named once without a
 * locative preposition or other support. Rules are tried in order; the first that fits names the slot.
 */
import { partitionPoint, type Lang, type Word } from '../../../core/index.js';
import type { WarSlots } from '../lexicon.js';

/** What the rules read: the document's linguistic layer, its noun phrases by head word, and the lexicon. */
export interface SlotView {
  readonly lang: Lang;
  /** Per word, the index of the noun-phrase chunk it heads, or -1. */
  readonly npByHead: Int32Array;
  readonly slots: WarSlots;
}

/** A slot rule: does the name over words `[first, last]`, heading noun phrase `np`, fill its place slot? */
export interface SlotRule {
  readonly name: string;
  match(v: SlotView, np: number, first: number, last: number): boolean;
}

/** Per word, the noun phrase it heads (-1 for none); one pass over the chunks. */
export function nounPhrasesByHead(lang: Lang): Int32Array {
  const out = new Int32Array(lang.words.length).fill(-1);
  lang.chunks.forEach((c, k) => {
    if (c.kind === 'NP') out[c.head] = k;
  });
  return out;
}

// The word that opens the name's phrase: the noun phrase's first word when only lower-case determiners and
// adjectives stand before the name in it ("nearby Pisky"), else the name's first word.
function phraseStart(v: SlotView, np: number, first: number): number {
  const c = v.lang.chunks[np];
  for (let k = c.first; k < first; k++) {
    const w = v.lang.words[k];
    if ((w.tag !== 'DET' && w.tag !== 'ADJ') || w.cap !== 'lower') return first;
  }
  return c.first;
}

const isVerb = (w: Word | undefined): w is Word => w !== undefined && (w.tag === 'VERB' || w.xtag.startsWith('VB'));
const sameSentence = (v: SlotView, a: number, b: number): boolean => a >= 0 && v.lang.words[a].sentence === v.lang.words[b].sentence;

const QUOTE = /^["“”„«»'‘’]$/;

/** "captured Vovchansk", "still held Novomykhailivka", "took back Kherson", "gave up Soledar", had "liberated"
 * Tonenke: the direct object of a war verb (a verb in scare quotes too; a phrasal verb listed with its particle). */
const objectOfVerb: SlotRule = {
  name: 'places/war-slot-object',
  match(v, np, first) {
    let k = phraseStart(v, np, first) - 1;
    if (k >= 0 && QUOTE.test(v.lang.words[k].text)) k--;
    // A phrasal verb listed with its particle ("gave up Soledar", "won back Lyman").
    if (k >= 1 && sameSentence(v, k - 1, first) && isVerb(v.lang.words[k - 1]) && v.slots.objectVerbs.has(`${v.lang.words[k - 1].lemma} ${v.lang.words[k].fold}`)) return true;
    if (k >= 0 && v.lang.words[k].fold === 'back') k--;
    if (!sameSentence(v, k, first)) return false;
    const w = v.lang.words[k];
    return isVerb(w) && v.slots.objectVerbs.has(w.lemma);
  },
};

// Does the head sequence `head` end at word `j` (each word by lemma or folded form)?
function headEndsAt(words: readonly Word[], head: readonly string[], j: number, floor: number): boolean {
  if (j - head.length + 1 < floor) return false;
  for (let n = 0; n < head.length; n++) {
    const w = words[j - head.length + 1 + n];
    if (w.lemma !== head[n] && w.fold !== head[n]) return false;
  }
  return true;
}

/** "the assault on Marinka", "withdrew from Robotyne", "pushed further towards Pokrovsk", "near Tonenke". */
const objectOfPreposition: SlotRule = {
  name: 'places/war-slot-preposition',
  match(v, np, first) {
    const words = v.lang.words;
    const p = phraseStart(v, np, first) - 1;
    if (!sameSentence(v, p, first)) return false;
    const heads = v.slots.phrases.get(words[p].fold);
    if (!heads) return false;
    // The sentence's first word bounds the head.
    let floor = p;
    while (floor > 0 && words[floor - 1].sentence === words[p].sentence) floor--;
    for (const head of heads) {
      if (head.length === 0) return true;
      if (headEndsAt(words, head, p - 1, floor)) return true;
      // One adverb before the preposition ("withdrew completely from").
      if (p - 1 >= floor && words[p - 1].tag === 'ADV' && headEndsAt(words, head, p - 2, floor)) return true;
    }
    return false;
  },
};

/** Adverbs that may stand between an intransitive war verb and the words that must follow it ("is now under"). */
const MAX_ADVERBS = 2;

/** "Avdiivka fell", "Avdiivka came under fire", "Vovchansk was captured": the subject of an intransitive war verb
 * (with the words that must follow it) or of a passive war verb. */
const subjectOfVerb: SlotRule = {
  name: 'places/war-slot-subject',
  match(v, np) {
    const { lang } = v;
    const sentence = lang.words[lang.chunks[np].head].sentence;
    // The clause whose subject this phrase is, among the few clauses of its sentence (clauses are in order).
    const cs = lang.clauses;
    for (let k = partitionPoint(cs, (cl) => cl.sentence >= sentence); k < cs.length && cs[k].sentence === sentence; k++) {
      const cl = cs[k];
      if (cl.subject !== np || cl.predicate < 0) continue;
      const lemma = lang.words[cl.predicate].lemma;
      if (cl.passive) return v.slots.objectVerbs.has(lemma);
      const tails = v.slots.subjectVerbs.get(lemma);
      if (!tails) return false;
      // ("Avdiivka is now under Russian control": adverbs may stand between the verb and its words.)
      let at = cl.predicate + 1;
      while (at < cl.predicate + 1 + MAX_ADVERBS && lang.words[at]?.tag === 'ADV' && lang.words[at].sentence === sentence) at++;
      for (const tail of tails) {
        let n = 0;
        while (n < tail.length && lang.words[at + n]?.fold === tail[n]) n++;
        if (n === tail.length) return true;
      }
      return false;
    }
    return false;
  },
};

const POSSESSIVE = /^['’]s?$/i;

/** The slot rules, in order. */
export const slotRules: readonly SlotRule[] = [objectOfVerb, objectOfPreposition, subjectOfVerb];

/**
 * The slot rule that the name over words `[first, end)` fills, or undefined. The name must head its noun phrase
 * (not "Taliban positions") and carry no possessive ("Kharkiv's mayor").
 */
export function warSlotOf(v: SlotView, first: number, end: number): string | undefined {
  if (end <= first) return undefined;
  const last = end - 1;
  const np = v.npByHead[last];
  if (np < 0) return undefined;
  const after = v.lang.words[end];
  if (after && after.vStart === v.lang.words[last].vEnd && POSSESSIVE.test(after.text)) return undefined;
  for (const rule of slotRules) if (rule.match(v, np, first, last)) return rule.name;
  return undefined;
}
