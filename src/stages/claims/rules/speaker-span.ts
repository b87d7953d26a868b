/**
 * Speaker-span rules: the attribution rules read a speaker phrase backwards from its cue without part-of-speech
 * tags; the linguistic layer's tags then check the phrase and the cue. A phrase read over a finite verb belongs to
 * another clause ("Bobby Scott said he plans": the speaker of "plans" is "he"; "The candidates took questions":
 * "questions" is no cue), and a "cue" after a possessive or a modifier is the noun of a noun phrase ("the
 * president’s claims", "his announced plans"). Rules are named objects in an ordered list; the
 * first that applies decides, and its name is added to the attribution's rule.
 */
import { partitionPoint, ruleLemma, wordAt, type Lang, type Word } from '../../../core/index.js';
import type { RawAttribution } from './attributions.js';
import { lexicon } from './lexicon.js';

/** What a rule decides: drop the attribution, or keep it with a new speaker range. */
type Decision = { readonly drop: true } | { readonly speaker: readonly [number, number] };

interface SpeakerSpanRule {
  readonly name: string;
  /** Undefined when the rule does not apply. */
  readonly apply: (a: RawAttribution, lang: Lang, speakerWords: readonly number[]) => Decision | undefined;
}

const FINITE = new Set(['VBD', 'VBZ', 'VBP']);
/**
 * Tags of a word that modifies a following noun: possessive, participle, determiner. Not an adjective: the tagger
 * reads speaker nouns as adjectives ("Ukraine's military reports", "a senior defence official asserts").
 */
const MODIFIER = new Set(['POS', 'VBN', 'PRP$', 'DT']);
/** Rules whose cue is a statement noun by design ("Trump’s claim that …", "according to"): no noun check. */
const NOUN_CUE_RULES = /^claims\/(?:possessive-noun|nominal-cue|passive-nominal|according-to|colon|transcript)/;
/** Rules that read the speaker forwards as the clause's subject: a verb at its end closes it. */
const FORWARD_RULES = /^claims\/(?:coordinated|participle|inverted|quote-said-speaker)/;

/** Participles of publishing, from the passive cues ("posted by" → "posted"). */
const PUBLISHED = new Set(lexicon.passiveCues.map((p) => p.split(' ')[0]));

/** Rules whose speaker ends in a relative pronoun: the clause starts at its antecedent. */
const RELATIVE_RULES = /^claims\/relative-speaker/;
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who']);

/** A finite verb by its tag, unless it is a speaker noun the tagger misread ("United States president Donald Trump"). */
const isFiniteVerb = (w: Word) => FINITE.has(w.xtag) && w.cap === 'lower' && !lexicon.nominals.has(w.lower) && !lexicon.sources.has(w.lower);

/** Tags of a word that cannot end a noun phrase with a determiner: preposition, adverb, adjective, participle. */
const NO_HEAD = new Set(['IN', 'TO', 'RB', 'RBR', 'RBS', 'JJ', 'JJR', 'JJS', 'VBN', 'VBG']);

/** Tags of the words of a noun phrase that may be a conjunct of a subject ("Ukrainian and Russian officials"). */
const CONJUNCT = new Set(['DT', 'JJ', 'NN', 'NNS', 'NNP', 'NNPS', 'POS', 'PRP$']);

