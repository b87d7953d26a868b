/**
 * Frame predicates from the linguistic layer, beside the patterns of `data/triggers.json` (which stay for
 * phrases and predicates whose object decides). An ordered list of named sources, each read word by word once:
 *
 * 1. `frame` (`data/frames.json`): a verb (tag VERB) whose lemma is listed proposes its class in any inflection
 *    ("shells", "recaptures", "ambushed");
 * 2. `lexicon-verb` (`data/lexicon.json`, built from WordNet by `lexicon/build.ts`): the general lexicon's verbs,
 *    one word or a verb and its particle ("blew up", "mowed down"), as the main verb of a clause or any verb;
 * 3. `lexicon-noun`: the general lexicon's nouns as the head of a noun phrase ("an arson attack", "the
 *    kidnapping of", "a protest march"), one word or a compound of two;
 * and, before them, from the clauses: `support-<verb>-<noun>` — a light verb with an event noun as its object
 * ("launched an offensive", frames.json `support`), and `predicate-<verb>` — a cue word that is its clause's main
 * verb ("Hundreds of people marched", frames.json `predicateCues`); both replace a pattern's supporting cue.
 *
 * A word a pattern (or an earlier source) already covers is left to it. The general lexicon weighs less than the
 * hand-made predicates and its words need an actor or conflict word in their sentence (`needsActor`).
 */
import type { Doc, Lang, Sentence } from '../../../core/index.js';
import framesData from '../data/frames.json' with { type: 'json' };
import lexiconData from '../data/lexicon.json' with { type: 'json' };
import { contextOf, contextFactor } from './context-cues.js';
import { clausesOf } from './clause-facts.js';
import type { TriggerMatch } from './find-triggers.js';
import { actorCues, eventClasses, triggers } from './lexicon.js';
import { eventCode } from './territory.js';

interface FrameVerb {
  class: string;
  w: number;
  needsActor?: boolean;
  generic?: boolean;
  outcome?: boolean;
  /** Only in a sentence with a crowd (actors.json `crowd`). */
  crowd?: boolean;
  /** Only with a crowd as the clause's subject ("Farmers blocked highways"). */
  crowdSubject?: boolean;
  /** Only in a sentence this pattern matches (case-insensitive): "Thousands of opponents of the coup gathered". */
  with?: string;
  /** Only with no direct object ("people gathered", not "police gathered evidence"). */
  intransitive?: boolean;
}

const verbs = new Map(Object.entries(framesData.verbs as Record<string, FrameVerb>));
const supportVerbs = new Set(framesData.support.verbs);
const supportObjects = new Map(Object.entries(framesData.support.objects as Record<string, FrameVerb>));
const predicateCues = new Map(Object.entries(framesData.predicateCues as Record<string, FrameVerb>));
const predicateCueWith = new Map([...predicateCues].filter(([, f]) => f.with).map(([lemma, f]) => [lemma, new RegExp(f.with!, 'i')]));
const weaponSubject = { verbs: new Set(framesData.weaponSubject.verbs), classes: new Set(framesData.weaponSubject.classes), w: framesData.weaponSubject.w };
const toDeath = framesData.toDeath;
const toDeathNot = new Set<string>(framesData.toDeath.notVerbs);
/** Object frames (frames.json `objects`): verb lemmas × the nouns their object must name. */
const weaponNouns: readonly string[] = lexiconData.weapons;
const objectFrames = framesData.objects.frames.map((f) => ({
  ...f,
  verbs: new Set(f.verbs),
  nouns: new Set(f.nouns.flatMap((n) => (n === '@weapons' ? weaponNouns : [n]))),
  through: new Set<string>((f as { through?: string[] }).through ?? []),
}));
/**
 * The general lexicon less the words a pattern of triggers.json already names (in their base form): the pattern
 * decides those, under its conditions ("attack", "capture", "seize" make an event only with what follows them).
 */
