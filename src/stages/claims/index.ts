/**
 * The claims stage: attributed statements — speaker (resolved to an entity, also through pronouns, nominals and
 * metonyms), cue, content, channel, date — and, for claims about the front line, a normalised proposition.
 *
 * Works on whatever earlier stages left: without sentences it splits the view text itself; without entities it
 * keeps the speaker text with a side taken from the words around it, and names no place (a proposition's place is
 * always a place entity of the document).
 */
import { clauseOf, makeMessage, partitionPoint, wordAt, type Claim, type Doc, type Message, type Proposition, type Stage } from '../../core/index.js';
import { findAttributions, trimRange, type RawAttribution } from './rules/attributions.js';
import { findQuotes } from './rules/quotes.js';
import { checkSpeakerSpans } from './rules/speaker-span.js';
import { langWordReader, readWords, type WordReader } from './rules/words.js';
import { findChannel } from './rules/channel.js';
import { claimDate } from './rules/claim-date.js';
import { placeMentions } from './rules/places.js';
import { findPropositions, type LangClauseInfo, type PlaceCandidate } from './rules/proposition.js';
import { splitSentences, type SentenceRange } from './rules/sentences.js';
import { personGenders } from './rules/gender.js';
import { namesOffice, resolveSpeaker, textAliases, type PriorSpeaker } from './rules/speaker.js';
import { otherSide } from './rules/lexicon.js';
import frames from './data/frames.json' with { type: 'json' };
import { answerTo, FIRST_PERSON, transcriptTurns, turnAt, type Turn } from './rules/transcript.js';