export const SPEAKER_SPAN_RULES: readonly SpeakerSpanRule[] = [
  {
    // "the range of views", "a haven shielded from questions", "the nonstop demands": a phrase of a determiner and
    // lower-case words that ends in a preposition, an adverb, an adjective or a participle has no head noun; the
    // "cue" after it is the noun it lacks or another clause's verb. Speaker nouns the tagger reads as adjectives
    // ("the military", "the official") and capitalised words keep the phrase.
    name: 'claims/speaker-no-head',
    apply: (a, lang, ws) => {
      if (NOUN_CUE_RULES.test(a.rule) || ws.length < 2 || ws.length > 4 || lang.words[ws[0]].xtag !== 'DT') return undefined;
      const head = lang.words[ws[ws.length - 1]];
      if (!NO_HEAD.has(head.xtag) || lexicon.nominals.has(head.lower) || lexicon.sources.has(head.lower)) return undefined;
      return ws.every((k) => lang.words[k].cap === 'lower' || k === ws[0]) ? { drop: true } : undefined;
    },
  },
  {
    // "the president’s claims about …", "the governor’s request": a noun-tagged cue after a possessive, a determiner
    // or a participle heads a noun phrase; a noun or an adjective before it ("a poll shows", "the military reports")
    // does not decide, the tagger often reads a verb after a noun as a plural noun.
    name: 'claims/speaker-cue-is-noun',
    apply: (a, lang) => {
      if (NOUN_CUE_RULES.test(a.rule) || !a.speaker || a.speaker[1] > a.cue[0]) return undefined;
      const c = wordAt(lang, a.cue[0]);
      if (c <= 0) return undefined;
      const prev = lang.words[c - 1];
      // "his announced plans": a participle after a determiner or a possessive pronoun modifies the noun after it.
      if (/^(?:DT|PRP\$)$/.test(prev.xtag) && /^VB[ND]$/.test(lang.words[c].xtag) && /^NNS?$/.test(lang.words[c + 1]?.xtag ?? '')) return { drop: true };
      if (!/^NNS?$/.test(lang.words[c].xtag)) return undefined;
      if (prev.vEnd !== a.speaker[1] && prev.xtag !== 'POS') return undefined;
      return prev.xtag === 'POS' || (MODIFIER.has(prev.xtag) && prev.cap === 'lower') ? { drop: true } : undefined;
    },
  },
  {
    // "a Daily Ledger report that …", "a union request to …": after a phrase that opens with "a" or "an" and holds no
    // plural, a cue the tagger reads as a singular noun is that noun (a singular subject would take "reports"); the
    // phrase is its modifier, not a speaker. A plural or a verb tag decides nothing ("a few analysts believe", "a
    // majority believe"), nor a past form read as a noun ("a senior official told reporters").
    name: 'claims/speaker-indefinite-noun',
    apply: (a, lang, ws) => {
      if (NOUN_CUE_RULES.test(a.rule) || !/^an?$/.test(lang.words[ws[0]].lower)) return undefined;
      const c = wordAt(lang, a.cue[0]);
      // A past form the tagger read as a noun ("a senior official told reporters") is the verb it is.
      if (c !== ws[ws.length - 1] + 1 || lang.words[c].xtag !== 'NN' || ruleLemma(lang.words[c].lower, 'VBD') !== lang.words[c].lower) return undefined;
      return ws.slice(1).every((k) => /^NNP?$|^JJ$/.test(lang.words[k].xtag)) ? { drop: true } : undefined;
    },
  },
  {
    // "It appeared that the troops had withdrawn", "it emerged that …": a dummy subject, no source (`expletiveVerbs`).
    name: 'claims/speaker-expletive-it',
    apply: (a, lang, ws) => {
      if (ws.length !== 1 || lang.words[ws[0]].lower !== 'it') return undefined;
      const c = wordAt(lang, a.cue[0]);
      const cue = c < 0 ? '' : c + 1 < lang.words.length && lang.words[c + 1].lower === 'out' ? `${lang.words[c].lower} out` : lang.words[c].lower;
      return lexicon.expletiveVerbs.has(cue) ? { drop: true } : undefined;
    },
  },
  {
    // "the target it pledged to reach", "the aid they promised": a phrase that ends in a subject pronoun right after
    // a noun is a reduced relative clause; the pronoun is the cue's subject and the speaker, the noun its object.
    name: 'claims/speaker-reduced-relative',
    apply: (a, lang, ws) => {
      if (ws.length < 2 || FORWARD_RULES.test(a.rule) || NOUN_CUE_RULES.test(a.rule)) return undefined;
      const last = lang.words[ws[ws.length - 1]];
      if (last.xtag !== 'PRP' || !lexicon.pronouns.has(last.lower) || !/^NNP?S?$/.test(lang.words[ws[ws.length - 2]].xtag)) return undefined;
      return { speaker: [last.vStart, last.vEnd] };
    },
  },
  {
    // "In a video posted on Telegram, …", "a statement released by the ministry": a statement noun before a participle
    // of publishing (`passiveCues`) is what was published, never who spoke.
    name: 'claims/speaker-published-statement',
    apply: (a, lang, ws) => {
      const head = lang.words[ws[ws.length - 1]];
      const c = wordAt(lang, a.cue[0]);
      if (c !== ws[ws.length - 1] + 1 || !lexicon.nominalCues.has(head.lower)) return undefined;
      return PUBLISHED.has(lang.words[c].lower) ? { drop: true } : undefined;
    },
  },
  {
    // "Moscow and Kyiv said", "Ukrainian and Russian officials said", "the ministry and the general staff said": a
    // phrase after "and" is the second conjunct of the subject when a noun phrase (by its tags) before "and" opens the
    // clause; the speaker is both. Resolution gives a coordinated speaker no single entity (`claims/speaker-coordinated`).
    name: 'claims/speaker-coordinated-subject',
    apply: (a, lang, ws) => {
      if (FORWARD_RULES.test(a.rule) || NOUN_CUE_RULES.test(a.rule) || RELATIVE_RULES.test(a.rule)) return undefined;
      const and = ws[0] - 1;
      if (and < 1 || lang.words[and].lower !== 'and' || ws.some((k) => !CONJUNCT.has(lang.words[k].xtag))) return undefined;
      let k = and - 1;
      while (k >= 0 && and - k <= 4 && CONJUNCT.has(lang.words[k].xtag) && lang.words[k].lower !== 'and') k--;
      const start = k + 1;
      if (start >= and || and - start > 4 || !/^(?:NN|JJ)/.test(lang.words[and - 1].xtag)) return undefined;
      // The first conjunct opens the clause: the sentence's start, a comma, "that" or a subordinator before it.
      const before = lang.words[k];
      const opens = !before || before.sentence !== lang.words[and].sentence || before.xtag === ',' || before.lower === 'that' || (before.xtag === 'IN' && !/^(?:of|in|on|at|from|for|with|by|to|about|against|near)$/.test(before.lower)) || before.xtag === 'CC';
      return opens ? { speaker: [lang.words[start].vStart, a.speaker![1]] } : undefined;
    },
  },
  {
    // "Everyone who backs Kyiv wants …": the phrase read back over a finite verb starts after it; "Mr. Obama
    // scrutinized reports": a verb at its end leaves no speaker (the "cue" is that verb's object). "The experts I
    // interviewed said": a verb right after a personal pronoun is a reduced relative clause inside the phrase.
    name: 'claims/speaker-after-verb',
    apply: (a, lang, ws) => {
      for (let k = ws.length - 1; k >= 1; k--) {
        const w = lang.words[ws[k]];
        if (!isFiniteVerb(w) || lang.words[ws[k - 1]].xtag === 'PRP') continue;
        if (k === ws.length - 1) {
          if (!FORWARD_RULES.test(a.rule)) return { drop: true };
          return { speaker: [lang.words[ws[0]].vStart, lang.words[ws[k - 1]].vEnd] };
        }
        // "The governor said he expects …", "the spokesman says the general promised …": behind a speech verb the
        // phrase lies inside that verb's content, whose claim already holds it; the source of what follows is the
        // outer speaker, so no claim of its own. A relative pronoun after it opens a clause of its own ("Cruz endorses
        // Trump, who says …").
        if (lexicon.cueVerbs.has(w.lower) && !RELATIVE_RULES.test(a.rule)) return { drop: true };
        // A relative pronoun left alone ("… reports that") has no antecedent in the phrase: no speaker.
        if (k === ws.length - 2 && RELATIVE_PRONOUNS.has(lang.words[ws[k + 1]].lower)) return { drop: true };
        // "Ukraine launches missiles at Russian bases, saying …": a participle's speaker is the subject of the clause
        // it hangs on, before that clause's verb, not the verb's object.
        if (/^claims\/participle(?:\+|$)/.test(a.rule)) return { speaker: [lang.words[ws[0]].vStart, lang.words[ws[k - 1]].vEnd] };
        return { speaker: [lang.words[ws[k + 1]].vStart, a.speaker![1]] };
      }
      return undefined;
    },
  },
];