function generalOnly(table: Record<string, FrameVerb>): Map<string, FrameVerb> {
  const named = (word: string) =>
    triggers.some((t) => {
      t.re.lastIndex = 0;
      const m = t.re.exec(word);
      t.re.lastIndex = 0;
      return !!m && m.index === 0 && m[0].length === word.length;
    });
  return new Map(Object.entries(table).filter(([word]) => !named(word)));
}
const lexVerbs = generalOnly(lexiconData.verbs as Record<string, FrameVerb>);
const lexNouns = generalOnly(lexiconData.nouns as Record<string, FrameVerb>);

/** Word index → index of the noun phrase it heads (-1 for none), built once per layer. */
const npHeads = new WeakMap<Lang, Int32Array>();
function headOf(lang: Lang): Int32Array {
  let heads = npHeads.get(lang);
  if (!heads) {
    heads = new Int32Array(lang.words.length).fill(-1);
    lang.chunks.forEach((c, i) => {
      if (c.kind === 'NP' && c.head >= 0 && c.head < heads!.length) heads![c.head] = i;
    });
    npHeads.set(lang, heads);
  }
  return heads;
}

function hasCrowd(text: string): boolean {
  actorCues.crowd.lastIndex = 0;
  return actorCues.crowd.test(text);
}

/**
 * The subject noun phrase of a clause; when the layer gives none, the noun phrase right before its verb group
 * ("An explosion ripped through …, witnesses said": the layer reads the fronted clause as a complement without one).
 */
function subjectOf(lang: Lang, c: Lang['clauses'][number]): Lang['chunks'][number] | null {
  if (c.subject >= 0) return lang.chunks[c.subject];
  const vg = c.verbGroup >= 0 ? lang.chunks[c.verbGroup] : undefined;
  const before = vg && c.verbGroup > 0 ? lang.chunks[c.verbGroup - 1] : undefined;
  return before && before.kind === 'NP' && before.end === vg!.first && lang.words[before.first].sentence === c.sentence ? before : null;
}

/**
 * True when a word of noun phrase `np`, or of an "of" phrase right after it ("a cache of ammunition"), has its lemma
 * or its lower-case form in `nouns`. A head in `through` ("control") counts only by its "of" phrase, where a proper
 * name also counts ("control of Hajin").
 */
function namesNoun(lang: Lang, np: Lang['chunks'][number], end: number, nouns: ReadonlySet<string>, through: ReadonlySet<string>): boolean {
  const of = np.end;
  let last = of;
  if (lang.words[of]?.lower === 'of') {
    last++;
    while (last < end && last < of + 8 && !/^[.,;:!?]$/.test(lang.words[last].text) && lang.words[last].tag !== 'VERB') last++;
  }
  const has = (w: Lang['words'][number]) => nouns.has(w.lemma) || nouns.has(w.lower);
  const head = lang.words[np.head];
  if (head && through.has(head.lemma)) {
    for (let k = of + 1; k < last && k < end; k++) if (has(lang.words[k]) || lang.words[k].tag === 'PROPN') return true;
    return false;
  }
  for (let k = np.first; k < last && k < end; k++) if (has(lang.words[k])) return true;
  return false;
}

/** Start of the sentence around `at` (cheap: split on final punctuation). */
function sentenceStartIn(text: string, at: number): number {
  const re = /[.!?]["”']?\s+(?=[A-Z"“0-9])/g;
  const from = Math.max(0, at - 400);
  const window = text.slice(from, at);
  let start = from;
  for (let m = re.exec(window); m; m = re.exec(window)) start = from + m.index + m[0].length;
  return start;
}

/** Documents that report a happening of an 'Other' class (a disaster, a crime, diplomacy) by its own predicate. */
const otherDocs = new WeakMap<Doc, boolean>();
/**
 * True when the document names a happening of an 'Other' class (acled false in taxonomy.json) with a predicate of
 * its own ("an industrial accident", "a gas leak", "robbers"): a weak blast word in it may be that happening.
 */
