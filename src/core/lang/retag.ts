/**
 * Corrections of the tagger's output by context, as named rules in order. Few and general: each fixes a class of
 * errors the greedy tagger makes where the right tag depends on words after the word.
 */
import vocab from './data/clauses.json' with { type: 'json' };
import type { Word } from './types.js';

const CATENATIVES = new Set(Object.keys(vocab.catenatives));

/** A retagging rule over the words `[first, end)` of one sentence; `known` says whether a lower-case word is in
 * the tagger's vocabulary. */
export interface RetagRule {
  readonly name: string;
  apply(words: Word[], first: number, end: number, known: (lower: string) => boolean): void;
}

// Closed classes: every member is in the training vocabulary, so an unknown word given one of these tags is
// mis-tagged (typically a new name opening a sentence: "Moscow threatens …").
const CLOSED = new Set(['MD', 'IN', 'DT', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WRB', 'RB', 'TO', 'EX', 'PDT', 'RP', 'POS', 'UH', 'WP$']);

/** An unknown word with a closed-class tag is a noun: a proper noun when capitalised. */
const unknownClosedClass: RetagRule = {
  name: 'lang/retag/unknown-closed-class',
  apply(words, first, end, known) {
    for (let i = first; i < end; i++) {
      const w = words[i];
      if (!CLOSED.has(w.xtag) || known(w.lower)) continue;
      if (w.xtag === 'RB' && w.lower.endsWith('ly')) continue;
      if (w.cap === 'title' || w.cap === 'upper') {
        w.xtag = 'NNP';
        w.tag = 'PROPN';
      } else if (w.cap === 'lower') {
        w.xtag = 'NN';
        w.tag = 'NOUN';
      }
    }
  },
};

/** "The army plans to encircle": a plural noun of a catenative verb between a noun phrase and "to" + verb is the
 * verb (3rd person singular) when the sentence has no other verb before it. */
const catenativeVerb: RetagRule = {
  name: 'lang/retag/catenative-verb',
  apply(words, first, end) {
    for (let i = first + 1; i + 2 < end; i++) {
      const w = words[i];
      if (w.xtag !== 'NNS' || words[i + 1].xtag !== 'TO' || words[i + 2].xtag !== 'VB') continue;
      if (!CATENATIVES.has(w.lower.slice(0, -1))) continue;
      const prev = words[i - 1];
      if (prev.tag !== 'NOUN' && prev.tag !== 'PROPN' && prev.tag !== 'PRON') continue;
      let verbBefore = false;
      for (let k = first; k < i; k++) if (words[k].tag === 'VERB' || words[k].tag === 'AUX') verbBefore = true;
      if (verbBefore) continue;
      w.xtag = 'VBZ';
      w.tag = 'VERB';
    }
  },
};

const AFTER_PAST = new Set(['DET', 'NUM', 'ADP', 'PROPN', 'PRON']);

/** "Soldiers advanced 400 metres", "soldiers armed with …", "captured the village and advanced on …": an -ed
 * adjective before a determiner, number, preposition or name is a past-tense verb when it follows a noun or pronoun
 * with no verb before it in the sentence, or a conjunction after an earlier past verb (the clause rules then decide
 * whether it is a predicate or a reduced relative). */
const pastAfterSubject: RetagRule = {
  name: 'lang/retag/past-after-subject',
  apply(words, first, end) {
    for (let i = first + 1; i + 1 < end; i++) {
      const w = words[i];
      if (w.xtag !== 'JJ' || !w.lower.endsWith('ed')) continue;
      const prev = words[i - 1];
      if (!AFTER_PAST.has(words[i + 1].tag)) continue;
      let verbBefore = false;
      let pastBefore = false;
      for (let k = first; k < i; k++) {
        if (words[k].tag === 'VERB' || words[k].tag === 'AUX') verbBefore = true;
        if (words[k].xtag === 'VBD') pastBefore = true;
      }
      // After its subject with no verb yet, or coordinated with an earlier past verb ("captured … and advanced on").
      const afterSubject = (prev.tag === 'NOUN' || prev.tag === 'PROPN' || prev.tag === 'PRON') && !verbBefore;
      const coordinated = prev.tag === 'CCONJ' && pastBefore;
      if (!afterSubject && !coordinated) continue;
      w.xtag = 'VBD';
      w.tag = 'VERB';
    }
  },
};

/** The retag rules in order. */
export const retagRules: readonly RetagRule[] = [unknownClosedClass, catenativeVerb, pastAfterSubject];
