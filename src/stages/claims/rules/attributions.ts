/**
 * Attribution finding: speaker, cue and content ranges of reported speech in a text, sentence by sentence.
 * A pure function over strings (offsets index the given text), so it is tested without the rest of the pipeline.
 *
 * Forms: direct quotes before or after the cue ("“…,” Maliar said", "X said, “…”", "“…,” said X"), indirect
 * speech ("X said (that) …"), postposed speech ("…, a source said"), "according to X", colon forms
 * ("X wrote on Telegram: …"), participial cues ("…, adding that …"), passive nominal cues ("statements
 * circulated by Telegram channels …") and quote continuations (a quote sentence right after an attributed one).
 */
import { hardLineEnd, hardLineStartBefore } from '../../../core/index.js';
import { lexicon } from './lexicon.js';
import { isDeterminer, isPluralNoun, isSpeakerPhrase, phraseAfter, phraseBefore, STATEMENT_NOUNS, type Phrase } from './noun-phrase.js';
import { findQuotes, type Quote } from './quotes.js';
import type { SentenceRange } from './sentences.js';
import { isCapitalized, readWords, type Word, type WordReader } from './words.js';

/** The passive cues ("posted by") as a set: one lookup per word instead of a scan of the list. */
const passiveCueSet = new Set(lexicon.passiveCues);

/** A found attribution; ranges are `[start, end)` offsets into the text given to {@link findAttributions}. */
export interface RawAttribution {
  readonly speaker: readonly [number, number] | null;
  /** The speaker with its title or appositive ("Ukraine’s deputy defense minister, Hannah Malial"), for side cues. */
  readonly speakerContext: readonly [number, number] | null;
  readonly cue: readonly [number, number];
  readonly content: readonly [number, number];
  /** Index of the sentence (in the given list) that holds the cue. */
  readonly sentence: number;
  /** `claims/<rule>`. */
  readonly rule: string;
  /** For quote continuations: the attribution it continues. */
  readonly continues?: number;
  /** Set when the content was cut at {@link MAX_CONTENT_LENGTH}. */
  readonly truncated?: boolean;
  /** A transcript answer ("Yes, it has."): the question it answers, whose propositions it asserts or denies. */
  readonly answers?: { readonly question: readonly [number, number]; readonly answer: 'yes' | 'no' };
}

/**
 * Longest content kept, in UTF-16 units. A run-on "sentence" of thousands of words, or an unbalanced quote in
 * an article without sentence ends, is cut here, so no claim spans a whole article by accident.
 */
export const MAX_CONTENT_LENGTH = 2000;

/** Words that may sit between a cue and its content without being content ("said on Friday that"). */
const LEAD_IN = new Set([
  'on', 'in', 'at', 'during', 'via', 'through', 'over', 'late', 'early', 'earlier', 'later', 'last', 'this', 'overnight',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'recently', 'publicly', 'again', 'also', 'previously', 'repeatedly', 'separately', 'in', 'after', 'before',
]);
// Nouns that end like adverbs ("the family said").
const NOT_ADVERBS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'reply', 'monopoly', 'anomaly', 'bully', 'italy', 'folly', 'daily', 'weekly', 'monthly', 'quarterly', 'july']);
/** Nouns of time and channel phrases after a cue ("said last week", "said in a recent interview"). */
/** Auxiliaries and modals: a lead-in running into one has a clause after it ("said on Friday troops had …"). */
const VERBISH = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'can', 'may', 'might', 'did', 'do', 'does', 'that', 'should', 'must']);
/** Prepositions of a lead-in, after which a determiner is the lead-in's own ("in a statement"). */
const LEAD_IN_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'over', 'after', 'before']);
const LEAD_IN_NOUNS = new Set(['week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'recent', 'interview', 'statement', 'briefing', 'press', 'conference', 'email', 'post', 'video', 'address', 'speech', 'appearance', 'remarks', 'hearing', 'telephone', 'phone', 'call']);
const OPENERS = new Set(['“', '"', '„', '«', '‘', "'"]);
const CLOSERS = new Set(['”', '"', '“', '»', '’', "'"]);
const CLAUSE_START = new Set(['but', 'and', 'so', 'yet', 'meanwhile', 'however', 'still', 'now', 'then', 'also', 'instead', 'moreover']);
const DASHES = new Set(['—', '–', '--', '(', ')', '-']);

/** Finds the attributions of `text`, one pass over each sentence; `quotes` default to {@link findQuotes}. */
export function findAttributions(text: string, sentences: readonly SentenceRange[], quotes: readonly Quote[] = findQuotes(text), read: WordReader = readWords): RawAttribution[] {
  const byOpen = new Map(quotes.map((q) => [q.open, q] as const));
  // A doubled mark ('') is two words: both of its positions find the quote.
  const byClose = new Map(quotes.flatMap((q) => (q.mark === 2 ? [[q.close, q], [q.close + 1, q]] : [[q.close, q]]) as [number, Quote][]));
  const insideQuote = (pos: number) => {
    // quotes are sorted and disjoint: binary search
    let lo = 0;
    let hi = quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos <= quotes[mid].open) hi = mid - 1;
      else if (pos >= quotes[mid].close) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const out: RawAttribution[] = [];
  const dashNames = quoteDashNames(text, sentences, byClose);
  sentences.forEach((s, si) => {
    const words = read(text, s.start, s.end);
    const before = out.length;
    for (const a of sentenceAttributions(text, s, si, words, byOpen, byClose, insideQuote, out)) out.push(a);
    const colon = colonName(text, s, si, words);
    if (colon) out.push(colon);
    for (const d of dashNames) if (d.sentence === si) out.push(d);
    if (out.length === before) {
      const cont = continuation(text, s, si, words, byOpen, out);
      if (cont) out.push(cont);
    }
  });
  return out.map((a) => (a.content[1] - a.content[0] > MAX_CONTENT_LENGTH ? { ...a, content: [a.content[0], a.content[0] + MAX_CONTENT_LENGTH] as const, truncated: true } : a));
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.,;:!?—–-]/.test(text[e - 1])) e--;
  return e;
}
function trimStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && /[\s,;:—–-]/.test(text[s])) s++;
  return s;
}