export function reportsOther(doc: Doc): boolean {
  let other = otherDocs.get(doc);
  if (other === undefined) {
    const text = doc.view.text;
    // A happening the text says did not take place is none: "No group has claimed responsibility for the blast".
    other = triggers.some((t) => {
      if (t.cue || eventClasses.get(t.cls)?.acled !== false) return false;
      t.re.lastIndex = 0;
      let hit = false;
      for (let m = t.re.exec(text); m && !hit; m = t.re.exec(text)) {
        if (m[0].length === 0) {
          t.re.lastIndex++;
          continue;
        }
        const from = sentenceStartIn(text, m.index);
        hit = !contextOf(text.slice(from, m.index + m[0].length + 60), m.index - from, m.index - from + m[0].length).includes('negation');
      }
      t.re.lastIndex = 0;
      return hit;
    });
    otherDocs.set(doc, other);
  }
  return other;
}

/** Word index → 1 when the word lies inside a noun phrase without heading it, built once per layer. */
const modifiers = new WeakMap<Lang, Uint8Array>();
function inNounPhrase(lang: Lang): Uint8Array {
  let inside = modifiers.get(lang);
  if (!inside) {
    inside = new Uint8Array(lang.words.length);
    for (const c of lang.chunks) if (c.kind === 'NP') for (let w = c.first; w < c.end && w < inside.length; w++) if (w !== c.head) inside[w] = 1;
    modifiers.set(lang, inside);
  }
  return inside;
}

/** A past participle right before a noun with no auxiliary before it ("unjustly imprisoned journalists"). */
function prenominal(lang: Lang, i: number, first: number): boolean {
  const w = lang.words[i];
  if (w.xtag !== 'VBN' || lang.words[i + 1]?.tag !== 'NOUN') return false;
  let k = i - 1;
  while (k >= first && lang.words[k].tag === 'ADV') k--;
  return k < first || lang.words[k].tag !== 'AUX';
}

/** A base or present verb form after a preposition (not "to") or a determiner and before a noun. */
function nounModifier(lang: Lang, i: number, first: number): boolean {
  const w = lang.words[i];
  if ((w.xtag !== 'VB' && w.xtag !== 'VBP' && w.xtag !== 'VBN') || i <= first || lang.words[i + 1]?.tag !== 'NOUN') return false;
  const prev = lang.words[i - 1];
  return (prev.tag === 'ADP' && prev.lower !== 'to') || prev.tag === 'DET';
}

