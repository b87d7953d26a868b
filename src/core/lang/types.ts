/**
 * The linguistic layer: words, sentences, part-of-speech tags, chunks and clauses of a document's kept text.
 * Built once by the segment stage (`doc.lang`); every later stage reads it instead of tokenising again.
 */

/** A word, number or punctuation mark. Offsets index `doc.view.text`; map them with `doc.view.span`. */
export interface Word {
  readonly vStart: number;
  readonly vEnd: number;
  readonly text: string;
  /** Lower-cased text. */
  readonly lower: string;
  /** Lower case with diacritics stripped and apostrophe/dash variants made ASCII (see {@link fold}). */
  readonly fold: string;
  readonly cap: 'upper' | 'title' | 'lower' | 'other';
  /** Index of the sentence (in `doc.sentences` and `lang.sentences`). */
  readonly sentence: number;
  /** Universal POS tag (NOUN PROPN VERB AUX ADP DET PRON ADJ ADV NUM PUNCT CCONJ SCONJ PART SYM INTJ X). */
  tag: string;
  /** Penn Treebank tag (VBD VBN VBG VBZ VBP VB MD NN NNS NNP …). */
  xtag: string;
  /** Lower-case lemma (captured → capture, fell → fall, troops → troop). */
  lemma: string;
}

/** A sentence's word range `[first, end)`; parallel to `doc.sentences` (same index). */
export interface LangSentence {
  readonly index: number;
  readonly first: number;
  readonly end: number;
  /** Written in title-case headline style ("Russian Forces Shell Kherson"; see `isHeadlineCase`). */
  readonly headlineCase: boolean;
}

/** A chunk: a noun phrase, a verb group (auxiliaries, modals, negation and the main verb) or a preposition
 * with its noun phrase. Word range `[first, end)`; `head` is a word index. */
export interface Chunk {
  readonly kind: 'NP' | 'VG' | 'PP';
  readonly first: number;
  readonly end: number;
  readonly head: number;
  /** Name of the rule that made it. */
  readonly rule: string;
}

export type Modality = null | 'possible' | 'intended' | 'threat' | 'conditional' | 'obligation' | 'future' | 'desire';

/** A clause: one predicate with its subject and object, and what frames it (negation, modality, tense …). */
export interface Clause {
  readonly index: number;
  readonly sentence: number;
  /** Word range `[first, end)`. */
  first: number;
  end: number;
  /** Word index of the main verb, or -1 (a verbless fragment such as a headline). */
  readonly predicate: number;
  /** Chunk index of its verb group, or -1. */
  readonly verbGroup: number;
  /** Chunk index of the subject noun phrase, or -1. */
  subject: number;
  /** Chunk index of the direct object noun phrase, or -1. */
  object: number;
  negated: boolean;
  modality: Modality;
  tense: 'past' | 'present' | 'future' | 'unknown';
  perfect: boolean;
  passive: boolean;
  question: boolean;
  /** Complement of a speech or cognition verb ("said that …", "claimed the town had fallen"). */
  reported: boolean;
  /** Clause index of the governing clause, or -1. */
  parent: number;
  /** The subordinator that opens it (that, if, when, because, which, who, after …), lower-case, or null. */
  marker: string | null;
  /** False for participial and infinitival clauses ("soldiers armed with …", "to retake"). */
  finite: boolean;
  /** Word index of the catenative or speech verb governing the predicate in its verb group ("plans" in "plans to
   * encircle", "claimed" in "claimed to have captured"), or -1. */
  governor: number;
  /** Chunk index of the agent noun phrase of a passive ("by Wagner"), or -1. */
  agent: number;
  /** Chunk index of an auxiliary group split from the verb by an inverted subject ("Did Russia capture"), or -1. */
  auxGroup: number;
  /** Names of the rules that decided its boundaries, subject, modality …, in the order applied. */
  readonly rules: string[];
}

/** The linguistic layer of a document. */
export interface Lang {
  readonly words: readonly Word[];
  readonly sentences: readonly LangSentence[];
  readonly chunks: readonly Chunk[];
  readonly clauses: readonly Clause[];
}
