/**
 * Corrections of the tagger's output by context, as named rules in order. Few and general: each fixes a class of
 * errors the greedy tagger makes where the right tag depends on words after the word.
 */
import vocab from './data/clauses.json' with { type: 'json' };
import { isDistinctIrregularPast, isIrregularPast } from './lemma.js';
import type { Word } from './types.js';

const CATENATIVES = new Set(Object.keys(vocab.catenatives));

/** Words of at least this many characters are capitalised in a title-case headline (AP, Chicago: all but short
 * articles, conjunctions and prepositions). */
const HEADLINE_WORD = 4;

/**
 * A sentence in headline case: at least three words of four letters or more, every one of them capitalised
 * ("Russians Retreating From Around Kyiv", "RUSSIA SEIZES TOWN"). Running text has lower-case words of that length.
 */
export function isHeadlineCase(words: readonly Word[], first: number, end: number): boolean {
  let long = 0;
  for (let i = first; i < end; i++) {
    const w = words[i];
    if (w.text.length < HEADLINE_WORD || w.cap === 'other') continue;
    if (w.cap === 'lower') return false;
    long++;
  }
  return long >= 3;
}

/** A retagging rule over the words `[first, end)` of one sentence; `known` says whether a lower-case word is in
 * the tagger's vocabulary. */