/** The word indexes of the linguistic layer inside a view range. */
function wordsOf(lang: Lang, start: number, end: number): number[] {
  const out: number[] = [];
  // The first word ending after `start` by binary search (a range may start between words).
  for (let k = partitionPoint(lang.words, (w) => w.vEnd > start); k < lang.words.length && lang.words[k].vStart < end; k++) out.push(k);
  return out;
}

/** Rules that take the speaker of the sentence's last attribution ("…, saying …", "… and said …"). */
const INHERITING = /^claims\/(?:participle|coordinated)(?:\+|$)/;

/**
 * "A court rejected a media request …, saying …": a participle or coordinated cue that took its speaker from an
 * attribution these rules dropped (the "cue" was a noun) takes the speaker of the sentence's last attribution kept
 * before it instead (`claims/speaker-inherited`); with none, it is dropped too.
 */
function inherited(a: RawAttribution, dropped: readonly RawAttribution[], kept: readonly RawAttribution[]): RawAttribution | undefined {
  if (!a.speaker || !INHERITING.test(a.rule)) return a;
  const from = dropped.find((d) => d.sentence === a.sentence && d.speaker && d.speaker[0] === a.speaker![0] && d.speaker[1] === a.speaker![1]);
  if (!from) return a;
  let prev: RawAttribution | undefined;
  for (let k = kept.length - 1; k >= 0 && !prev; k--) if (kept[k].sentence === a.sentence && kept[k].speaker && kept[k].cue[1] <= a.cue[0]) prev = kept[k];
  return prev ? { ...a, speaker: prev.speaker, speakerContext: prev.speakerContext ?? prev.speaker, rule: `${a.rule}+claims/speaker-inherited` } : undefined;
}

/** Applies {@link SPEAKER_SPAN_RULES} to raw attributions (offsets of the view text the layer was built on). */
export function checkSpeakerSpans(raws: readonly RawAttribution[], lang: Lang | undefined): RawAttribution[] {
  if (!lang?.words.length) return [...raws];
  const out: RawAttribution[] = [];
  const dropped: RawAttribution[] = [];
  for (const a0 of raws) {
    const a = inherited(a0, dropped, out);
    if (!a) continue;
    if (!a.speaker) {
      out.push(a);
      continue;
    }
    const ws = wordsOf(lang, a.speaker[0], a.speaker[1]);
    if (!ws.length) {
      out.push(a);
      continue;
    }
    let decided: { rule: SpeakerSpanRule; d: Decision } | undefined;
    for (const rule of SPEAKER_SPAN_RULES) {
      const d = rule.apply(a, lang, ws);
      if (d) {
        decided = { rule, d };
        break;
      }
    }
    if (!decided) out.push(a);
    else if ('drop' in decided.d) dropped.push(a);
    else {
      const sp = decided.d.speaker;
      out.push({ ...a, speaker: sp, speakerContext: sp, rule: `${a.rule}+${decided.rule.name}` });
    }
  }
  return out;
}