/** The frame predicates of sentence `s` not already covered by `covered` (offsets relative to the sentence). */
export function framePredicates(doc: Doc, s: Sentence, text: string, covered: readonly TriggerMatch[]): TriggerMatch[] {
  const lang = doc.lang;
  const ls = lang?.sentences[s.index];
  if (!lang || !ls) return [];
  const out: TriggerMatch[] = [];
  // A frame verb outweighing the one pattern that covers exactly its word replaces it ("bombarded" is a
  // bombardment when the layer says it is a verb); any other covered word is left to the patterns.
  // A happening the layer finds where a pattern saw only a supporting cue (`overCue`: "launched an offensive")
  // replaces the cue.
  const free = (start: number, end: number, w: number, outranks: boolean, overCue: boolean) =>
    start >= 0 &&
    end <= text.length &&
    !covered.some(
      (m) => m.start < end && start < m.end && !(m.start === start && m.end === end && ((outranks && !m.cue && m.baseWeight < w) || (overCue && m.cue))),
    ) &&
    !out.some((m) => m.start < end && start < m.end);
  const push = (rule: string, frame: FrameVerb, first: number, last: number, outranks = false, overCue = false) => {
    const start = lang.words[first].vStart - s.vStart;
    const end = lang.words[last].vEnd - s.vStart;
    if (!free(start, end, frame.w, outranks, overCue)) return;
    const context = contextOf(text, start, end);
    const code = eventCode(frame.class, text, start, end);
    out.push({
      rule,
      code,
      weight: frame.w * contextFactor(context),
      baseWeight: frame.w,
      start,
      end,
      text: text.slice(start, end),
      context,
      cue: false,
      needsActor: frame.needsActor ?? false,
      outcome: frame.outcome ?? false,
      generic: frame.generic ?? false,
      instrument: false,
    });
  };
  const heads = headOf(lang);
  // Light verbs with an event noun as their object, and cue verbs that are their clause's predicate.
  for (const ci of clausesOf(lang, s.index)) {
    const c = lang.clauses[ci];
    if (c.predicate < 0) continue;
    const v = lang.words[c.predicate];
    const cue = predicateCues.get(v.lemma);
    // "Mortar rounds landed on …", "An explosion ripped through …": a weapon or blast as the subject of an impact verb.
    const subject = subjectOf(lang, c);
    const subjectText = subject ? text.slice(lang.words[subject.first].vStart - s.vStart, lang.words[subject.end - 1].vEnd - s.vStart) : '';
    if (cue && v.tag === 'VERB' && (!cue.crowd || hasCrowd(text)) && (!cue.crowdSubject || (!c.passive && hasCrowd(subjectText))) && (predicateCueWith.get(v.lemma)?.test(text) ?? true) && (!cue.intransitive || c.object < 0))
      push(`predicate-${v.lemma}`, cue, c.predicate, c.predicate, false, true);
    // The one who struck: the subject, or the agent of a passive ("Kyiv was attacked by drones").
    // A "passive" with no auxiliary and no agent is the layer reading a past tense as a participle ("An explosion
    // ripped through …, witnesses said"): its subject still struck.
    const vg = c.verbGroup >= 0 ? lang.chunks[c.verbGroup] : undefined;
    const passive = c.passive && (c.agent >= 0 || (!!vg && vg.end - vg.first > 1));
    const striker = passive ? (c.agent >= 0 ? lang.chunks[c.agent] : null) : subject;
    if (v.tag === 'VERB' && weaponSubject.verbs.has(v.lemma) && striker) {
      const np = striker;
      const [from, to] = [lang.words[np.first].vStart - s.vStart, lang.words[np.end - 1].vEnd - s.vStart];
      const weapon = covered.find((m) => weaponSubject.classes.has(m.code) && from <= m.start && m.end <= to);
      // A weak blast word ("explosion") beside a word of a disaster or a crime may be an accident.
      const accident = !!weapon && !weapon.cue && weapon.baseWeight < weaponSubject.w && (covered.some((m) => eventClasses.get(m.code)?.acled === false) || reportsOther(doc));
      if (weapon && !accident) push(`weapon-subject-${v.lemma}+${weapon.rule}`, { class: weapon.code, w: weaponSubject.w }, c.predicate, c.predicate, true);
    }
    // "beat a suspected thief to death": an active verb and "to death" in its clause, with whom it was done to between
    // them ("froze to death", "starved to death" tell no one who killed); not a verb of judgement ("sentenced … to death").
    if (v.tag === 'VERB' && (!c.passive || c.agent >= 0) && !toDeathNot.has(v.lemma)) {
      for (let k = c.predicate + 1; k + 1 < c.end && k + 1 < ls.end; k++) {
        if (lang.words[k].lower === 'to' && lang.words[k + 1].lower === 'death') {
          if (!c.passive && k === c.predicate + 1) break;
          // A crowd that kills is a mob; the crowd must be who did it, not the victims.
          const cls = subjectText && hasCrowd(subjectText) ? toDeath.crowdClass : toDeath.class;
          push(`to-death-${v.lemma}`, { class: cls, w: toDeath.w }, c.predicate, c.predicate, true);
          break;
        }
      }
    }
    // "Police seized 12 carbines", "a cache of ammunition was found": the object (a passive's subject) decides.
    if (v.tag === 'VERB') {
      const next = c.predicate + 1 < ls.end ? lang.words[c.predicate + 1] : undefined;
      const phrasal = next && (next.tag === 'ADP' || next.tag === 'PART' || next.tag === 'ADV') ? `${v.lemma} ${next.lower}` : '';
      // The lemma, else the word less its inflection (the layer's lemma of "regained" is "regaine").
      const bare = v.lower.replace(/(?:ing|ed|es|s)$/, '');
      const frames = objectFrames.filter((f) => f.verbs.has(v.lemma) || f.verbs.has(bare) || (phrasal && f.verbs.has(phrasal)));
      const target = frames.length ? (c.passive ? subject : c.object >= 0 ? lang.chunks[c.object] : null) : null;
      if (target) {
        const found = frames.find((f) => namesNoun(lang, target, ls.end, f.nouns, f.through));
        if (found) push(`object-${found.name}-${found.verbs.has(v.lemma) ? v.lemma : found.verbs.has(bare) ? bare : phrasal.replace(' ', '-')}`, { class: found.class, w: found.w, needsActor: found.needsActor }, c.predicate, c.predicate, true);
      }
    }
    if (supportVerbs.has(v.lemma) && c.object >= 0) {
      const head = lang.chunks[c.object].head;
      const noun = lang.words[head];
      const frame = noun && noun.tag === 'NOUN' ? supportObjects.get(noun.lemma) : undefined;
      if (frame) push(`support-${v.lemma}-${noun.lemma}`, frame, head, head, false, true);
    }
  }
  for (let i = ls.first; i < ls.end; i++) {
    const w = lang.words[i];
    if (w.tag === 'VERB') {
      // A bare verb form between a preposition or determiner and a noun modifies that noun ("by riot police",
      // "a strike force"): the layer mistagged a noun, and no happening is told.
      if (nounModifier(lang, i, ls.first)) continue;
      const frame = verbs.get(w.lemma);
      if (frame) {
        push(`frame-${w.lemma}`, frame, i, i, true);
        continue;
      }
      // A verb and its particle ("blew up", "mowed down"), else the verb alone.
      const next = i + 1 < ls.end ? lang.words[i + 1] : undefined;
      const phrasal = next && (next.tag === 'ADP' || next.tag === 'PART' || next.tag === 'ADV') ? lexVerbs.get(`${w.lemma} ${next.lower}`) : undefined;
      if (phrasal) push(`lexicon-verb-${w.lemma}-${next!.lower}`, phrasal, i, i + 1);
      // A participle inside a noun phrase modifies its noun ("unjustly imprisoned journalists"): no happening.
      else if (inNounPhrase(lang)[i] || prenominal(lang, i, ls.first)) continue;
      else {
        const single = lexVerbs.get(w.lemma);
        if (single) push(`lexicon-verb-${w.lemma}`, single, i, i);
      }
    } else if (w.tag === 'NOUN' && heads[i] >= 0) {
      // The head of a noun phrase, with the noun before it when they make a compound ("protest march").
      const chunk = lang.chunks[heads[i]];
      const prev = i - 1 >= chunk.first ? lang.words[i - 1] : undefined;
      const compound = prev ? lexNouns.get(`${prev.lower} ${w.lemma}`) : undefined;
      if (compound) push(`lexicon-noun-${prev!.lower}-${w.lemma}`, compound, i - 1, i);
      else {
        const single = lexNouns.get(w.lemma);
        if (single) push(`lexicon-noun-${w.lemma}`, single, i, i);
      }
    }
  }
  return out;
}

const partyNouns = new Set(lexiconData.actors as string[]);
const crowdNouns = new Set(lexiconData.crowds as string[]);

/** True when sentence `s` names a crowd by a common noun of the general lexicon (`crowds`: "strikers", "mob"). */
export function hasCrowdNoun(doc: Doc, s: Sentence): boolean {
  return hasNounIn(doc, s, crowdNouns);
}

/**
 * True when sentence `s` names a party to violence or a crowd by a common noun of the general lexicon
 * (`actors` in data/lexicon.json: "gunmen", "insurgents", "militia"): context enough for an
 * ambiguous predicate, beside the patterns of actors.json.
 */
export function hasPartyNoun(doc: Doc, s: Sentence): boolean {
  return hasNounIn(doc, s, partyNouns);
}

function hasNounIn(doc: Doc, s: Sentence, lemmas: ReadonlySet<string>): boolean {
  const lang = doc.lang;
  const ls = lang?.sentences[s.index];
  if (!lang || !ls) return false;
  for (let i = ls.first; i < ls.end; i++) {
    const w = lang.words[i];
    if (w.tag === 'NOUN' && lemmas.has(w.lemma)) return true;
  }
  return false;
}