function sentenceAttributions(
  text: string,
  s: SentenceRange,
  si: number,
  words: readonly Word[],
  byOpen: ReadonlyMap<number, Quote>,
  byClose: ReadonlyMap<number, Quote>,
  insideQuote: (pos: number) => boolean,
  sofar: readonly RawAttribution[],
): RawAttribution[] {
  const found: RawAttribution[] = [];
  const n = words.length;
  let first = 0;
  while (first < n && (words[first].punct || CLAUSE_START.has(words[first].lower))) first++;
  const span = (p: Phrase): [number, number] => [words[p.first].start, words[p.last].end];
  const endOfSentence = () => trimEnd(text, s.start, s.end);

  /** End of the clause from word k: a ", but" / "; " outside quotes ends reported speech. */
  const clauseEnd = (k: number): number => {
    for (let m = k + 1; m < n - 1; m++) {
      const t = words[m];
      if (byOpen.has(t.start)) {
        const q = byOpen.get(t.start)!;
        while (m < n - 1 && words[m + 1].start <= q.close) m++;
        continue;
      }
      if (t.text === ';' || (t.text === ',' && ['but', 'though', 'although', 'while', 'whereas'].includes(words[m + 1].lower))) return trimEnd(text, words[k].start, t.start);
    }
    return endOfSentence();
  };

  /** Content after word index k: a quote when one opens there, else the rest of the sentence. */
  const contentFrom = (k: number): [number, number] | null => {
    const colon = k < n && words[k].text === ':';
    while (k < n && (words[k].text === ',' || words[k].text === ':' || DASHES.has(words[k].text))) k++;
    // "told CNN’s “State of the Union” that …": the listener's quoted title ends before the content.
    if (k + 1 < n && CLOSERS.has(words[k].text) && byClose.has(words[k].start) && words[k + 1].lower === 'that') k += 2;
    if (k >= n) return colon ? blockAfter(text, s.end) : null;
    const q = byOpen.get(words[k].start);
    const eos = endOfSentence();
    if (q && k > 0 && /['’]s$/i.test(words[k - 1].text)) {
      // "tells MSNBC’s “Morning Joe” on Friday that …": a quote after a possessive is a title; the content follows "that".
      for (let j = k + 1; j < n && j - k < 14; j++) {
        if (words[j].lower === 'that' && words[j].start > q.close) return contentFrom(j + 1);
        if (/^[.;!?]$/.test(words[j].text) && words[j].start > q.close) break;
      }
    }
    if (q) {
      // The quote may run past the sentence (the segmenter splits inside quotes); text after it stays content.
      const qEnd = q.close;
      // Text after the quote stays content ("“2 kilometers,” or 1.2 miles") unless a new clause starts there.
      const next = readWords(text, q.close + q.mark, Math.min(s.end, q.close + q.mark + 40));
      const goesOn = next.length > 0 && !['.', ',', ';', '—', '–', '--', '!', '?'].includes(next[0].text) && !SUBORDINATORS.has(next[0].lower) && !lexicon.participles.has(next[0].lower);
      return [q.open + q.mark, goesOn && eos > qEnd ? Math.max(qEnd, eos) : trimEnd(text, q.open + q.mark, qEnd)];
    }
    const start = words[k].start;
    const end = clauseEnd(k);
    return end > start ? [start, end] : null;
  };

  /** Content that ends before word index k (exclusive): the quote that closes there, else the sentence so far. */
  const contentBefore = (k: number): [number, number] | null => {
    let j = k - 1;
    while (j >= 0 && (words[j].text === ',' || DASHES.has(words[j].text))) j--;
    if (j < 0) return null;
    // “…,” she said — the comma may sit inside or outside the closing mark.
    const q = byClose.get(words[j].start) ?? (words[j].text === ',' ? undefined : undefined);
    let startIdx = 0;
    while (startIdx < j && (words[startIdx].punct || CLAUSE_START.has(words[startIdx].lower)) && !OPENERS.has(words[startIdx].text)) startIdx++;
    // "Russia's claims that it had taken X were “fake,” a spokesman said": a short quote that ends a clause begun
    // before it is a word of that clause; the clause is the content.
    if (q && words[startIdx].start < q.open && !isSpeechQuote(text, q)) return [words[startIdx].start, q.close + q.mark];
    if (q) return [q.open + q.mark, trimEnd(text, q.open + q.mark, q.close)];
    const start = OPENERS.has(words[startIdx].text) ? words[startIdx].end : words[startIdx].start;
    const end = trimEnd(text, start, words[j].end);
    return end > start ? [start, end] : null;
  };

  /**
   * True when words [from, to) stand between commas inside a clause that goes on after them ("Russian forces, the
   * ministry said, captured X"): a comma before and after, and after it neither a sentence end nor a word that opens
   * another clause ("…, the ministry said, and …").
   */
  const asideGoesOn = (from: number, to: number): boolean => {
    if (from < 2 || words[from - 1].text !== ',' || words[to]?.text !== ',') return false;
    const next = words[to + 1];
    return !!next && !next.punct && !CLAUSE_START.has(next.lower) && !SUBORDINATORS.has(next.lower) && !lexicon.participles.has(next.lower) && !['which', 'who', 'that', 'as', 'adding', 'saying'].includes(next.lower);
  };

  const lettered = words.filter((x) => !x.punct);
  const titleCase = lettered.length > 2 && lettered.filter((x) => /^\p{Lu}/u.test(x.text)).length / lettered.length > 0.6;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    if (w.punct) continue;
    if (insideQuote(w.start)) continue;

    // "according to X"; "Per X, …" opening a sentence (the wire's short form; "per day" is none).
    const according = w.lower === 'according' && words[i + 1]?.lower === 'to';
    if (according || (w.text === 'Per' && i === first)) {
      const at = according ? i + 2 : i + 1;
      let sp = phraseAfter(words, at);
      if (!sp || (!according && words[sp.last + 1]?.text !== ',')) continue;
      // "according to a statement on Telegram by the defence ministry": the statement's author is the speaker.
      sp = authorOfStatement(words, at, sp);
      const cue: [number, number] = [w.start, words[at - 1].end];
      let content: [number, number] | null = null;
      if (i > first) content = contentBefore(i);
      // "Russian forces have, according to the ministry, captured X": an aside inside the clause; the content runs
      // on after it.
      const aside = content && asideGoesOn(i, sp.last + 1) ? contentFrom(sp.last + 1) : null;
      if (content && aside) content = [content[0], aside[1]];
      if (!content) content = contentFrom(sp.last + 1);
      if (content) found.push({ speaker: span(sp), speakerContext: span(sp), cue, content, sentence: si, rule: aside ? 'claims/parenthetical-speaker' : 'claims/according-to' });
      i = sp.last;
      continue;
    }

    // "As one officer put it, …", "…, as the ministry put it.": the phrase between "as" and "put it" speaks the
    // clause after the comma (at the start) or before "as" (otherwise).
    if (w.lower === 'as') {
      const put = asPutIt(words, i);
      if (put) {
        const { speaker: sp, end } = put;
        let content = i === first ? contentFrom(end) : contentBefore(i);
        // "The town is, as one officer put it, a ruin": an aside inside the clause; the content runs on after it.
        if (content && i > first && asideGoesOn(i, end)) content = [content[0], contentFrom(end)?.[1] ?? content[1]];
        if (content) found.push({ speaker: span(sp), speakerContext: span(sp), cue: [words[sp.last + 1].start, words[sp.last + 2].end], content, sentence: si, rule: 'claims/as-put-it' });
        i = end - 1;
        continue;
      }
    }

    // "Prigozhin’s claim that …", "his warning that …": a possessive owner of a statement noun speaks.
    if (lexicon.nounThat.has(w.lower) && words[i + 1]?.lower === 'that' && i > 0) {
      const owner = words[i - 1];
      const possessive = /['’]s$/.test(owner.text) || ['his', 'her', 'their', 'its'].includes(owner.lower);
      let from = i - 1;
      // The owner is the name run ending in the possessive ("the Russian Defense Ministry’s"), not the clause before.
      if (/['’]s$/.test(owner.text)) while (from > 0 && i - from < 6 && !words[from - 1].punct && (isCapitalized(words[from - 1]) || words[from - 1].lower === 'the')) from--;
      const sp: Phrase | null = possessive ? { first: from, last: i - 1 } : null;
      const content = sp ? contentFrom(i + 2) : null;
      if (sp && content) found.push({ speaker: span(sp), speakerContext: span(sp), cue: [w.start, w.end], content, sentence: si, rule: 'claims/possessive-noun' });
      if (sp) continue;
    }

    // "statements circulated by Telegram channels about …"
    const passive = passiveCueSet.has(`${w.lower} ${words[i + 1]?.lower}`);
    if (passive && words.slice(Math.max(0, i - 3), i).some((x) => lexicon.nominalCues.has(x.lower))) {
      const sp = phraseAfter(words, i + 2);
      // "In a message released by his office, the governor said …": a statement noun in an opening prepositional
      // phrase closed by a comma; the clause after the comma has its own speaker.
      const opening = !!sp && PREPOSITIONS.has(words[first].lower) && isDeterminer(words[first + 1]) && words.slice(sp.last + 1, sp.last + 6).some((x) => x.text === ',');
      if (sp && !opening) {
        // "A video posted by X on social media said, “…”": the content follows the later verb.
        let m = sp.last + 1;
        while (m < n && m - sp.last < 9 && !lexicon.cueVerbs.has(words[m].lower) && words[m].text !== ':' && !OPENERS.has(words[m].text)) m++;
        const verbLater = m < n && m - sp.last < 9 && lexicon.cueVerbs.has(words[m].lower);
        const content = contentFrom(verbLater ? skipLeadIn(words, m + 1, n) : sp.last + 1 + (words[sp.last + 1]?.lower === 'about' ? 1 : 0));
        if (content) found.push({ speaker: span(sp), speakerContext: span(sp), cue: [w.start, words[i + 1].end], content, sentence: si, rule: 'claims/passive-nominal' });
        i = verbLater ? m : sp.last;
        continue;
      }
    }

    // "Citing intelligence reports, Zelensky said …": a participle opening the sentence is said by the subject of the
    // clause after its comma; its content is the participle's object.
    if (i === first && lexicon.participles.has(w.lower) && !titleCase) {
      let comma = i + 1;
      while (comma < n && comma - i < 16 && words[comma].text !== ',' && !/^[.;:!?]$/.test(words[comma].text)) comma++;
      // The subject ends before its verb ("Zelensky said"): a cue, an auxiliary or a lower-case word after a name.
      let ceil = comma + 1;
      while (ceil < Math.min(n - 1, comma + 9) && !lexicon.cueVerbs.has(words[ceil + 1].lower) && !lexicon.aux.has(words[ceil + 1].lower)) ceil++;
      const subj = comma < n && words[comma].text === ',' && comma > i + 1 ? phraseAfter(words, comma + 1, ceil) : null;
      if (subj && isSpeakerPhrase(words, subj, comma + 1) && subj.last + 1 < n && !words[subj.last + 1].punct) {
        found.push({ speaker: span(subj), speakerContext: span(subj), cue: [w.start, w.end], content: [words[i + 1].start, words[comma - 1].end], sentence: si, rule: 'claims/participle-fronted' });
      }
      continue;
    }
    // A capitalised cue is a name ("the United States") unless the line is a title-case headline.
    if (/^\p{Lu}/u.test(w.text) && !titleCase) continue;
    // "is once again questioning", "was repeatedly insisting": adverbs may sit between the auxiliary and the participle.
    let pk = i - 1;
    while (pk > 0 && i - pk < 4 && !words[pk].punct && (ADVERBS.has(words[pk].lower) || /^\p{Ll}{3,}ly$/u.test(words[pk].text))) pk--;
    // "isn't saying whether": a negated form of "be" (one word with its clitic) makes a progressive too.
    const progressive = lexicon.participles.has(w.lower) && ['is', 'are', 'was', 'were', 'been', 'be', "isn't", "aren't", "wasn't", "weren't"].includes(words[pk]?.lower ?? '');
    // "Several experts cautioned that …", "Many Democrats are afraid that …": a verb-like word before a that-clause.
    const thatComplement = !lexicon.cueVerbs.has(w.lower) && words[i + 1]?.lower === 'that' && /^\p{Ll}/u.test(w.text) && /(?:ed|afraid|sure|aware|convinced|confident)$/.test(w.lower) && !lexicon.stop.has(w.lower) && !isDeterminer(words[i - 1]);
    // "made it clear that …", "has made no secret of …": a light verb and its object as one cue (`idioms` in
    // data/cues.json); its -ing form ("…, making clear that …") attaches like a participle.
    const idiom = idiomLength(words, i);
    // ("is raising questions about": after a form of "be" the -ing idiom is the verb.)
    const idiomIng = idiom > 0 && /ing$/.test(w.lower) && !['is', 'are', 'was', 'were', 'been', 'be'].includes(words[pk]?.lower ?? '');
    // "officials put the death toll at 40": a verb of placing with "at" and a number after its object (`estimateAt`).
    const estimate = lexicon.estimateVerbs.has(w.lower) && estimateAt(words, i) && !PASSIVE_AUX.has(words[pk]?.lower ?? '');
    const isVerb = (idiom > 0 && !idiomIng) || estimate || lexicon.cueVerbs.has(w.lower) || progressive || thatComplement;
    const isParticiple = idiomIng || (lexicon.participles.has(w.lower) && !progressive);
    if (!isVerb && !isParticiple) continue;
    let cueEnd = w.end;
    let after = i + 1;
    const particles = lexicon.particles.get(w.lower);
    if (idiom > 0) {
      // "made no secret of his doubts", "raised concerns about …": the preposition is the idiom's, the content its object.
      const of = lexicon.idiomTrailing.has(words[i + idiom]?.lower ?? '') ? 1 : 0;
      cueEnd = words[i + idiom - 1 + of].end;
      after = i + idiom + of;
    } else if (particles) {
      // "pointed out" / "pointed to": one of the particles must follow.
      const particle = [particles].flat().find((x) => words[i + 1]?.lower === x);
      // "…, the agency has learned.": a cue that closes the sentence after the content needs no particle (`particlesFinal`).
      const final = !particle && lexicon.particlesFinal.has(w.lower) && /^[.!?]$/.test(words[i + 1]?.text ?? '');
      // 'She continued, “…”': a comma before an opening quote stands for the colon.
      const quoteAfter = !particle && [particles].flat().includes(':') && words[i + 1]?.text === ',' && OPENERS.has(words[i + 2]?.text ?? '');
      if (!particle && !final && !quoteAfter) continue;
      if (particle && particle !== 'that') {
        cueEnd = words[i + 1].end;
        after = i + 2;
      }
    } else if (lexicon.particlesOptional.get(w.lower)?.includes(words[i + 1]?.lower ?? '')) {
      // "called on the allies to send weapons": the particle is the cue's, not a lead-in.
      cueEnd = words[i + 1].end;
      after = i + 2;
    }
    // "Russia has added 30,000 troops", "losses declined sharply": a sense of quantity or change (`otherSenses`).
    if (otherSense(words, i)) continue;
    // "Anna Petrova reported from Kharkiv.": a byline (`datelineFrom`); only a "that" after the place makes content.
    if (lexicon.datelineVerbs.has(w.lower) && words[after]?.lower === 'from') {
      let m = after + 1;
      while (m < n && m - after <= lexicon.datelineMaxPlace && words[m].lower !== 'that' && !/^[.;!?]$/.test(words[m].text)) m++;
      if (m >= n || words[m].lower !== 'that') continue;
      after = m;
    }
    const cue: [number, number] = [w.start, cueEnd];

    // Participial cue: "…, adding that …" — the speaker is the subject of the clause (or the sentence's last speaker).
    // "…, welcoming the plans … and calling for new bases": a participle after "and" joins the one before.
    const afterAnd = words[i - 1]?.lower === 'and' && words.slice(Math.max(first, i - 40), i - 1).some((x, k, xs) => lexicon.participles.has(x.lower) && xs[k - 1]?.text === ',');
    // '…,” adding that …': the comma may sit inside the closing mark.
    const commaQuote = CLOSERS.has(words[i - 1]?.text ?? '') && words[i - 2]?.text === ',';
    // "Both sides traded blame, each saying the other had broken the truce": a distributive pronoun (`distributives`
    // in `data/speakers.json`) between the comma and the participle speaks for the clause's subject, its context.
    if (isParticiple && !isVerb && i >= 2 && lexicon.distributives.has(words[i - 1].lower) && words[i - 2].text === ',') {
      const prev = [...sofar, ...found].reverse().find((a) => a.sentence === si && a.speaker);
      const subj = prev ? null : clauseSubject(words, first, i - 2);
      const self: [number, number] = [words[i - 1].start, words[i - 1].end];
      const content = contentFrom(skipLeadIn(words, after, n));
      if (content) found.push({ speaker: self, speakerContext: prev?.speakerContext ?? (subj ? span(subj) : self), cue, content, sentence: si, rule: 'claims/distributive-participle' });
      continue;
    }
    if (isParticiple && !isVerb && (words[i - 1]?.text === ',' || commaQuote || afterAnd)) {
      // "… an architect who said he was not paid, saying, “…”": a restrictive relative clause (no comma before "who")
      // sits inside a phrase of the main clause; a participle after it belongs to the main clause's speaker.
      const restrictive = (a: RawAttribution) => {
        if (!/^claims\/relative-speaker/.test(a.rule)) return false;
        const k = words.findIndex((x) => x.end === a.speaker![1]);
        return k > 0 && words[k - 1].text !== ',' && words[k - 1].text !== '—' && words[k - 1].text !== '--';
      };
      const prev = [...sofar, ...found].reverse().find((a) => a.sentence === si && a.speaker && !restrictive(a));
      const subj = prev ? null : clauseSubject(words, first, i);
      const speaker = prev?.speaker ?? (subj ? span(subj) : null);
      const content = contentFrom(skipLeadIn(words, after, n));
      if (speaker && content) found.push({ speaker, speakerContext: prev?.speakerContext ?? speaker, cue, content, sentence: si, rule: 'claims/participle' });
      continue;
    }
    // "Peskov was quoted as saying …", "the commander has been cited as saying …": a passive of quoting; its subject speaks.
    // ("quoted by Tass as saying": the agent between is the outlet, not the speaker.)
    const quotedAt = isParticiple && !isVerb && words[i - 1]?.lower === 'as' ? quotedAs(words, i - 2) : -1;
    if (quotedAt > 0) {
      let b = quotedAt - 1;
      while (b > 0 && (ADVERBS.has(words[b].lower) || /^\p{Ll}{3,}ly$/u.test(words[b].text))) b--;
      if (b >= 1 && PASSIVE_AUX.has(words[b].lower)) {
        let a = b - 1;
        while (a > 0 && lexicon.aux.has(words[a].lower)) a--;
        const sp = phraseBefore(words, a);
        const content = contentFrom(skipLeadIn(words, after, n));
        if (sp && isSpeakerPhrase(words, sp, first) && content) found.push({ speaker: span(sp), speakerContext: span(sp), cue: [words[quotedAt].start, w.end], content, sentence: si, rule: 'claims/quoted-as-saying' });
      }
      continue;
    }
    // "The ministry issued a statement on Sunday saying that …", "Zelensky posted a video saying …": a participle
    // after a statement noun that the clause's subject put out; the subject speaks. A claim of the verb before ("posted
    // «a video … saying …»") gives way to it.
    // "Zelensky used his nightly address to warn that …", "the governor took to Telegram to accuse …": a cue in the
    // infinitive right after a channel or statement noun (`purposeNouns` in `data/cues.json`) is a purpose clause,
    // said by the clause's subject.
    if (isVerb && words[i - 1]?.lower === 'to') {
      let noun = -1;
      for (let k = i - 2; k > first && i - k <= 5 && !words[k].punct && noun < 0; k--) if (lexicon.purposeNouns.has(words[k].lower)) noun = k;
      // The noun ends its phrase ("address to warn", "Telegram overnight to accuse"): no noun after it.
      const subj = noun > 0 && words.slice(noun + 1, i - 1).every((x) => lexicon.timeDays.has(x.lower)) ? clauseSubject(words, first, noun) : null;
      const content = subj ? contentFrom(skipLeadIn(words, after, n)) : null;
      const stance = !!subj && words.slice(subj.last + 1, noun).some((x) => lexicon.cueVerbs.has(x.lower) && !PUBLISHING.has(x.lower));
      if (subj && content && !stance && isSpeakerPhrase(words, subj, first) && subj.last + 1 < noun && noun - subj.last <= 5 && /^\p{Ll}/u.test(words[subj.last + 1].text) && !lexicon.aux.has(words[subj.last + 1].lower)) {
        found.push({ speaker: span(subj), speakerContext: span(subj), cue, content, sentence: si, rule: 'claims/purpose-infinitive' });
        continue;
      }
    }
    // "The ministry released a statement on Friday that says …": a relative "that"/"which" on such a statement noun
    // speaks for the subject as the participle does.
    const relStatement = !isParticiple && isVerb && ['that', 'which'].includes(words[i - 1]?.lower ?? '') ? statementBefore(words, first, i - 1) : -1;
    const statement = isParticiple && !isVerb && !words[i - 1]?.punct ? statementBefore(words, first, i) : relStatement;
    if (statement > 0) {
      const subj = clauseSubject(words, first, statement);
      const content = contentFrom(skipLeadIn(words, after, n));
      // "The ministry dismissed a report saying …": behind a cue verb that is no verb of publishing (`passive` in
      // `data/cues.json`: posted, issued, released …) the statement is another's, whose author is not named.
      const stance = !!subj && words.slice(subj.last + 1, statement).some((x) => lexicon.cueVerbs.has(x.lower) && !PUBLISHING.has(x.lower));
      if (stance && relStatement < 0) continue;
      if (!stance && subj && content && isSpeakerPhrase(words, subj, first) && subj.last + 1 < statement && statement - subj.last <= 6 && /^\p{Ll}/u.test(words[subj.last + 1].text)) {
        for (let f = found.length - 1; f >= 0; f--) if (found[f].cue[0] > words[subj.last].start && found[f].cue[0] < words[statement].start) found.splice(f, 1);
        found.push({ speaker: span(subj), speakerContext: span(subj), cue, content, sentence: si, rule: 'claims/statement-participle' });
        continue;
      }
    }
    // "footage of Trump saying …", "with Zelensky insisting that …": a participle right after a name.
    const namedParticiple = isParticiple && !isVerb && i > 0 && !words[i - 1].punct && isCapitalized(words[i - 1]) && !lexicon.stop.has(words[i - 1].lower);
    // "…, with the army saying that …": the subject of a participle in an absolute "with" phrase.
    const withPhrase = isParticiple && !isVerb && !namedParticiple && i > 1 ? phraseBefore(words, i - 1, first) : null;
    const withParticiple = !!withPhrase && words[withPhrase.first - 1]?.lower === 'with';
    if (!isVerb && !namedParticiple && !withParticiple) continue;

    // Walk back over auxiliaries, adverbs and parentheticals to the speaker phrase.
    let j = i - 1;
    let relSkipped = false;
    for (;;) {
      // ("They all said" skips "all"; "To varying degrees, all agreed": a quantifier opening the clause is its subject.)
      if (j >= 0 && !words[j].punct && lexicon.aux.has(words[j].lower) && !clauseQuantifier(words, j, first)) j--;
      // "Cruz has long said", "Trump pointedly refused": adverbs between the speaker and the cue.
      else if (j >= 1 && /^\p{Ll}[\p{Ll}]{2,}ly$/u.test(words[j].text) && !NOT_ADVERBS.has(words[j].lower) && !isDeterminer(words[j - 1]) && !lexicon.stop.has(words[j].lower)) j--;
      else if (j >= 1 && words[j].lower === 'long' && lexicon.aux.has(words[j - 1].lower)) j--;
      else if (j >= 0 && DASHES.has(words[j].text) && words[j].text !== '(') {
        // "The Ministry’s statement—also posted on Telegram—goes on to say": skip the dash pair.
        const closeText = words[j].text === ')' ? '(' : words[j].text;
        let k = j - 1;
        while (k >= 0 && j - k < 30 && words[k].text !== closeText) k--;
        if (k >= 0 && words[k].text === closeText && k < j) j = k - 1;
        else break;
      // "Some Democrats, however, question": the comma before "however" goes too, unless an appositive ends there
      // ("Ukrainian leaders, including President Zelensky, however, have insisted").
      } else if (j >= 2 && words[j].text === ',' && ['however', 'though', 'too'].includes(words[j - 1].lower)) j -= words[j - 2].text === ',' && !words.slice(Math.max(0, j - 12), j - 2).some((x) => x.text === ',') ? 3 : 2;
      // "Wells Fargo just this month announced"
      else if (j >= 1 && ['week', 'month', 'year', 'weekend'].includes(words[j].lower) && ['this', 'last', 'that'].includes(words[j - 1].lower)) j -= 2;
      // ", which borders Ukraine," is skipped up to its opening comma, so "X, governor of …, which …, said" stays an appositive.
      // "Hillary Clinton, at a later press gaggle, said": a prepositional aside between commas is skipped.
      else if (j >= 3 && words[j].text === ',' && prepositionalAside(words, j) > 0) j = prepositionalAside(words, j) - 1;
      else if (j >= 2 && words[j].text === ',' && relativeClauseStart(words, j) > 0 && !relSkipped) {
        j = relativeClauseStart(words, j);
        relSkipped = true;
      }
      else if (j >= 1 && words[j].lower === 'to' && CONTINUING.has(words[j - 1].lower)) j -= 2;
      else if (j >= 0 && ['goes', 'went'].includes(words[j].lower)) j--;
      // "Sanders on Tuesday said", "officials yesterday said"
      else if (j >= 1 && lexicon.timeDays.has(words[j].lower)) j -= words[j - 1].lower === 'on' ? 2 : 1;
      else break;
    }
    // "they expect", "critics fear": a base form is also an infinitive ("to announce", "will pledge") and a noun
    // ("an aggressive pledge", "Editor’s note"), so it needs a plural or first/second-person subject right before.
    // ("Images taken by a drone show …": a post-modified subject is read from its head, "Images".)
    if (lexicon.baseForms.has(w.lower) && !baseSubject(words, j, i) && !pluralPostModified(words, first, j, i)) continue;
    // "they did not confirm their status": a base form that also takes a plain object is a cue only before "that".
    if (lexicon.baseThat.has(w.lower) && words[i + 1]?.lower !== 'that') continue;
    // "Russian troops found the bodies": a finding needs "that" or a subject that produces findings ("a poll found").
    if (lexicon.evidenceVerbs.has(w.lower) && words[i + 1]?.lower !== 'that' && !evidenceSubject(words, j)) continue;
    const ambiguous = lexicon.ambiguousCues.has(w.lower) || thatComplement || namedParticiple;
    if (j >= 0 && words[j].text === ',') {
      // "Sergey Cherevati, spokesman for …, said" / "Ukraine’s deputy minister, Hannah Malial, said" / "“…,” said X".
      const appos = appositive(words, j, first);
      if (appos) {
        const { head, chunk } = appos;
        const chunkIsName = isCapitalized(words[chunk.first]) && !isDeterminer(words[chunk.first]) && chunk.last - chunk.first < 4;
        const headIsName = isCapitalized(words[head.last]);
        // "A spokeswoman for Lopez, Jane Ortiz, said": a head that opens with a determiner and holds a lower-case noun
        // is a description even when it ends in a name; the name after it speaks ("The Institute for the Study of
        // War, ISW," stays a name: only connectors are lower case in it).
        const description = isDeterminer(words[head.first]) && words.slice(head.first + 1, head.last + 1).some((x) => /^\p{Ll}/u.test(x.text) && !isDeterminer(x) && !lexicon.nameConnectors.has(x.lower));
        const speakerP = chunkIsName && (!headIsName || !isCapitalized(words[head.first]) || description) ? chunk : head;
        const ctx: [number, number] = [words[head.first].start, words[chunk.last].end];
        const tail = skipLeadIn(words, after, n);
        const back = isTailEmpty(words, tail, n) || (head.first > 0 && isQuoteEnd(words, head.first - 1, byClose));
        const content = back ? contentBefore(head.first) ?? (head.first === first ? quoteBeforeSentence(text, s, byClose) : null) : contentFrom(tail);
        if (content) found.push({ speaker: span(speakerP), speakerContext: ctx, cue, content, sentence: si, rule: 'claims/appositive-speaker' });
        continue;
      }
      if (!relSkipped) {
        // "…, says the governor.": after the content and before a speaker that ends the clause, "says" is speech.
        if (ambiguous && !lexicon.invertedCues.has(w.lower)) continue;
        // Inverted: content, then cue, then speaker.
        const sp = phraseAfter(words, after);
        const content = contentBefore(j + 1);
        // "…, said he cannot comment" is not inverted: the phrase after the cue must end the clause.
        let spTail = sp ? skipLeadIn(words, sp.last + 1, n) : n;
        // "…, said one GOP source in the room.": a short prepositional phrase may close the speaker.
        if (sp && spTail < n && ['in', 'at', 'with', 'from', 'of', 'for', 'on'].includes(words[spTail].lower)) {
          let m = spTail + 1;
          while (m < n && m - spTail < 7 && !words[m].punct) m++;
          if (isTailEmpty(words, m, n)) spTail = m;
        }
        if (sp && content && (isTailEmpty(words, spTail, n) || words[spTail]?.text === ',')) {
          found.push({ speaker: span(sp), speakerContext: span(sp), cue, content, sentence: si, rule: 'claims/inverted' });
          i = sp.last;
        }
        continue;
      }
      // The relative clause was not an appositive: read the speaker before it.
      j--;
    }
    if (j >= 0 && CLOSERS.has(words[j].text) && byClose.has(words[j].start)) {
      if (ambiguous && !lexicon.invertedCues.has(w.lower)) continue;
      const sp = phraseAfter(words, after);
      const q = byClose.get(words[j].start)!;
      if (sp) {
        found.push({ speaker: span(sp), speakerContext: span(sp), cue, content: [q.open + q.mark, trimEnd(text, q.open + q.mark, q.close)], sentence: si, rule: 'claims/quote-said-speaker' });
        i = sp.last;
      }
      continue;
    }
    if (j < 0) continue;
    // "calls … were rejected by the Human Rights Council", "has been called a charlatan by fellow physicians";
    // adverbs may stand between ("was widely ridiculed", "has been harshly criticized", "was once asked").
    if (['was', 'were', 'been', 'is', 'are', 'be', 'being'].includes(words[pk]?.lower ?? '') && !lexicon.participles.has(w.lower) && !(idiom > 0 && /ing$/.test(w.lower))) {
      let by = i + 1;
      while (by < n && by - i < 7 && words[by].lower !== 'by' && !words[by].punct) by++;
      const agent = by < n && words[by].lower === 'by' ? phraseAfter(words, by + 1) : null;
      // "was cited by Interfax as saying …": the agent is the outlet; the quoted speaker is the subject ('quoted-as-saying').
      const quoting = !!agent && words.slice(agent.last + 1, agent.last + 4).some((x, k, xs) => x.lower === 'as' && lexicon.participles.has(xs[k + 1]?.lower ?? words[agent.last + k + 2]?.lower ?? ''));
      if (agent && !quoting) {
        // "Residents were told by the governor that …", "were urged by officials to leave": a cue that takes its
        // listener as object (`object` in `data/cues.json`) has the listener as subject; the content follows the agent.
        const listener = lexicon.objectCues.has(w.lower) && ['that', 'to'].includes(words[agent.last + 1]?.lower ?? '');
        // The subject ends before its auxiliaries ("The plan has been rejected", "is being reported").
        let ck = pk;
        while (ck > 1 && lexicon.aux.has(words[ck - 1].lower)) ck--;
        const content = listener ? contentFrom(agent.last + (words[agent.last + 1].lower === 'that' ? 2 : 1)) : contentBefore(ck);
        // "It was first declared by the president": a bare pronoun subject names no statement.
        const bare = !!content && lexicon.pronouns.has(text.slice(content[0], content[1]).trim().toLowerCase());
        if (content && !bare) found.push({ speaker: span(agent), speakerContext: span(agent), cue, content, sentence: si, rule: 'claims/passive-by' });
      }
      if (agent) i = agent.last;
      continue;
    }
    if (['and', 'but'].includes(words[j].lower)) {
      // "Cruz exhorted Republicans … and said he was standing on principle": the clause's subject speaks.
      const prev = [...sofar, ...found].reverse().find((a) => a.sentence === si && a.speaker && a.cue[1] <= words[j].start);
      // An ambiguous cue ("… and called for steep tariffs") needs an attribution before it in the sentence.
      if (ambiguous && !prev) continue;
      // "reported that the armed groups occupied Kozinka and attacked …": inside a reported clause with its own
      // subject the verb is that subject's ("threatened to withdraw … and said", "identified them as … and said" stay).
      if (prev && prev.content[0] <= w.start && w.start < prev.content[1] && /\bthat\s*$/i.test(text.slice(prev.cue[1], prev.content[0]))) continue;
      const subj = prev ? null : clauseSubject(words, first, j);
      const speaker = prev?.speaker ?? (subj && isSpeakerPhrase(words, subj, first) && subj.last < j - 1 ? span(subj) : null);
      const tail = skipLeadIn(words, after, n);
      const content = isTailEmpty(words, tail, n) ? null : contentFrom(tail);
      if (speaker && content) found.push({ speaker, speakerContext: prev?.speakerContext ?? speaker, cue, content, sentence: si, rule: 'claims/coordinated' });
      continue;
    }
    // "local farmers, many of whom say …", "40 pastors -- most of whom had opposed him --": a quantified relative
    // after a comma or a dash speaks for part of the phrase before it; the speaker is the quantified pronoun ("many of
    // whom"), the phrase before it its context.
    if (words[j].lower === 'whom' && j - 3 >= first && words[j - 1].lower === 'of' && /^\p{Ll}+$/u.test(words[j - 2].text) && words[j - 3].punct) {
      const ante = phraseBefore(words, j - 4);
      const spQ: Phrase = { first: j - 2, last: j };
      const tail = skipLeadIn(words, after, n);
      const content = isTailEmpty(words, tail, n) ? null : contentFrom(tail);
      if (content) found.push({ speaker: span(spQ), speakerContext: ante ? [words[ante.first].start, words[j].end] : span(spQ), cue, content, sentence: si, rule: 'claims/relative-speaker' });
      continue;
    }
    // An ambiguous cue ("says", "claims") after a comma and a relative pronoun whose antecedent is a speaker phrase
    // ("according to the Air Force, which says it has shot down …") is a statement of that antecedent.
    const relComma = j > 1 && words[j - 1].text === ',' && (words[j].lower === 'which' || words[j].lower === 'who');
    if (['who', 'which', 'that'].includes(words[j].lower) && j > 0 && (!ambiguous || (relComma && isRelativeSpeaker(words, j - 2, first)))) {
      // "anybody who complains about …", "someone who has mocked him": a relative clause on an indefinite pronoun
      // (`indefinites` in `data/speakers.json`) describes a hypothetical or unnamed person; no report.
      if (lexicon.indefinites.has(words[j - 1].lower) || (words[j - 1].lower === 'one' && words[j - 2]?.lower === 'no')) continue;
      // "an architect who said he was stiffed": the relative pronoun stands for the noun before it.
      // "a top Russian military blogger, Evgeny Poddubny, who wrote": the name before the comma.
      const ante = j > 1 && words[j - 1].text === ',' ? phraseBefore(words, j - 2) : phraseBefore(words, j - 1);
      const comma = words[j - 1].text === ',';
      const valid = !!ante && isSpeakerPhrase(words, ante, first);
      const spR: Phrase = valid ? { first: ante!.first, last: comma ? ante!.last : j } : { first: j, last: j };
      // The title before the name ("a top Russian military blogger, Evgeny Poddubny, who") tells the side.
      const title = valid && ante!.first > 1 && words[ante!.first - 1].text === ',' ? phraseBefore(words, ante!.first - 2) : null;
      const ctx: [number, number] = [words[title ? title.first : spR.first].start, words[spR.last].end];
      const content = contentFrom(skipLeadIn(words, after, n));
      // The speaker runs from the name through the pronoun ("Evgeny Poddubny, who"): annotators mark either one.
      const spX: Phrase = { first: spR.first, last: j };
      if (content && !isTailEmpty(words, skipLeadIn(words, after, n), n)) found.push({ speaker: span(spX), speakerContext: ctx, cue, content, sentence: si, rule: 'claims/relative-speaker' });
      continue;
    }
    let sp = phraseBefore(words, j);
    // "Some said …", "but many believe …", "— some say unrealistic —": a quantifier pronoun (`quantifiers` in
    // data/speakers.json) that opens its clause is the subject alone; as a determiner it fails the phrase test.
    let quantifier = false;
    if (clauseQuantifier(words, j, first)) {
      sp = { first: j, last: j };
      quantifier = true;
    }
    // A dateline or number glued before the name ("date 2023-05-25 Russia’s Wagner Group") is not part of it.
    if (sp) for (let k = sp.last - 1; k >= sp.first; k--) if (/\d/.test(words[k].text)) {
      sp = { first: k + 1, last: sp.last };
      break;
    }
    // "Experts on North Korea and nuclear nonproliferation said", "A poll released in late August found": the
    // phrase before the cue is the object of a preposition; the subject heads the clause.
    let postRule = '';
    let spCtx: [number, number] | null = null;
    // ("Sources close to the Kremlin said", "Officials loyal to Kyiv said": the object of "to" after a relation
    // adjective, `relationAdjectives`, is no speaker either; "ambassador to the United Kingdom X" is a title.)
    // ("footage of Trump saying", "with Zelensky insisting": the name right before a participle is its subject, also
    // after a preposition.)
    if (namedParticiple && sp && isSpeakerPhrase(words, sp, first)) {
      // The name is the capitalised run that ends the phrase ("footage of Trump" → "Trump").
      let f = sp.last;
      while (f > sp.first && (isCapitalized(words[f - 1]) || (words[f - 1].text === '.' && f - 1 > sp.first))) f--;
      sp = { first: f, last: sp.last };
    } else if (withParticiple && sp && sp.first === withPhrase!.first && isSpeakerPhrase(words, sp, first)) {
      // The whole phrase after "with" speaks ("with the Ukrainian military saying …").
    } else if (quantifier) {
      // The quantifier stands alone: no post-modifier or relative to look for.
    } else if (!sp || !isSpeakerPhrase(words, sp, first) || PREPOSITIONS.has(words[sp.first - 1]?.lower ?? '') || words[sp.first - 1]?.lower === 'by' || (participleOpener(words, sp.first - 2) && !(ambiguous && isDeterminer(words[sp.first]))) || (words[sp.first - 1]?.lower === 'to' && lexicon.relationAdjectives.has(words[sp.first - 2]?.lower ?? ''))) {
      // "Video of the incident shows": an invalid phrase may itself hold the post-modifier.
      const bound = sp && isSpeakerPhrase(words, sp, first) ? sp.first : j + 1;
      let subj = postModifiedSubject(words, first, bound, j) ?? relativeSubject(words, first, bound);
      // ("a haven shielded from any tough questions or follow-ups": after a participle's object an ambiguous cue in
      // -s that heads a list is a plural noun.)
      if (subj && ambiguous && /s$/.test(w.lower) && ['or', 'and'].includes(words[i + 1]?.lower ?? '') && participleOpener(words, subj.last + 1)) subj = null;
      if (subj) {
        spCtx = [words[subj.first].start, words[j].end];
        sp = subj;
        postRule = 'claims/post-modified-speaker';
      }
    } else if (sp) {
      const subj = relativeSubject(words, first, sp.first);
      if (subj) {
        spCtx = [words[subj.first].start, words[j].end];
        sp = subj;
        postRule = 'claims/post-modified-speaker';
      }
    }
    if (!sp || (!quantifier && !isSpeakerPhrase(words, sp, first))) continue;
    // "The strike revealed gaps in the air defences", "The offensive suggested that …": an act of war (`eventNouns`)
    // heading the phrase is what happened, not who speaks.
    if (lexicon.eventNouns.has(words[sp.last].lower) && !isCapitalized(words[sp.last])) continue;
    // "The strike puts the toll at 40", "The shelling made it clear …": an idiom or an estimate needs a name, a
    // pronoun or a speaker noun as subject, since an event takes it as well.
    if ((idiom > 0 || estimate) && !isSpeakerPhrase(words, sp, first, true)) continue;
    // "Many calls were …", "Several reports": after a quantifier an ambiguous cue in -s is a noun; a base form ("Many
    // believe"), the verb a plural subject takes, or a past form ("all agreed") is the verb.
    if (quantifier && ambiguous && !lexicon.baseForms.has(w.lower) && !/ed$/.test(w.lower)) continue;
    // "Citing intelligence reports, …": a participle opening the sentence heads no speaker phrase.
    if (sp.first === first && lexicon.participles.has(words[sp.first].lower)) continue;
    // "a compromise rebuffed by Republicans": a reduced passive; the phrase before is no speaker.
    // ("responded by saying" is a manner, not an agent.)
    if (words[after]?.lower === 'by' && !/ing$/.test(words[after + 1]?.lower ?? '') && !['was', 'were', 'been', 'is', 'are', 'be', 'being'].includes(words[i - 1]?.lower ?? '')) continue;
    // "which is what the Ukrainian command wanted to achieve": an object relative, no statement.
    if (ambiguous && ['what', 'whatever'].includes(words[sp.first - 1]?.lower ?? '')) continue;
    if (ambiguous && !quantifier && (isDeterminer(words[sp.last]) || (sp.first > 0 && isDeterminer(words[sp.first - 1])))) continue;
    // "We've seen reports that …": after a verb whose object it is, the cue is a noun.
    if (ambiguous && lexicon.verbBeforeNoun.has(words[sp.last].lower)) continue;
    const prevTok = words[sp.first - 1];
    const tail = skipLeadIn(words, after, n);
    const tailEmpty = isTailEmpty(words, tail, n);
    const forwardHint = tail < n && (words[tail].lower === 'that' || words[tail].text === ':' || words[tail - 1]?.text === ':' || (OPENERS.has(words[tail].text) && (tail === after || [',', ':'].includes(words[tail - 1]?.text))));
    // A short quote right before the speaker is a title ("On “Fox News Sunday,” Pence said …"), not the content.
    const closing = sp.first > 0 ? byClose.get(words[sp.first - 1].start) ?? (sp.first > 1 && words[sp.first - 1].text === ',' ? byClose.get(words[sp.first - 2].start) : undefined) : undefined;
    const quoteBefore = !!closing && (tailEmpty || isSpeechQuote(text, closing));
    let content: [number, number] | null;
    let rule: string;
    // "…, a claim Kyiv has contested": an appositive statement noun between the comma and the speaker.
    const claimNoun: boolean = tailEmpty && sp.first > 2 && STATEMENT_NOUNS.has(words[sp.first - 1].lower) && ['a', 'an', 'the'].includes(words[sp.first - 2].lower) && words[sp.first - 3].text === ',';
    // "…, which Moscow denies": a relative "which" after a comma, then a cue of (dis)confirming (`whichCues`) ending the
    // sentence: the speaker speaks of all before it.
    const whichSaid: boolean = tailEmpty && sp.first > 1 && words[sp.first - 1].lower === 'which' && words[sp.first - 2].text === ',' && lexicon.whichCues.has(w.lower);
    if ((quoteBefore && !forwardHint) || (prevTok && (prevTok.text === ',' || prevTok.text === '—' || prevTok.text === '―' || prevTok.text === '--') && tailEmpty) || claimNoun || whichSaid) {
      content = contentBefore(claimNoun ? sp.first - 2 : whichSaid ? sp.first - 1 : sp.first);
      rule = quoteBefore ? 'claims/quote-speaker-said' : 'claims/content-speaker-said';
    } else if (tailEmpty && sp.first === first) {
      // "“…” ¶ Clinton said." — the quote is the sentence before.
      content = quoteBeforeSentence(text, s, byClose);
      // An ambiguous cue ("asked") counts after a quoted question: "“Does anybody know …?” ¶ Graham asked."
      if (ambiguous && !(content && /\?\s*$/.test(text.slice(content[0], content[1])))) continue;
      rule = 'claims/quote-before-sentence';
    } else {
      if (ambiguous && tailEmpty) continue;
      content = contentFrom(tail);
      rule = content && byOpen.has(content[0] - 1) ? 'claims/speaker-said-quote' : words[tail - 1]?.text === ':' ? 'claims/colon' : 'claims/speaker-said';
      // "Russian forces, the ministry said, captured X": the speaker and cue between commas inside the clause.
      const before = content && tail === after && asideGoesOn(sp.first, after) ? contentBefore(sp.first) : null;
      if (content && before && sp.first > first + 1) {
        content = [before[0], content[1]];
        rule = 'claims/parenthetical-speaker';
      }
      if (lexicon.nominalCues.has(words[sp.last].lower) && /['’]s$/.test(words[Math.max(sp.first, sp.last - 1)].text)) rule = 'claims/nominal-cue';
    }
    if (!content || content[1] <= content[0]) continue;
    // "The ceasefire announced on Monday collapsed within hours": an -ed cue after a phrase that is no name, pronoun
    // or speaker noun, whose "content" opens with a verb, is a reduced passive on the subject of that verb.
    if (rule === 'claims/speaker-said' && /ed$/.test(w.lower) && !isSpeakerPhrase(words, sp, first, true) && opensWithVerb(words, content[0])) continue;
    found.push({ speaker: span(sp), speakerContext: spCtx ?? span(sp), cue, content, sentence: si, rule: postRule || rule });
  }
  return found;
}

/**
 * The subject of the sentence's main clause, read forwards: after an opening adverbial phrase and its comma
 * ("During a speech earlier in the day, Trump attacked …, saying") when the sentence opens with one.
 */
function clauseSubject(words: readonly Word[], first: number, limit: number): Phrase | null {
  let start = first;
  // "During a speech, …", "Recently, however, …": opening adverbials and their commas.
  for (let round = 0; round < 2 && start < limit && (lexicon.stop.has(words[start].lower) || PREPOSITIONS.has(words[start].lower) || /^\p{L}+ly$/u.test(words[start].text)); round++) {
    let k = start + 1;
    while (k < limit && k - start < 14 && words[k].text !== ',') k++;
    if (k >= limit || words[k].text !== ',') return null;
    start = k + 1;
    while (start < limit && (CLAUSE_START.has(words[start].lower) || words[start].text === ',')) start++;
  }
  return start < limit ? phraseAfter(words, start, limit - 1) : null;
}

/** True when a word producing findings ("poll", "study", "investigators") heads the clause ending at `j`. */
function evidenceSubject(words: readonly Word[], j: number): boolean {
  for (let k = j; k >= 0 && j - k < 12; k--) {
    if (words[k].punct && !['-', '.', "'", '’'].includes(words[k].text)) return false;
    if (lexicon.evidenceSubjects.has(words[k].lower)) return true;
  }
  return false;
}

const SUBORDINATE_OPENERS = new Set(['since', 'because', 'although', 'though', 'while', 'when', 'if', 'whereas', 'as', 'after', 'before', 'until', 'once', 'unless']);

/**
 * "One of the docs who sent the letter called Oz a quack": the phrase before the cue ends a relative clause
 * opened by "who" a few words earlier; the noun before "who" is the subject.
 */
function relativeSubject(words: readonly Word[], first: number, before: number): Phrase | null {
  for (let k = before - 1; k > first && before - k < 8; k--) {
    const t = words[k];
    if (t.punct) return null;
    if (t.lower !== 'who') continue;
    const ante = phraseBefore(words, k - 1);
    return ante && isSpeakerPhrase(words, ante, first) ? ante : null;
  }
  return null;
}

/** Prepositions that open a post-modifier of a subject ("officials in Kyiv", "experts on North Korea"). */
const PREPOSITIONS = new Set(['of', 'on', 'in', 'at', 'from', 'for', 'with', 'across', 'among', 'including', 'near', 'inside', 'outside', 'close']);

/**
 * The subject of the clause that ends at word `j` when what lies between it and the cue is a post-modifier:
 * a preposition or a past participle ("released", "based") opens it, and no punctuation, clause word or cue
 * breaks it. The subject is a noun phrase at the start of the sentence or after a comma.
 */
function postModifiedSubject(words: readonly Word[], first: number, before: number, j: number): Phrase | null {
  let start = first;
  for (let k = j; k >= first && j - k < 16; k--) {
    const t = words[k];
    if ([',', ';', ':', '—', '–', '--', '(', ')'].includes(t.text) || OPENERS.has(t.text) || CLOSERS.has(t.text)) {
      start = k + 1;
      break;
    }
    if (k === first) start = first;
  }
  if (j - start >= 15) return null;
  while (start < j && (CLAUSE_START.has(words[start].lower) || SUBORDINATE_OPENERS.has(words[start].lower))) start++;
  start += frontedTime(words, start, j);
  // "Those close to the governor say", "those familiar with the talks said": a demonstrative alone heads the subject.
  let subj = words[start].lower === 'those' && start + 1 < j && !isDeterminer(words[start + 1]) && !lexicon.sources.has(words[start + 1].lower) && !isCapitalized(words[start + 1]) ? { first: start, last: start } : phraseAfter(words, start, j);
  // "emails obtained by the newspaper": a plain-word phrase ends before a past participle with its preposition.
  if (subj) for (let k = subj.first + 1; k <= subj.last; k++) if (participleOpener(words, k)) {
    subj = { first: subj.first, last: k - 1 };
    break;
  }
  // "Satellite images taken by …": plain nouns after a capitalised word ("Satellite") run up to the participle.
  if (subj) for (let k = subj.last + 1; k < j && k - subj.last <= 3; k++) {
    if (participleOpener(words, k)) {
      subj = { first: subj.first, last: k - 1 };
      break;
    }
    if (!isCapitalized(words[subj.last]) || !/^\p{Ll}+$/u.test(words[k].text) || isDeterminer(words[k]) || PREPOSITIONS.has(words[k].lower) || lexicon.stop.has(words[k].lower) || lexicon.cueVerbs.has(words[k].lower)) break;
  }
  if (!subj || subj.last >= before - 1 || subj.last >= j) return null;
  const next = words[subj.last + 1];
  const participle = participleOpener(words, subj.last + 1);
  // "A poll released in August found", "a senior defense official speaking on background said": a preposition, a past
  // participle or a present participle (not a cue's: "adding") opens the post-modifier.
  // An adjective with its "to"/"with" ("officials loyal to Kyiv", "channels close to the army") opens one too.
  const adjective = lexicon.relationAdjectives.has(next.lower) && ['to', 'with'].includes(words[subj.last + 2]?.lower ?? '');
  if (!(PREPOSITIONS.has(next.lower) || /^\p{Ll}+(?:ed|ing)$/u.test(next.text) || adjective || participle)) return null;
  for (let k = subj.last + 1; k <= j; k++) {
    const t = words[k];
    // "A map shown to reporters suggests": the participle that opens the modifier is no cue of its own.
    if (k === subj.last + 1 && participle) continue;
    if (t.punct && !['-', '.', "'", '’'].includes(t.text)) return null;
    if (['that', 'which', 'who', 'and', 'but', 'or', 'when', 'while', 'as', 'after', 'before', 'because', 'if'].includes(t.lower) && k > subj.last + 1 && !(t.lower === 'and' && k < j)) return null;
    // A cue word after a determiner or a possessive is a noun ("critics of the plan said", "experts on his claims").
    if ((lexicon.cueVerbs.has(t.lower) || lexicon.participles.has(t.lower)) && !(k > subj.last + 1 && (isDeterminer(words[k - 1]) || /^(?:his|her|its|their|our|my|your)$|['’]s$/.test(words[k - 1].lower)))) return null;
  }
  return subj;
}

/** Prepositions after a past participle that make it open a reduced relative ("seen by", "shown to", "combed through"). */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'to', 'through', 'from', 'in', 'on', 'at', 'with']);

/** True when word `k` is a past participle (-ed, or `participleOpeners` in data/speakers.json) before a preposition. */
function participleOpener(words: readonly Word[], k: number): boolean {
  const w = words[k];
  return !!w && !w.punct && (lexicon.participleOpeners.has(w.lower) || /^\p{Ll}{3,}ed$/u.test(w.text)) && PARTICIPLE_PREPOSITIONS.has(words[k + 1]?.lower ?? '');
}

/**
 * The number of words of a time phrase that opens the clause at `start` without a comma ("Last week", "On Monday",
 * "Yesterday"; `frontedTime` in `data/speakers.json`), or 0; the phrase must leave words before `j`.
 */
function frontedTime(words: readonly Word[], start: number, j: number): number {
  const w = words[start]?.lower ?? '';
  const next = words[start + 1]?.lower ?? '';
  const n = lexicon.timeModifiers.has(w) && lexicon.timePeriods.has(next) ? 2 : w === 'on' && lexicon.timeDays.has(next) ? 2 : lexicon.timeDays.has(w) ? 1 : 0;
  return n && start + n < j && !words[start + n].punct ? n : 0;
}

/** Participles of a passive of quoting before "as saying" ("was quoted as saying"). */
const QUOTED_AS = new Set(['quoted', 'cited', 'heard', 'reported', 'recorded', 'filmed']);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be']);

/** The index of the participle of quoting that ends at `k` or before a "by" agent ending there ("quoted by Tass"), or -1. */
function quotedAs(words: readonly Word[], k: number): number {
  if (k > 0 && QUOTED_AS.has(words[k].lower)) return k;
  for (let b = k; b > 1 && k - b < 5 && !words[b].punct; b--) if (words[b].lower === 'by') return QUOTED_AS.has(words[b - 1].lower) ? b - 1 : -1;
  return -1;
}

/** Participles of publishing, from the passive cues ("posted by" → "posted"). */
const PUBLISHING = new Set(lexicon.passiveCues.map((p) => p.split(' ')[0]));

/**
 * The index of a statement noun ("statement", "video", "letter") among the few words before the participle at `i`
 * ("issued a statement on Sunday saying"), with no punctuation between; -1 when there is none.
 */
function statementBefore(words: readonly Word[], first: number, i: number): number {
  for (let k = i - 1; k > first && i - k <= 8; k--) {
    if (words[k].punct) return -1;
    if (lexicon.nominalCues.has(words[k].lower)) return k;
  }
  return -1;
}

/** Adverbs allowed between an auxiliary and a participle cue. */
const ADVERBS = new Set(['once', 'first', 'later', 'again', 'also', 'still', 'now', 'already', 'just', 'even', 'not', 'never', 'always', 'often', 'increasingly', 'repeatedly', 'reportedly']);
const CONTINUING = new Set(['on', 'continued', 'continues', 'continue', 'proceeded', 'seemed', 'seems', 'appeared', 'appears', 'began', 'begins']);
const MODALS = new Set(['to', 'will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', "won't", "wouldn't", "can't", "couldn't"]);
const PLURAL_PRONOUNS = new Set(['i', 'we', 'they', 'you', 'who']);
const DO_SUPPORT = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);

/** True when a post-modified subject ends at `j` ("Images taken by a drone") and its head is plural, no modal between. */
function pluralPostModified(words: readonly Word[], first: number, j: number, i: number): boolean {
  if (j < 0 || words.slice(j + 1, i).some((x) => MODALS.has(x.lower))) return false;
  const subj = postModifiedSubject(words, first, j + 1, j);
  return !!subj && participleOpener(words, subj.last + 1) && baseSubject(words, subj.last, subj.last + 1);
}

/** True when the cue form at `i` has its sense of quantity or change (`otherSenses` in data/cues.json). */
function otherSense(words: readonly Word[], i: number): boolean {
  const sense = lexicon.otherSenses.get(words[i].lower);
  if (!sense) return false;
  const next = words[i + 1];
  if (!next || /^[.!?;]$/.test(next.text)) return sense.end;
  if (sense.number && (/^\d/.test(next.text) || NUMBER_WORDS.has(next.lower))) return true;
  if (sense.adverb && /^\p{Ll}{3,}ly$/u.test(next.text)) return true;
  // "speaks Russian", but not "spoke Russian media": the language ends its phrase.
  if (sense.language && isCapitalized(next) && lexicon.demonyms.has(next.lower) && (!words[i + 2] || words[i + 2].punct || /^\p{Ll}/u.test(words[i + 2].text) && !isPluralNoun(words[i + 2]) && !lexicon.sources.has(words[i + 2].lower))) return true;
  // "troops defended the town", "defended its positions near the river": a place or position as object.
  if (sense.objects) {
    for (let k = i + 1; k < words.length && k - i <= 4 && !words[k].punct; k++) {
      if (lexicon.militaryObjects.has(words[k].lower)) return true;
      if (!isDeterminer(words[k]) && !/^(?:his|her|its|their|our|my|your)$/.test(words[k].lower) && !/^\p{Ll}+(?:ern|ian|ish|al|ed)$/u.test(words[k].text) && !/^\p{Lu}/u.test(words[k].text)) break;
    }
  }
  if (!sense.next.has(next.lower)) return false;
  // "declined to comment": "to" before a verb keeps the speech sense; "declined to 55 percent" does not.
  if (next.lower === 'to' && lexicon.otherSensesToVerb.has(words[i].lower)) {
    const after = words[i + 2];
    return !after || after.punct || /^\d/.test(after.text) || NUMBER_WORDS.has(after.lower) || isDeterminer(after) || !/^\p{Ll}/u.test(after.text);
  }
  return true;
}

/** Auxiliaries, modals and adverbs of negation or time that open a verb group ("would cut", "was halted", "never took"). */
const VERB_OPENERS = new Set(['would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'never', 'quickly', 'soon']);

const VERB_PREPOSITIONS = new Set([...PREPOSITIONS, 'within', 'after', 'before', 'during', 'under', 'over', 'into', 'by', 'to', 'amid']);

/** True when the word at offset `start` opens a verb group: an auxiliary or modal, or an -ed verb before a preposition. */
function opensWithVerb(words: readonly Word[], start: number): boolean {
  const k = words.findIndex((x) => x.start === start);
  if (k < 0) return false;
  const w = words[k];
  return VERB_OPENERS.has(w.lower) || (/^\p{Ll}{3,}ed$/u.test(w.text) && VERB_PREPOSITIONS.has(words[k + 1]?.lower ?? ''));
}

/** True when word `j` is a quantifier pronoun (`quantifiers` in data/speakers.json) that opens its clause ("Some said"). */
function clauseQuantifier(words: readonly Word[], j: number, first: number): boolean {
  // ("Robert Ortiz (D-Ore.) all said": after a closing bracket the quantifier floats after its subject.)
  return j >= first && lexicon.quantifiers.has(words[j].lower) && (j === first || (words[j - 1].punct && !CLOSERS.has(words[j - 1].text) && words[j - 1].text !== ')') || CLAUSE_START.has(words[j - 1].lower));
}

/** True when word `j` can be the subject of the base-form cue at `i`: a plural or I/we/they/you, no modal or "to" between. */
function baseSubject(words: readonly Word[], j: number, i: number): boolean {
  if (j < 0 || words[j].punct) return false;
  // "continued to insist", "went on to warn": "to" after a verb of continuing keeps the subject.
  for (let k = j + 1; k < i; k++) {
    // After "went on to", "continued to" the base form is an infinitive of a finite verb: any subject will do.
    if (words[k].lower === 'to' && CONTINUING.has(words[k - 1].lower)) return true;
    if (MODALS.has(words[k].lower)) return false;
    // "The governor does believe …", "the ministry did not expect …": after "do" the base form is the finite verb.
    if (DO_SUPPORT.has(words[k].lower)) return true;
  }
  const s = words[j].lower;
  if (PLURAL_PRONOUNS.has(s) || lexicon.sources.has(s) || lexicon.quantifiers.has(s)) return true;
  // "Moscow and Kyiv accuse …", "the ministry and the army expect …": two conjuncts make a plural subject.
  const p = phraseBefore(words, j);
  const c = p && p.first >= 2 && words[p.first - 1].lower === 'and' ? words[p.first - 2] : undefined;
  if (c && !c.punct && (isCapitalized(c) || lexicon.sources.has(c.lower) || lexicon.nominals.has(c.lower))) return true;
  return /\p{L}{2}s$/u.test(s) && !/(?:ss|us|is|'s)$/.test(s) && !lexicon.stop.has(s);
}

const SUBORDINATORS = new Set(['as', 'while', 'after', 'because', 'when', 'before', 'but', 'and', 'though', 'although', 'which', 'who', 'since', 'until', 'in', 'at', 'on', 'during', 'according']);
/** Words an aside after a speech verb's lead-in may run before ", that" opens the content. */
const ASIDE_REACH = 10;
/** Words that open an adverbial clause after a speech verb's lead-in and its comma ("said on Wednesday, as …"). */
const ADVERBIAL_OPENERS = new Set(['as', 'while', 'after', 'because', 'when', 'before', 'but', 'though', 'although', 'since', 'until', 'amid', 'whereas']);

/** True when nothing that could be content follows the cue: the sentence ends or a subordinate clause starts. */
function isTailEmpty(words: readonly Word[], tail: number, n: number): boolean {
  if (tail >= n) return true;
  const t = words[tail];
  if (['.', '!', '?', ';', ')'].includes(t.text)) return true;
  // "X, the ministry said on Wednesday, as fighting went on": a lead-in that ended on its comma, then an adverbial
  // clause — the content is before the speaker.
  // ("said on Monday, as expected, that …": an aside before "that" leaves the content after it.)
  // ("…, the air force said on Monday, adding that …": a participle after the lead-in's comma opens a claim of its own.)
  if (words[tail - 1]?.text === ',' && lexicon.participles.has(t.lower)) return true;
  if (words[tail - 1]?.text === ',' && ADVERBIAL_OPENERS.has(t.lower)) {
    for (let m = tail + 1; m + 1 < n && m - tail <= ASIDE_REACH; m++) if (words[m].text === ',' && words[m + 1].lower === 'that') return false;
    return true;
  }
  // "…, the ministry said on Thursday, a claim that could not be verified": an appositive statement noun after the
  // lead-in's comma speaks of the claim, the content is before the speaker.
  if (words[tail - 1]?.text === ',' && appositiveStatement(words, tail)) return true;
  if (t.text === ',') return tail + 1 >= n || SUBORDINATORS.has(words[tail + 1].lower) || lexicon.participles.has(words[tail + 1].lower) || (words[tail + 1].punct && !OPENERS.has(words[tail + 1].text)) || appositiveStatement(words, tail + 1);
  return false;
}

/** True when an article and a statement noun start at word k ("a claim", "an assertion", `STATEMENT_NOUNS`). */
function appositiveStatement(words: readonly Word[], k: number): boolean {
  return ['a', 'an', 'the'].includes(words[k]?.lower ?? '') && STATEMENT_NOUNS.has(words[k + 1]?.lower ?? '');
}

/** True when a quote reads as speech: five words or more, not a title-case title ("Make Your Kid a Millionaire"). */
function isSpeechQuote(text: string, q: Quote): boolean {
  const ws = readWords(text, q.open + q.mark, q.close).filter((x) => !x.punct);
  const caps = ws.filter((x) => isCapitalized(x)).length;
  return ws.length >= 5 && caps / ws.length < 0.6;
}

/** True when word `k` closes a quote, alone or as "”," / ",”". */
function isQuoteEnd(words: readonly Word[], k: number, byClose: ReadonlyMap<number, Quote>): boolean {
  const w = words[k];
  if (byClose.has(w.start)) return true;
  return w.text === ',' && k > 0 && byClose.has(words[k - 1].start);
}

/** "The governor added:" ends its sentence: the content is the paragraph that follows, up to a blank line. */
function blockAfter(text: string, from: number): [number, number] | null {
  let start = from;
  while (start < text.length && /\s/.test(text[start])) start++;
  if (start >= text.length) return null;
  const blank = text.slice(start, start + MAX_LINE).search(/\n\s*\n/);
  const end = trimEnd(text, start, blank < 0 ? Math.min(text.length, start + MAX_LINE) : start + blank);
  return end > start ? [start + (OPENERS.has(text[start]) ? 1 : 0), end] : null;
}

/** The quote that ends the text just before sentence `s` ("“…” Clinton said."). */
function quoteBeforeSentence(text: string, s: SentenceRange, byClose: ReadonlyMap<number, Quote>): [number, number] | null {
  let k = s.start - 1;
  while (k >= 0 && s.start - k < 4 && /[\s.,!?]/.test(text[k])) k--;
  const q = k >= 0 ? byClose.get(k) : undefined;
  return q ? [q.open + q.mark, q.close] : null;
}

/**
 * The appositive before the comma `j` right before a cue: "Head, descriptor, said" where the descriptor may be
 * long ("director of the Institute … at New York University’s law school"). Returns the head and the chunk.
 */
function appositive(words: readonly Word[], j: number, first: number): { head: Phrase; chunk: Phrase } | null {
  let best: { head: Phrase; chunk: Phrase } | null = null;
  for (let c = j - 1; c >= 0 && j - c < 40; c--) {
    const w = words[c];
    // "Mitch McConnell, R-Ky., said": a dot glued to a word is an abbreviation, not a sentence end.
    if (w.text === '.' && c > 0 && words[c - 1].end === w.start) continue;
    if (OPENERS.has(w.text) || CLOSERS.has(w.text) || ['.', ';', ':', '!', '?'].includes(w.text)) break;
    if (w.text !== ',') continue;
    const chunk: Phrase = { first: c + 1, last: j - 1 };
    if (chunk.first > chunk.last) break;
    // ", and the meeting deteriorated from there, said …" is a clause, not an appositive.
    if (lexicon.stop.has(words[chunk.first].lower)) continue;
    // "Rep. Gregory W. Meeks (D-N.Y.), chairman of …": the parenthesis belongs to the head.
    let h = c - 1;
    if (words[h]?.text === ')') {
      let k = h - 1;
      while (k >= 0 && h - k < 10 && words[k].text !== '(') k--;
      if (k >= 1 && words[k].text === '(') h = k - 1;
    }
    let head = h >= 0 ? phraseBefore(words, h) : null;
    // "The party's leader in Ohio, Adam Hale, said": a title with a post-modifier; the head runs from the subject. The
    // name between the commas has two words or more: one ("…, Russia,") is as often the place the phrase is in.
    if (head && head.first > first && PREPOSITIONS.has(words[head.first - 1].lower) && c + 2 <= j - 1 && isCapitalized(words[c + 1]) && isCapitalized(words[j - 1])) {
      const subj = postModifiedSubject(words, first, head.first, h);
      if (subj && subj.first === first) head = { first: subj.first, last: head.last };
    }
    const chunkShort = chunk.last - chunk.first < 4 && isCapitalized(words[chunk.first]);
    if (!head || !(isSpeakerPhrase(words, head, first) || isDeterminer(words[head.first]) || (chunkShort && !isDeterminer(words[chunk.first])))) continue;
    const before = words[head.first - 1];
    // "Officials at Homeland Security Investigations, a division of …": the head may be the object of a preposition.
    const headStarts = head.first <= first || !before || before.text === ',' || CLOSERS.has(before.text) || CLAUSE_START.has(before.lower) || before.text === '—' || before.text === '―' || before.text === '--' || ['at', 'of', 'for', 'from', 'with'].includes(before.lower);
    if (!headStarts) continue;
    // "China, Pyongyang's only ally and its economic lifeline …, said": a possessive opens a descriptor.
    const descriptor = !isCapitalized(words[chunk.first]) || isDeterminer(words[chunk.first]) || (/['’]s$/.test(words[chunk.first].text) && chunk.last > chunk.first && !isCapitalized(words[chunk.first + 1]));
    if (!chunkShort && !descriptor) continue;
    const named = isCapitalized(words[head.first]) && !isDeterminer(words[head.first]);
    // After a preposition only a name heads ("Officials at Homeland Security Investigations"), not "at the same time".
    if (before && ['at', 'of', 'for', 'from', 'with'].includes(before.lower) && !named) continue;
    // A descriptive head ("the attorney general of Oklahoma") may have a name before it; only a name replaces it.
    if (!best || named) best = { head, chunk };
    if (named) break;
  }
  return best;
}

/** For ", at a later press gaggle," ending at comma `j`: the index of the comma that opens it, else -1. */
function prepositionalAside(words: readonly Word[], j: number): number {
  for (let k = j - 1; k >= 1 && j - k < 9; k--) {
    const t = words[k];
    if (t.text === ',') return ASIDE_STARTS.has(words[k + 1]?.lower ?? '') && !words[k - 1].punct ? k : -1;
    if (t.punct && !['-', '.', "'", '’'].includes(t.text)) return -1;
  }
  return -1;
}
const ASIDE_STARTS = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'speaking', 'writing', 'appearing', 'asked', 'interviewed', 'addressing', 'responding', 'meanwhile', 'however', 'too', 'though', 'also', 'for', 'like']);

/** For ", which borders Ukraine," ending at comma `j`: the index of the comma that opens it, else -1. */
function relativeClauseStart(words: readonly Word[], j: number): number {
  for (let k = j - 1; k >= 0 && j - k < 30; k--) {
    if (words[k].text === ',') return ['which', 'who', 'whose', 'where'].includes(words[k + 1]?.lower) ? k : -1;
  }
  return -1;
}

/** Prepositions that introduce a statement's author ("a statement by X", "a report from X"). */
const AUTHOR_PREPOSITIONS = new Set(['by', 'from']);
/** Words a statement noun and its author's preposition may have between them ("a statement on Telegram by"). */
const MAX_STATEMENT_GAP = 5;

/**
 * When the phrase after "according to" is a statement noun ("a statement", "the latest report"), the speaker is
 * the author named by "by" / "from" within a few words after it; otherwise `sp` unchanged.
 */
function authorOfStatement(words: readonly Word[], from: number, sp: Phrase): Phrase {
  // Only determiners and lower-case modifiers before the noun ("the latest report"): "Russian media reports" names
  // its author already.
  let k = from;
  while (k < words.length && k - from < 3 && !words[k].punct && !isCapitalized(words[k]) && !lexicon.nominalCues.has(words[k].lower)) k++;
  if (k >= words.length || !lexicon.nominalCues.has(words[k].lower)) return sp;
  for (let j = k + 1; j < words.length && j - k <= MAX_STATEMENT_GAP; j++) {
    if (words[j].punct) return sp;
    if (!AUTHOR_PREPOSITIONS.has(words[j].lower)) continue;
    const author = phraseAfter(words, j + 1);
    if (!author) return sp;
    // The author is a name or a source noun ("the ministry"), not a place or time ("from the front", "from May").
    for (let a = author.first; a <= author.last; a++) {
      const x = words[a];
      if ((isCapitalized(x) && !lexicon.notSources.has(x.lower)) || lexicon.sources.has(x.lower) || lexicon.nominals.has(x.lower)) return author;
    }
    return sp;
  }
  return sp;
}

/** Skips a listener ("told reporters"), channel and time phrases up to the content ("said on Friday that …"). */
function skipLeadIn(words: readonly Word[], k: number, n: number): number {
  const cueWord = words[k - 1];
  if (cueWord && lexicon.objectCues.has(cueWord.lower)) {
    // "told Breitbart News Daily host Alex Marlow on Thursday how …": a named listener, then the lead-in.
    const listener = k < n && (isCapitalized(words[k]) || isDeterminer(words[k])) ? phraseAfter(words, k) : null;
    if (listener && listener.last + 1 < n) {
      const m = listener.last + 1;
      if (words[m].lower === 'that' || words[m].text === ',' || words[m].text === ':') return m + 1;
      if (LEAD_IN.has(words[m].lower)) return skipLeadIn(words, m, n);
      return m;
    }
    let m = k;
    while (m < n && m - k < 6 && !words[m].punct && words[m].lower !== 'that') m++;
    if (m < n && (words[m].lower === 'that' || words[m].text === ',' || words[m].text === ':')) return m + 1;
    // "told reporters the city had fallen": the listener is one or two words.
    return Math.min(m, k + (isDeterminer(words[k]) ? 2 : 1));
  }
  // "claimed, without providing evidence, that …": an aside between commas before "that" is no content.
  if (k + 1 < n && words[k].text === ',') {
    let m = k + 1;
    while (m < n && m - k < 10 && !words[m].punct && !VERBISH.has(words[m].lower)) m++;
    if (m > k + 1 && m + 1 < n && words[m].text === ',' && words[m + 1].lower === 'that') return m + 2;
  }
  // "denied this.", "confirmed this, saying …": "this" before no word of time is the cue's object, not "this week".
  if (k < n && words[k].lower === 'this' && !(k + 1 < n && (LEAD_IN_NOUNS.has(words[k + 1].lower) || LEAD_IN.has(words[k + 1].lower)))) return k;
  if (k < n && LEAD_IN.has(words[k].lower)) {
    for (let m = k; m < n && m - k < 10; m++) {
      const t = words[m];
      if (t.lower === 'that' || t.text === ':') return t.lower === 'that' && words[m + 1]?.text === ',' ? m + 2 : m + 1;
      // "said on Monday it had retaken X, a key railway hub": a verb before the comma makes it the content's own comma.
      if (t.text === ',' && m > k) {
        if (words.slice(k, m).some((x) => VERBISH.has(x.lower))) break;
        return m + 1;
      }
    }
    // "…,” Prigozhin said in an audio message.", "X, the institute said in its latest assessment.": a prepositional
    // lead-in with no verb that runs to the sentence's end is all lead-in; the content is before the speaker.
    if (LEAD_IN_PREPOSITIONS.has(words[k].lower)) {
      let e = k + 1;
      while (e < n && e - k <= 8 && !words[e].punct && !VERBISH.has(words[e].lower) && !(words[e].text === words[e].lower && /ed$/.test(words[e].lower))) e++;
      if (e >= n || ['.', '!', '?', ';'].includes(words[e].text)) return e;
    }
    // No delimiter: skip the lead-in phrase itself ("said on Friday its forces …").
    let m = k;
    // A determiner belongs to the lead-in only after a preposition or before a lead-in word ("on the same day", "this week"); else it opens the content
    // ("said Wednesday his country's troops …").
    // ("said on June 12 it had …": a day's number right after a month's name belongs to the lead-in.)
    while (m < n && m - k < 6 && !words[m].punct && (LEAD_IN.has(words[m].lower) || LEAD_IN_NOUNS.has(words[m].lower) || (isDeterminer(words[m]) && (LEAD_IN_PREPOSITIONS.has(words[m - 1]?.lower ?? '') || (m + 1 < n && (LEAD_IN.has(words[m + 1].lower) || LEAD_IN_NOUNS.has(words[m + 1].lower))))) || (m > k && isCapitalized(words[m])) || (m > k && /^\d{1,2}$/.test(words[m].text) && lexicon.months.has(words[m - 1].lower)) || lexicon.channels.some((c) => c.phrases.includes(words[m].lower)))) m++;
    return m;
  }
  // "say that, in addition to …, the town …": an aside right after "that" opens the content.
  if (k < n && words[k].lower === 'that') return words[k + 1]?.text === ',' ? k + 2 : k + 1;
  return k;
}

const NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|of|de|al|van|von|bin))*`;
const DASH_NAME = new RegExp(String.raw`[”"’]\s*[―—–]\s*(${NAME})`, 'gu');

/** Epigraph form: “…” ― Sonya Herridge. The content is the quote, or the line up to the closing mark. */
function quoteDashNames(text: string, sentences: readonly SentenceRange[], byClose: ReadonlyMap<number, Quote>): RawAttribution[] {
  const out: RawAttribution[] = [];
  for (const m of text.matchAll(DASH_NAME)) {
    const close = m.index ?? 0;
    const nameStart = close + m[0].length - m[1].length;
    const name: [number, number] = [nameStart, trimEnd(text, nameStart, nameStart + m[1].length)];
    const dash = text.slice(close, nameStart).search(/[―—–]/) + close;
    const q = byClose.get(close);
    // The line of the quote, a wrapped paragraph's soft newlines read as spaces.
    const lineStart = Math.max(hardLineStartBefore(text, close + 1) + 1, close - MAX_LINE);
    const content: [number, number] = q ? [q.open + q.mark, q.close] : [lineStart + (/["“”]/.test(text[lineStart]) ? 1 : 0), close];
    const si = sentences.findIndex((s) => s.start <= dash && dash < s.end);
    if (si < 0 || content[1] - content[0] < 2 || name[1] - name[0] > 60) continue;
    out.push({ speaker: name, speakerContext: name, cue: [dash, dash + 1], content, sentence: si, rule: 'claims/quote-dash-name' });
  }
  return out;
}

/** A line opening with a label in capitals and a colon ("KIRBY:", "MOSCOW:"). */
const LINE_LABEL = /^[ \t]*\p{Lu}[\p{Lu} .'’-]*:/gmu;

/** Longest line taken as the content of an epigraph or a transcript turn. */
const MAX_LINE = 1500;

/**
 * Transcript and headline form: "PENCE: …", "Zelensky: We will not give up Bakhmut". One to four capitalised
 * words open the sentence, then a colon; the content runs to the end of the line.
 */
function colonName(text: string, s: SentenceRange, si: number, words: readonly Word[]): RawAttribution | null {
  let k = 0;
  while (k < words.length && OPENERS.has(words[k].text)) k++;
  const first = k;
  // "Kremlin spokesman Dmitry Peskov: “…”": a lower-case title noun (`nominals`, `sources`) may stand inside the name.
  const titled = (w: Word) => k > first && /^\p{Ll}/u.test(w.text) && (lexicon.nominals.has(w.lower) || lexicon.sources.has(w.lower));
  while (k < words.length && k - first < 6 && !words[k].punct && (isCapitalized(words[k]) || (k > first && ['of', 'de', 'al'].includes(words[k].lower)) || titled(words[k]))) k++;
  // "Zelensky on Bakhmut: “We will not give up the city”": a headline of a name, "on" and a capitalised topic before
  // a colon and a quote; the name speaks (an act of war before "on" — "Attack on Kharkiv:" — is a topic, no speaker).
  const nameEnd = k;
  if (k > first && k - first <= 3 && words[k]?.lower === 'on' && !lexicon.eventNouns.has(words[k - 1].lower) && !lexicon.stop.has(words[first].lower)) {
    let t = k + 1;
    while (t < words.length && t - k <= 4 && !words[t].punct && isCapitalized(words[t])) t++;
    const quoted = words.slice(t + 1).some((x) => OPENERS.has(x.text));
    if (t > k + 1 && words[t]?.text === ':' && quoted) {
      const start = words[t + 1].start;
      const lineEnd = trimEnd(text, start, Math.min(hardLineEnd(text, start) < 0 ? text.length : hardLineEnd(text, start), start + MAX_LINE));
      if (lineEnd > start) return { speaker: [words[first].start, words[nameEnd - 1].end], speakerContext: [words[first].start, words[nameEnd - 1].end], cue: [words[t].start, words[t].end], content: [start, lineEnd], sentence: si, rule: 'claims/colon-name' };
    }
  }
  if (k === first || words[k]?.text !== ':' || !words[k + 1]) return null;
  // More than four words is a titled name only when it ends in a capitalised word after the title.
  if (k - first > 4 && !(isCapitalized(words[k - 1]) && words.slice(first, k).some((w) => /^\p{Ll}/u.test(w.text)))) return null;
  const firstWord = words[first].lower;
  if (lexicon.stop.has(firstWord) || ['note', 'photo', 'source', 'update', 'editor', 'read', 'watch', 'related', 'see', 'video', 'correction', 'corrections', 'clarification', 'editor’s', "editor's"].includes(firstWord)) return null;
  // "The Latest: …" is a news-ticker label, not a speaker.
  if (firstWord === 'the' && words[first + 1]?.lower === 'latest') return null;
  // "MOSCOW: Russia on Saturday said …": one word in capitals opening the first sentence of a text in which no other
  // line opens with a label is a dateline, not a speaker (transcript labels come back turn after turn).
  if (si === 0 && k - first === 1 && words[first].text === words[first].text.toUpperCase() && (text.match(LINE_LABEL) ?? []).length < 2) return null;
  const start = words[k + 1].start;
  // The end of the line; in a hard-wrapped paragraph the soft newlines are no line ends (core `hardLineEnd`).
  const nl = hardLineEnd(text, start);
  const end = trimEnd(text, start, Math.min(nl < 0 ? text.length : nl, start + MAX_LINE, Math.max(s.end, start)));
  const lineEnd = trimEnd(text, start, Math.min(nl < 0 ? text.length : nl, start + MAX_LINE));
  if (lineEnd <= start) return null;
  return { speaker: [words[first].start, words[k - 1].end], speakerContext: [words[first].start, words[k - 1].end], cue: [words[k].start, words[k].end], content: [start, Math.max(end, lineEnd)], sentence: si, rule: 'claims/colon-name' };
}

/** A sentence that opens with a quote right after an attributed sentence continues that attribution. */
function continuation(text: string, s: SentenceRange, si: number, words: readonly Word[], byOpen: ReadonlyMap<number, Quote>, sofar: readonly RawAttribution[]): RawAttribution | null {
  if (!words.length || !OPENERS.has(words[0].text)) return null;
  const q = byOpen.get(words[0].start);
  // Only a sentence that is the quote alone continues; "«…» — сказал он" has its own attribution.
  if (!q || /[\p{L}\p{N}]/u.test(text.slice(q.close + q.mark, s.end))) return null;
  let idx = sofar.length - 1;
  const prev = sofar[idx];
  if (!prev || prev.sentence !== si - 1 || !prev.speaker) return null;
  // Chains of continuations point at the attribution that named the speaker.
  while (idx >= 0 && sofar[idx].continues !== undefined) idx = sofar[idx].continues!;
  return { speaker: prev.speaker, speakerContext: prev.speakerContext, cue: prev.cue, content: [q.open + q.mark, trimEnd(text, q.open + q.mark, q.close)], sentence: si, rule: 'claims/quote-continuation', continues: idx };
}

/** Trims leading separators of a range (exported for the stage, which trims contents the same way). */
export function trimRange(text: string, r: readonly [number, number]): [number, number] {
  const s = trimStart(text, r[0], r[1]);
  return [s, Math.max(s, trimEnd(text, s, r[1]))];
}

/** True when the phrase ending at word `last` (before ", which"/", who") is a speaker phrase. */
function isRelativeSpeaker(words: readonly Word[], last: number, first: number): boolean {
  const p = phraseBefore(words, last);
  return !!p && isSpeakerPhrase(words, p, first);
}

const PUT = new Set(['put', 'puts']);
const PUT_IT_AFTER = new Set(['in', 'to', 'during', 'at', 'when', 'while', 'last', 'this', 'earlier', 'later', 'recently', 'once', 'before', 'after']);

/**
 * "as <speaker> put it [in …]" starting at word `i` ("as"): the speaker phrase and the index of the comma or sentence
 * end that closes the aside, or null.
 */
function asPutIt(words: readonly Word[], i: number): { speaker: Phrase; end: number } | null {
  let k = i + 1;
  while (k < words.length && k - i <= 8 && !PUT.has(words[k].lower) && (!words[k].punct || words[k].text === '.')) k++;
  if (k >= words.length || !PUT.has(words[k].lower) || words[k + 1]?.lower !== 'it' || k === i + 1) return null;
  const speaker = phraseBefore(words, k - 1, i + 1);
  if (!speaker || speaker.first !== i + 1) return null;
  // "as the ministry put it in a statement on Monday,": a short phrase may close the aside ("put it on the map" is
  // a placing: "on" only before a day).
  let end = k + 2;
  const next = words[end];
  if (next && !next.punct && !PUT_IT_AFTER.has(next.lower) && !/^\p{Ll}{3,}ly$/u.test(next.text) && !(next.lower === 'on' && lexicon.timeDays.has(words[end + 1]?.lower ?? ''))) return null;
  while (end < words.length && end - k < 14 && !words[end].punct) end++;
  if (end < words.length && !/^[,.;:!?—–]$/.test(words[end].text) && words[end].text !== '--') return null;
  return { speaker, end };
}

/** True when the object after the verb at `i` is followed by "at" and a number ("put the toll at about 40"). */
function estimateAt(words: readonly Word[], i: number): boolean {
  for (let k = i + 2; k < words.length && k - i <= lexicon.estimateMaxObject + 1; k++) {
    if (words[k].punct && words[k].text !== '’' && words[k].text !== "'") return false;
    if (words[k].lower !== 'at') continue;
    // "at 40", "at $2 billion", "at about 300", "at more than 1,000", "at nearly two dozen"
    for (let m = k + 1; m < words.length && m - k <= 3; m++) if (/\d/.test(words[m].text) || NUMBER_WORDS.has(words[m].lower)) return true;
    return false;
  }
  return false;
}
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'dozen', 'dozens', 'million', 'billion']);

/** The number of words of the idiom cue (`idioms` in data/cues.json) starting at word `i`, or 0. */
function idiomLength(words: readonly Word[], i: number): number {
  for (const form of lexicon.idioms) {
    if (!form.every((x, k) => words[i + k]?.lower === x)) continue;
    // "made clear gains": an idiom that is also adjective + noun needs the content (or its listener) next.
    if (lexicon.idiomsClauseAfter.has(form.join(' ')) && !lexicon.idiomClauseWords.has(words[i + form.length]?.lower ?? '')) return 0;
    return form.length;
  }
  return 0;
}