export interface RetagRule {
  readonly name: string;
  apply(words: Word[], first: number, end: number, known: (lower: string) => boolean, headlineCase: boolean): void;
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
 * adjective (or an irregular past tense the tagger did not know: "troops retook the village") before a determiner, number, preposition or name is a past-tense verb when it follows a noun or pronoun
 * with no verb before it in the sentence, or a conjunction after an earlier past verb (the clause rules then decide
 * whether it is a predicate or a reduced relative). */
const pastAfterSubject: RetagRule = {
  name: 'lang/retag/past-after-subject',
  apply(words, first, end) {
    for (let i = first + 1; i + 1 < end; i++) {
      const w = words[i];
      // An -ed adjective, or an irregular past the tagger did not know ("retook/JJ", "Retook/NNP").
      const irregular = (w.xtag === 'JJ' || w.xtag === 'NN' || w.xtag === 'NNP' || w.xtag === 'VBP') && isIrregularPast(w.lower);
      if (!irregular && (w.xtag !== 'JJ' || !w.lower.endsWith('ed'))) continue;
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

/** A word of letters given a punctuation tag (the greedy tagger's rare answer for an unknown word: "seize/:"). */
const PUNCT_XTAGS = new Set([':', ',', '.', '``', "''", '-LRB-', '-RRB-', 'HYPH', 'NFP', '$', '#']);
const LETTER = /\p{L}/u;

/** A word with letters that the tagger gave a punctuation tag is a noun (a proper noun when capitalised); the
 * verbless-sentence rule below may then make it the verb. */
const lettersNotPunctuation: RetagRule = {
  name: 'lang/retag/letters-not-punctuation',
  apply(words, first, end) {
    for (let i = first; i < end; i++) {
      const w = words[i];
      if (!PUNCT_XTAGS.has(w.xtag) || !LETTER.test(w.text)) continue;
      const proper = w.cap === 'title' || w.cap === 'upper';
      w.xtag = proper ? 'NNP' : 'NN';
      w.tag = proper ? 'PROPN' : 'NOUN';
    }
  },
};

/** Prepositions that also open a clause ("as Ukraine holds …", "after troops …"). */
const SUBORDINATORS = new Set(['as', 'after', 'before', 'while', 'since', 'because', 'if', 'though', 'although', 'until', 'when', 'whereas']);

/** A verb, a conjunction, punctuation or a clause-opening preposition: the end of a stretch of words. */
function endsStretch(w: Word): boolean {
  const t = w.tag;
  return t === 'VERB' || t === 'AUX' || t === 'CCONJ' || t === 'SCONJ' || t === 'PUNCT' || (t === 'ADP' && SUBORDINATORS.has(w.lower));
}

/** Tags that may open the object after a headline verb ("shell Kherson", "seize the town", "repel 20 attacks"). */
const OBJECT_START = new Set(['PROPN', 'DET', 'NUM', 'NOUN', 'ADJ', 'PRON']);

/**
 * "Russian forces shell Kherson", "Troops seize Soledar", "Kyiv says forces repel attacks": a headline's verb in the
 * present tense is often a word that is also a noun, and with no verb in the sentence the greedy tagger reads it as
 * one. In a sentence (or the part after its last verb) with no verb, a lower-case word tagged as a singular noun
 * or an adjective not before a noun, between a plural subject (plural noun, plural proper noun, personal pronoun) and the start of a noun
 * phrase is the verb (VBP); the plural subject rules out title nouns before names ("Wagner chief Prigozhin"). In a
 * title-case headline the word may be capitalised ("Russian Forces Shell Kherson").
 */
const verblessPresent: RetagRule = {
  name: 'lang/retag/verbless-present',
  apply(words, first, end, _known, headline) {
    // In a title-case headline every word is capitalised; the tagger has seen the common words in lower case.
    // Stretches end at a conjunction or punctuation ("Forces Shell Kherson | as Ukraine Holds …"); in each, only
    // the part after its last verb counts ("Kyiv says | forces repel attacks").
    let from = first;
    for (let i = first; i + 1 < end; i++) {
      const w = words[i];
      if (endsStretch(w)) {
        from = i + 1;
        continue;
      }
      if (i <= from) continue;
      const past = isIrregularPast(w.lower);
      if ((w.cap !== 'lower' && !headline) || (w.xtag !== 'NN' && w.xtag !== 'JJ' && !(past && (w.xtag === 'NNP' || w.xtag === 'VBP')))) continue;
      if (w.lower.endsWith('ing') || w.lower.endsWith('ed') || w.lower.endsWith('ly')) continue;
      const prev = words[i - 1];
      if (prev.xtag !== 'NNS' && prev.xtag !== 'NNPS' && prev.xtag !== 'PRP') continue;
      const next = words[i + 1].tag;
      // An adjective before a noun is its modifier ("soldiers last week", "troops clear signs").
      if (!OBJECT_START.has(next) || (w.xtag === 'JJ' && (next === 'NOUN' || next === 'ADJ'))) continue;
      // The verb may also come later in the stretch ("the troops guard posts were shelled").
      let k = i + 1;
      while (k < end && !endsStretch(words[k])) k++;
      if (k < end && (words[k].tag === 'VERB' || words[k].tag === 'AUX')) continue;
      w.xtag = past ? 'VBD' : 'VBP';
      w.tag = 'VERB';
      from = i + 1;
    }
  },
};

const HAVE_BE = new Set(['have', 'has', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'ve", "'d"]);

/** "Troops retook/VBP the village": an irregular past tense that is not also its base form ("retook", "seized" is
 * regular) tagged as a present or base verb is a past tense, or a participle after have/be ("had retook/VBN"). */
const irregularPastForm: RetagRule = {
  name: 'lang/retag/irregular-past-form',
  apply(words, first, end) {
    for (let i = first; i < end; i++) {
      const w = words[i];
      if ((w.xtag !== 'VBP' && w.xtag !== 'VB') || !isDistinctIrregularPast(w.lower)) continue;
      let k = i - 1;
      while (k >= first && words[k].tag === 'ADV') k--;
      w.xtag = k >= first && HAVE_BE.has(words[k].lower) ? 'VBN' : 'VBD';
    }
  },
};

/** The retag rules in order. */
/** "Q Has the town fallen?": a transcript's question label opening a sentence (lines are sentences) is a list
 * marker, never the subject of what follows. */
const questionLabel: RetagRule = {
  name: 'lang/retag/question-label',
  apply(words, first, end) {
    const q = words[first];
    const next = words[first + 1] && words[first + 1].text === ':' ? words[first + 2] : words[first + 1];
    if (end - first < 3 || q.text !== 'Q' || !next || next.cap === 'lower') return;
    q.xtag = 'LS';
    q.tag = 'X';
  },
};

export const retagRules: readonly RetagRule[] = [unknownClosedClass, lettersNotPunctuation, catenativeVerb, pastAfterSubject, verblessPresent, irregularPastForm, questionLabel];