const DENIAL_CUES: ReadonlySet<string> = new Set(frames.denialCues);
/** A denial whose content is only the claim it denies ("deny the claims", "rejects the claim and says …"). */
/** ", a claim" / ", an assertion" right before a speaker: the statement the speaker's cue is about. */
const APPOSITIVE_CLAIM = /,\s+(?:(?:a|an|the)\s+(?:claims?|assertions?|allegations?|account|version)|which)\s+$/i;
/** "the region's governor", "the city's mayor": an office of a place named before. */
const OFFICE_OF_ANAPHOR = /^(?:the|that)\s+(region|oblast|province|city|town)['’]s\s/i;
const DENIED_CLAIM = new RegExp(`^(?:${frames.deniedClaim.join('|')})`, 'i');
/** A negation right before a cue ("we don't believe", "has not confirmed"; `negatedCue`), read on the text before it. */
const negationBefore = (negators: readonly string[]) => new RegExp(`\\b(?:${negators.map((n) => n.replace(/'/g, "['’]").replace(/ /g, '\\s+')).join('|')})\\s+(?:(?:${frames.negatedCue.adverbs.join('|')})\\s+)?$`, 'i');
const NEGATED_CUE = negationBefore(frames.negatedCue.negators);
/** Characters of a transcript answer beyond which it says more than its yes ("Yes, they have." is 15). */
const ANSWER_ONLY = 30;
const DENYING_CUES = new Set(frames.negatedCue.denying);
/** "I would not say that …": a conditional negation before a cue of saying denies the content (`negatedCue.hedged`). */
const HEDGED_NEGATION = negationBefore(frames.negatedCue.hedged.negators);
const HEDGED_CUES = new Set(frames.negatedCue.hedged.cues);
/** A possessive right before a cue ("Russia's claims", "their reports"): the cue is a statement noun. */
const POSSESSIVE_BEFORE = /(?:['’]s|\bhis|\bher|\btheir|\bits)\s+$/i;
const HOLDER_SIDES: Readonly<Record<string, string>> = frames.holderWords as Record<string, string>;
const HOLDER_PHRASES: Readonly<Record<string, string>> = frames.holderPhrases as Record<string, string>;
/** Nouns of fighting forces ("troops", "forces"), before which a side word names a group "they" may refer to. */
const FORCE_NOUNS = new Set(frames.forces.words.filter((w) => !['they', 'we'].includes(w)));
const COMPLEMENT = /\b(?:of|in|from|for|near)\s+(?:the\s+)?$/i;
/** "Kyiv authorities", "Belgorod officials": a place modifying a local authority (`localAuthorities`) is where it governs. */
const LOCAL_AUTHORITY = new RegExp(`^\\s+(?:${frames.localAuthorities.nouns.join('|')})\\b`, 'i');

/** Extracts the claims of a document. */
export function extractClaims(doc: Doc, published?: string): { claims: Claim[]; messages: Message[] } {
  const text = doc.view.text;
  const sentences: SentenceRange[] = doc.sentences.length
    ? doc.sentences.map((s) => ({ start: s.vStart, end: s.vEnd, index: s.index }))
    : splitSentences(text);
  const turns = transcriptTurns(text);
  // The publication year, when known: a year two or more before it is background (claims/gate-historical).
  const pub = doc.published ?? published;
  const pubYear = /^(\d{4})-/.exec((typeof pub === 'string' ? pub : pub?.value) ?? '')?.[1];
  const year = pubYear ? Number(pubYear) : undefined;
  // The linguistic layer's words when the segment stage left them: the text is tokenised once for all stages.
  const read: WordReader = doc.lang?.words.length ? langWordReader(doc.lang, text) : readWords;
  const attributions = findAttributions(text, sentences, findQuotes(text), read);
  // The layer's tags check each speaker phrase read without them (`SPEAKER_SPAN_RULES`).
  const raws = checkSpeakerSpans(turns.length ? withTurns(text, sentences, attributions, turns) : attributions, doc.lang);
  // A speaker's own name is never the place of what it says ("Moscow announced that its troops had taken the town").
  const speakerRanges = raws.flatMap((a) => (a.speaker ? [a.speaker] : []));
  const allPlaces = placeMentions(doc);
  // A place inside a speaker phrase as its complement ("the mayor of Sieverodonetsk", "governor of the Belgorod
  // region") stays a place; a place that is the speaker or owns it ("Moscow", "Kyiv's", "Russia's ministry") does not.
  // A name the places stage took for a speaking government ("Avdiivka, Kirby said": "Kirby said" made the list before
  // it metonyms) is a place where it stands inside a claim's content and is no speaker of its own.
  // Contents sorted by start with the running maximum of their ends: "inside some content" by one binary search.
  const contents = raws.map((a) => a.content).sort((x, y) => x[0] - y[0]);
  const reach: number[] = [];
  contents.forEach(([, e], i) => reach.push(Math.max(e, i ? reach[i - 1] : -1)));
  const metonymOnly = (p: PlaceCandidate) => {
    if (!p.metonym) return false;
    // "The mayor of Bakhmut announces …": a place after "of" (a complement) names where an office is, not a speaker.
    if (COMPLEMENT.test(text.slice(Math.max(0, p.start - 12), p.start))) return false;
    const i = partitionPoint(contents, (c) => c[0] > p.start) - 1;
    return !(i >= 0 && reach[i] >= p.end);
  };
  // Speaker phrases by start, so each place meets only those that may overlap it (no longer than the longest).
  const bySpeakerStart = [...speakerRanges].sort((a, b) => a[0] - b[0]);
  const longestSpeaker = bySpeakerStart.reduce((n, [s, e]) => Math.max(n, e - s), 0);
  const speakerOwns = (p: { start: number; end: number }) => {
    for (let k = partitionPoint(bySpeakerStart, ([s]) => s > p.start - longestSpeaker); k < bySpeakerStart.length && bySpeakerStart[k][0] < p.end; k++) {
      const [s, e] = bySpeakerStart[k];
      if (p.start < e && !COMPLEMENT.test(text.slice(Math.max(s, p.start - 12), p.start)) && !LOCAL_AUTHORITY.test(text.slice(p.end, Math.min(e, p.end + 40)))) return true;
    }
    return false;
  };
  const places = allPlaces.filter((p) => !metonymOnly(p) && !speakerOwns(p));
  // Regions and oblasts (no countries), for "the region" (`regionAnaphors`): the last one before a claim, by binary search.
  const regions = places.filter((p) => p.broad && !p.country);
  const sideAt = entitySides(doc);
  const aliases = textAliases(text, speakerEntityAt(doc));
  const genders = personGenders(doc.input, doc.entities);
  // The country of a Ukrainian or Russian place named in a view range ("Governor of Luhansk Oblast").
  const countryOf = new Map(doc.entities.filter((e) => e.kind === 'place').map((e) => [e.id, e.country]));
  const officeSide = (start: number, end: number): string | undefined => {
    for (let i = lowerBound(allPlaces, start); i < allPlaces.length && allPlaces[i].start < end; i++) {
      const c = countryOf.get(allPlaces[i].id);
      if (c === 'UA' || c === 'RU') return c;
    }
    // "the region's governor", "the city's mayor": the office of the last region (or city) named before.
    const own = OFFICE_OF_ANAPHOR.exec(text.slice(start, end));
    if (own) {
      // A region's office prefers the last region named, else the last town (in the region it is about).
      const region = /^(?:region|oblast|province)$/i.test(own[1]);
      let fallback: string | undefined;
      for (let i = lowerBound(allPlaces, start) - 1; i >= 0 && start - allPlaces[i].start < 3000; i--) {
        const p = allPlaces[i];
        if (p.metonym || p.country) continue;
        const c = countryOf.get(p.id);
        if (region ? !p.broad : p.broad) {
          fallback ??= region ? c : undefined;
          continue;
        }
        return c === 'UA' || c === 'RU' ? c : undefined;
      }
      if (fallback === 'UA' || fallback === 'RU') return fallback;
    }
    return undefined;
  };
  const clauseAt = langClauses(doc);
  const tagAt = langTags(doc);
  const entityKind = new Map(doc.entities.map((e) => [e.id, e.kind] as const));
  const prior: PriorSpeaker[] = [];
  const claims: Claim[] = [];
  const messages: Message[] = [];
  const seen = new Set<string>();
  const recent: { start: number; end: number; keys: Set<string>; index: number; unresolved: boolean }[] = [];

  raws.forEach((a: RawAttribution) => {
    const [cStart, cEnd] = trimRange(text, a.content);
    if (cEnd <= cStart) return;
    if (a.truncated) {
      messages.push(makeMessage('info', 'Reported speech longer than the content cap was cut.', 'claims/content-cap', doc.view.toInputStart(cStart), doc.view.toInputEnd(cEnd)));
    }
    const key = `${cStart}:${cEnd}:${a.speaker?.[0]}`;
    if (seen.has(key)) return;
    seen.add(key);
    const sentence = sentences[a.sentence];
    const n = claims.length + 1;
    const contentSpan = doc.view.span(cStart, cEnd, a.rule);
    const cueSpan = doc.view.span(a.cue[0], a.cue[1], a.rule);
    const speakerSpan = a.speaker ? doc.view.span(a.speaker[0], a.speaker[1], a.rule) : undefined;
    const contextRange = a.speakerContext ?? a.speaker;
    const contextText = contextRange ? text.slice(...contextRange) : '';
    const named = speakerSpan
      ? resolveSpeaker(
          { text: speakerSpan.text, start: speakerSpan.start, end: speakerSpan.end, contextText, sentence: sentence.index, officeSide: contextRange && namesOffice(contextText) ? officeSide(contextRange[0], contextRange[1]) : undefined },
          doc.entities,
          prior,
          aliases,
          genders,
        )
      : { speaker: null, side: undefined, rule: 'claims/speaker-none' };
    // "Ivan Petrenko, the governor of Kharkiv region, said … The governor added …": a speaker resolved to an entity
    // whose side an earlier claim found (by an office, a title) keeps that side.
    let knownSide: string | undefined;
    if (!named.side && named.speaker) for (let k = prior.length - 1; k >= 0 && !knownSide; k--) if (prior[k].id === named.speaker) knownSide = prior[k].side;
    const resolved = knownSide ? { ...named, side: knownSide, rule: `${named.rule}+known-side` } : named;
    if (speakerSpan && a.continues === undefined) {
      // A metonym ("Kyiv", "Moscow") stands for a government: "it" may point back at it.
      const kind = resolved.speaker ? entityKind.get(resolved.speaker) : resolved.rule === 'claims/speaker-metonym' ? 'organization' : undefined;
      prior.push({ id: resolved.speaker, kind, side: resolved.side, text: speakerSpan.text, start: speakerSpan.start, sentence: sentence.index });
    }
    // The channel is named around the content, not in it ("she wrote on Telegram").
    const around = `${text.slice(Math.min(sentence.start, cStart), cStart)} ${text.slice(cEnd, Math.max(sentence.end, cEnd))}`;
    const previous = a.continues !== undefined ? claims.find((c) => c.cueSpan?.start === cueSpan.start) : undefined;
    const channel = findChannel(around) ?? previous?.channel;
    const date = claimDate(doc.times, sentence.index, cueSpan.start, doc.published ?? published, doc.input);
    // "The city", "it", "there" refer back within the claim's sentence and the two before it.
    // "Pronoun side" is read only when a frame meets a pronoun (most contents have none): it scans the sentences before.
    let pronounSideDone = false;
    let pronounSideValue: string | undefined;
    const pronounSide = (): string | undefined => {
      if (!pronounSideDone) {
        pronounSideDone = true;
        pronounSideValue = otherSide(resolved.side) ? undefined : antecedentSide(text, sentences, a.sentence, cStart, sideAt);
      }
      return pronounSideValue;
    };
    // "We don't believe that …": a negated belief denies the content; another negated cue ("did not say") asserts nothing.
    const beforeCue = text.slice(Math.max(0, cueSpan.start - 40), cueSpan.start);
    const cueWord = cueSpan.text.toLowerCase();
    const negatedCue = NEGATED_CUE.test(beforeCue) ? (DENYING_CUES.has(cueWord) || (HEDGED_CUES.has(cueWord) && HEDGED_NEGATION.test(beforeCue)) ? 'denies' : 'none') : undefined;
    // "Russia's claims to have captured X are false, Maliar said": the owner of a statement noun claims the content;
    // a falsity phrase after it is the outer speaker's judgement of the claim, not part of what the owner said.
    const ownedStatement = /[^s]s$/i.test(cueSpan.text) && POSSESSIVE_BEFORE.test(text.slice(Math.max(0, cueSpan.start - 12), cueSpan.start));
    const propositionsIn = (pStart: number, pEnd: number, answer?: 'yes' | 'no') => {
      // In a transcript, an answer's "the city", "there" may point at the place its question named.
      const turn = turns.length ? turnAt(turns, pStart) : undefined;
      const before = turn ? turns[turns.indexOf(turn) - 1] : undefined;
      const asked = turn && !turn.question && before?.question ? before.start : Infinity;
      const floor = Math.min(sentences[Math.max(0, a.sentence - 2)].start, pStart, asked);
      // "The region" refers back to the last region or oblast named anywhere before (`regionAnaphors`).
      const region = regions[lowerBound(regions, floor) - 1];
      const nearby: PlaceCandidate[] = [...(region ? [region] : []), ...places.slice(lowerBound(places, floor), lowerBound(places, pEnd)).filter((p) => p.end <= pEnd)];
      const words = read(text, pStart, pEnd).map((w) => ({ ...w, start: w.start - pStart, end: w.end - pStart }));
      return findPropositions({ content: text.slice(pStart, pEnd), offset: pStart, places: nearby, anaphorFloor: floor, speakerSide: resolved.side, get pronounSide() { return pronounSide(); }, cue: cueSpan.text, sideAt, clauseAt, tagAt, words, ...(year ? { year } : {}), ...(answer ? { answer } : {}), ...(negatedCue ? { negatedCue } : {}), ...(ownedStatement ? { ownedStatement } : {}) });
    };
    // A transcript answer ("Yes, it has.") is read through the question it answers; an answer that says more than
    // its yes ("Yes, and the Russians have made progress around X") is also read for itself.
    const answered = a.answers ? propositionsIn(a.answers.question[0], a.answers.question[1], a.answers.answer) : [];
    const own = !a.answers || (a.answers.answer === 'yes' && cEnd - cStart > ANSWER_ONLY) ? propositionsIn(cStart, cEnd) : [];
    const found = [...answered, ...own.filter((f) => !answered.some((x) => propositionKey(x) === propositionKey(f)))];
    // A nested attribution ("X says that …, according to its centre") repeats its outer claim's content: the
    // proposition stays with the first claim only — unless that claim's speaker is unresolved and this one's is not
    // ("We assess that Russian forces have captured X, Kirby said": Kirby's claim is a source, "We" alone is none).
    const resolvedNow = !!(resolved.speaker || resolved.side);
    const propositions: Proposition[] = [];
    for (const f of found) {
      const key = propositionKey(f);
      const r = recent.find((x) => x.start < cEnd && cStart < x.end && x.keys.has(key));
      if (r && !(r.unresolved && resolvedNow)) continue;
      propositions.push({ ...f });
      if (!r) continue;
      r.keys.delete(key);
      const old = claims[r.index];
      const rest = (old.propositions ?? (old.proposition ? [old.proposition] : [])).filter((p) => propositionKey(p) !== key);
      const { propositions: _all, proposition: _first, ...kept } = old;
      claims[r.index] = { ...kept, ...(rest.length ? { proposition: rest[0] } : {}), ...(rest.length > 1 ? { propositions: rest } : {}) };
    }
    recent.push({ start: cStart, end: cEnd, keys: new Set(propositions.map(propositionKey)), index: claims.length, unresolved: !resolvedNow });
    if (recent.length > 6) recent.shift();
    // "…, a claim Kyiv has contested": an appositive statement noun before the speaker names the claim denied.
    const appositiveClaim = !!a.speaker && APPOSITIVE_CLAIM.test(text.slice(Math.max(0, a.speaker[0] - 24), a.speaker[0]));
    if (!propositions.length && DENIAL_CUES.has(cueSpan.text.toLowerCase()) && (appositiveClaim || DENIED_CLAIM.test(contentSpan.text))) {
      propositions.push(...deniedClaim(claims, sentence.index, resolved.side, resolved.speaker));
    }
    const proposition: Proposition | undefined = propositions[0];
    const starts = [contentSpan.start, cueSpan.start, speakerSpan?.start ?? Infinity];
    const ends = [contentSpan.end, cueSpan.end, speakerSpan?.end ?? -Infinity];
    claims.push({
      id: `${doc.id}#c${n}`,
      speaker: resolved.speaker,
      speakerText: speakerSpan?.text ?? null,
      speakerSpan,
      side: resolved.side,
      ...(!resolved.speaker && !resolved.side ? { speakerUnresolved: true } : {}),
      cue: cueSpan.text,
      cueSpan,
      // A continuation's cue lies in an earlier sentence: the attribution spans only its own quote.
      start: a.continues !== undefined ? contentSpan.start : Math.min(...starts),
      end: a.continues !== undefined ? contentSpan.end : Math.max(...ends),
      content: contentSpan.text,
      contentSpan,
      channel,
      date: date.date,
      datePrecision: date.precision,
      proposition,
      ...(propositions.length > 1 ? { propositions } : {}),
      sentence: sentence.index,
      rule: `${a.rule}+${resolved.rule}`,
    });
  });
  return { claims, messages };
}

/**
 * Attributions of a transcript: inside a speaker's turn, "I"/"we" is the turn's speaker and every sentence no
 * other attribution covers is the turn speaker's statement (`claims/transcript-turn`); inside a question turn a
 * reporter's own "I"/"you"/"we" gives no claim (a relayed statement of a named party stays).
 */
function withTurns(text: string, sentences: readonly SentenceRange[], raws: readonly RawAttribution[], turns: readonly Turn[]): RawAttribution[] {
  const personal = (a: RawAttribution) => !a.speaker || FIRST_PERSON.has(text.slice(a.speaker[0], a.speaker[1]).toLowerCase()) || /^you$/i.test(text.slice(a.speaker[0], a.speaker[1]));
  const out: RawAttribution[] = [];
  for (const a of raws) {
    const t = turnAt(turns, a.cue[0]) ?? turnAt(turns, a.content[0]);
    if (t?.question && personal(a)) continue;
    // "MR. X: …" as one colon claim over the whole turn: the turn's sentences are read one by one below.
    if (t && a.rule === 'claims/colon-name' && t.label && a.speaker && a.speaker[0] < t.label[1] && t.label[0] < a.speaker[1]) continue;
    if (t && !t.question && a.speaker && FIRST_PERSON.has(text.slice(a.speaker[0], a.speaker[1]).toLowerCase())) {
      out.push({ ...a, speaker: t.label, speakerContext: t.label, rule: `${a.rule}+claims/transcript-speaker` });
    } else out.push(a);
  }
  // The part of a sentence before any other attribution's content ("Ukrainian forces stopped the attack near P,
  // denying …": the participle's content is its tail) is the turn speaker's.
  // Per sentence, the first offset another attribution's content covers (one pass over the contents).
  const covered = sentences.map((s) => s.end);
  for (const a of out) {
    for (let i = sentenceAt(sentences, a.content[0]); i < sentences.length && sentences[i].start < a.content[1]; i++) {
      if (sentences[i].end > a.content[0]) covered[i] = Math.min(covered[i], Math.max(a.content[0], sentences[i].start));
    }
  }
  sentences.forEach((s, i) => {
    // A turn's first sentence starts at its label.
    const t = turnAt(turns, Math.max(0, s.end - 1));
    if (!t || t.question) return;
    const start = Math.max(s.start, t.start);
    const end = covered[i];
    // "Q Has Marinka fallen? ¶ MR. X: Yes, it has.": the first sentence of a turn after a question answers it.
    const answers = start === t.start || s.start <= t.start ? questionAnswered(text, sentences, turns, t, start, end) : undefined;
    if (end - start < 12 && !answers) return;
    const cue: readonly [number, number] = t.label ?? [start, start];
    out.push({ speaker: t.label, speakerContext: t.label, cue, content: [start, end], sentence: i, rule: answers ? 'claims/transcript-answer' : 'claims/transcript-turn', ...(answers ? { answers } : {}) });
  });
  return out.sort((x, y) => x.sentence - y.sentence || x.content[0] - y.content[0]);
}

/**
 * The question a turn's first sentence [start, end) answers with a yes or a no: the last sentence with a question
 * mark of the question turn right before the turn.
 */
function questionAnswered(text: string, sentences: readonly SentenceRange[], turns: readonly Turn[], t: Turn, start: number, end: number): RawAttribution['answers'] {
  const answer = answerTo(text.slice(start, end));
  if (!answer) return undefined;
  const k = turns.indexOf(t);
  const q = k > 0 ? turns[k - 1] : undefined;
  if (!q?.question) return undefined;
  const at = text.lastIndexOf('?', t.start);
  if (at < q.start) return undefined;
  const s = sentences[sentenceAt(sentences, at)];
  return { question: [Math.max(q.start, s.start), at + 1], answer };
}

/**
 * "Russia denies the claims": the propositions asserted by another speaker's claim in the same sentence or the two
 * before, denied (`claims/denial-of-claim`, weaker: the denial names no content of its own).
 */
function deniedClaim(claims: readonly Claim[], sentence: number, side: string | undefined, speaker: string | null): Proposition[] {
  for (let i = claims.length - 1; i >= 0 && claims[i].sentence >= sentence - 2; i--) {
    const c = claims[i];
    const ps = (c.propositions ?? (c.proposition ? [c.proposition] : [])).filter((p) => p.polarity === 'asserts');
    if (!ps.length || (speaker && c.speaker === speaker) || (side && c.side === side)) continue;
    const seen = new Set<string>();
    return ps.flatMap((p) => {
      const key = `${p.kind}|${p.place ?? ''}|${p.holder ?? ''}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const ev = p.evidence;
      return [{ ...p, polarity: 'denies' as const, confidence: Math.round((p.confidence ?? 0.5) * 0.8 * 100) / 100, ...(ev ? { evidence: { ...ev, roles: { ...ev.roles, polarity: `denies the claim of ${c.speakerText ?? 'an earlier speaker'}` }, rules: [...ev.rules, 'claims/denial-of-claim'] } } : {}) }];
    });
  }
  return [];
}

/**
 * The side a third-person pronoun at the start of a content refers to: the last side named before it in its own
 * sentence, else the side named in the subject position (the first six words) of one of the two sentences before.
 */
function antecedentSide(text: string, sentences: readonly SentenceRange[], si: number, at: number, sideAt: (s: number, e: number) => string | undefined): string | undefined {
  const own = lastSide(text, sentences[si].start, at, sideAt);
  if (own) return own;
  for (let j = si - 1; j >= Math.max(0, si - 2); j--) {
    let n = 0;
    for (const { side } of sideWords(text, sentences[j].start, sentences[j].end, sideAt)) {
      if (side) return side;
      if (++n === 6) break;
    }
  }
  // An answer's pronoun points at the party its question asks about ("Q What of the Russian advances? ¶ A: They have
  // gained ground near X"): a question right before that names one side only (both named: anyone's).
  for (let j = si - 1; j >= Math.max(0, si - 2); j--) {
    const s = sentences[j];
    if (!/\?\s*$/.test(text.slice(s.start, s.end))) continue;
    const side = onlySide(text, s.start, s.end, sideAt);
    if (side) return side;
    break;
  }
  // Else the last forces named with a side in those sentences, wherever they stand ("… heavy casualties for these
  // North Korean forces. … they have suffered more than 1,000 killed"): "they" is the last group of fighters named.
  return lastForcesSide(text, sentences[Math.max(0, si - 2)].start, sentences[si].start, sideAt);
}

/**
 * The side of the last side word right before a noun of forces ("Russian troops", "North Korean forces") in a range;
 * none when forces of both sides are named there ("Russian forces attacked Ukrainian troops …; they …" is anyone's).
 */
function lastForcesSide(text: string, start: number, end: number, sideAt: (s: number, e: number) => string | undefined): string | undefined {
  let last: string | undefined;
  let prevSide = '';
  const named = new Set<string>();
  for (const { side, word } of sideWords(text, start, end, sideAt)) {
    if (FORCE_NOUNS.has(word) && prevSide) named.add((last = prevSide));
    prevSide = side;
  }
  return named.size > 1 ? undefined : last;
}

/** The sides (RU or UA) of the side words ("Russian", "North Korean forces") and side-bearing actors in a view range, in order. */
function* sideWords(text: string, start: number, end: number, sideAt: (s: number, e: number) => string | undefined): Generator<{ side: string; word: string }> {
  const re = /[\p{L}'’-]+/gu;
  re.lastIndex = start;
  let prev = '';
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    const v = HOLDER_PHRASES[`${prev} ${w}`] ?? HOLDER_SIDES[w];
    prev = w;
    const side = v === 'RU' || v === 'UA' ? v : sideAt(m.index, m.index + m[0].length);
    yield { side: side === 'RU' || side === 'UA' ? side : '', word: w };
  }
}

/** The one side named in a view range; none when both are. */
function onlySide(text: string, start: number, end: number, sideAt: (s: number, e: number) => string | undefined): string | undefined {
  let found: string | undefined;
  for (const { side } of sideWords(text, start, end, sideAt)) {
    if (!side) continue;
    if (found && found !== side) return undefined;
    found = side;
  }
  return found;
}

/** The side (RU or UA) of the last side word ("Russian", "Ukrainians") or side-bearing actor in a view range. */
function lastSide(text: string, start: number, end: number, sideAt: (s: number, e: number) => string | undefined): string | undefined {
  let last: string | undefined;
  for (const { side } of sideWords(text, start, end, sideAt)) if (side) last = side;
  return last;
}

/** The index of the sentence holding a view offset (the first one ending after it). */
function sentenceAt(sentences: readonly SentenceRange[], pos: number): number {
  return partitionPoint(sentences, (s) => s.end > pos);
}

/** The linguistic layer's clause of the word at a view offset, when that word is the clause's main verb. */
function langClauses(doc: Doc): ((v: number) => LangClauseInfo | undefined) | undefined {
  const lang = doc.lang;
  if (!lang) return undefined;
  return (v) => {
    const w = wordAt(lang, v);
    if (w < 0 || lang.words[w].vStart !== v) return undefined;
    const ci = clauseOf(lang, w);
    const c = ci >= 0 ? lang.clauses[ci] : undefined;
    // The frame's first word is the main verb, or the verb group's first word leads to it ("took control of").
    if (!c || c.predicate < 0 || (c.predicate !== w && !(c.predicate > w && c.predicate < w + 3))) return undefined;
    const subj = c.subject >= 0 ? lang.chunks[c.subject] : undefined;
    return { negated: c.negated, modality: c.modality, question: c.question, ...(subj ? { subject: [lang.words[subj.first].vStart, lang.words[subj.end - 1].vEnd] as const } : {}) };
  };
}

/** The Penn tag of the layer's word starting at a view offset. */
function langTags(doc: Doc): ((v: number) => string | undefined) | undefined {
  const lang = doc.lang;
  if (!lang) return undefined;
  return (v) => {
    const w = wordAt(lang, v);
    return w >= 0 && lang.words[w].vStart === v ? lang.words[w].xtag : undefined;
  };
}

/** The person or organisation whose mention overlaps a view range. */
function speakerEntityAt(doc: Doc): (start: number, end: number) => string | undefined {
  const spans: { start: number; end: number; id: string }[] = [];
  for (const e of doc.entities) {
    if (e.kind !== 'person' && e.kind !== 'organization') continue;
    for (const m of e.mentions) spans.push({ start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1, id: e.id });
  }
  return (start, end) => spans.find((s) => s.start < end && start < s.end)?.id;
}

/** The first index of sorted `places` whose start is at or after `pos`. */
function lowerBound(places: readonly PlaceCandidate[], pos: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function propositionKey(p: Pick<Proposition, 'kind' | 'place' | 'holder' | 'polarity' | 'count'>): string {
  return `${p.kind}|${p.place ?? ''}|${p.holder ?? ''}|${p.polarity}|${p.count ?? ''}`;
}

/** The side of a person or organisation mentioned in a view range, for holders named by entity ("Wagner Group"). */
function entitySides(doc: Doc): (start: number, end: number) => string | undefined {
  const spans: { start: number; end: number; side: string }[] = [];
  for (const e of doc.entities) {
    if ((e.kind !== 'person' && e.kind !== 'organization') || !e.side) continue;
    for (const m of e.mentions) spans.push({ start: doc.view.toView(m.start), end: doc.view.toView(m.end - 1) + 1, side: e.side });
  }
  spans.sort((a, b) => a.start - b.start);
  const longest = spans.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  // The last span (in start order) that starts before `end` and ends after `start`: found from the first span
  // starting at `end` backwards, stopping where no span can reach `start` any more (no scan from the beginning).
  return (start, end) => {
    for (let i = partitionPoint(spans, (s) => s.start >= end) - 1; i >= 0 && spans[i].start + longest > start; i--) {
      if (spans[i].end > start) return spans[i].side;
    }
    return undefined;
  };
}

/** The claims stage. */
export const claimsStage: Stage = {
  name: 'claims',
  run: (doc, ctx) => {
    const { claims, messages } = extractClaims(doc, ctx.published);
    return { ...doc, claims, messages: messages.length ? [...doc.messages, ...messages] : doc.messages };
  },
};
