/**
 * The events lexicon: the data files of this stage (taxonomy, triggers, actor cues, context cues, numbers)
 * compiled once into regular expressions. Patterns live in `data/*.json` so that adding a trigger is an edit
 * of data, not of code.
 */
import taxonomyData from '../data/taxonomy.json' with { type: 'json' };
import triggersData from '../data/triggers.json' with { type: 'json' };
import actorsData from '../data/actors.json' with { type: 'json' };
import contextData from '../data/context.json' with { type: 'json' };
import numbersData from '../data/numbers.json' with { type: 'json' };
import placesData from '../data/places.json' with { type: 'json' };
import placesLexicon from '../../places/data/lexicon.json' with { type: 'json' };
import { patternPrefixes } from './prefixes.js';

/** One event class: an ACLED type and sub-event type with its CASE 2021 code. */
export interface EventClass {
  /** CASE 2021 code, also the class key used by the triggers (`AIR_STRIKE`). */
  readonly code: string;
  /** ACLED event type, or `Other` for the non-ACLED classes. */
  readonly type: string;
  /** ACLED sub-event type (exact ACLED spelling). */
  readonly subType: string;
  /** False for the 'Other' classes (diplomacy, attribution, disasters, crime), never emitted as events. */
  readonly acled: boolean;
  /** Classes this one is a special case of (a violent demonstration refines a protest). */
  readonly refines?: readonly string[];
  /** Classes this one replaces when a document tells of one happening both ways (a protest that turned violent). */
  readonly outranks?: readonly string[];
  /**
   * When set, the class outranks only through events whose rule carries one of these suffixes (`refines`, or a
   * sub-type rule's name such as `unopposed`: a sentence that told the happening with its manner, "seized the area
   * following the withdrawal of the army"), not through a report of its own ("the army withdrew from X" after
   * "rebels captured X" is the other side's move).
   */
  readonly outranksWhen?: readonly string[];
  /**
   * Classes after which an event of this class with no actor of its own, told within a few sentences, is the same
   * happening under the class named: property destroyed after a protest is the protest turned violent ("Thousands
   * marched through the capital. Some of them smashed shop windows").
   */
  readonly retoldAs?: Readonly<Record<string, string>>;
}

/** A compiled trigger entry of `data/triggers.json`. */
export interface Trigger {
  readonly rule: string;
  /** A class code, or `@territory` (resolved by actor cues). */
  readonly cls: string;
  readonly weight: number;
  readonly re: RegExp;
  /** Word prefixes every match starts with (rules/prefixes.ts), or null: a sentence without one is not searched. */
  readonly prefixes: readonly string[] | null;
  readonly with?: RegExp;
  readonly without?: RegExp;
  readonly after?: RegExp;
  readonly before?: RegExp;
  readonly window: number;
  /** A supporting cue: helps classify a snippet, never makes an event alone. */
  readonly cue: boolean;
  /** Also accepted when a capitalised name follows ("captured Bakhmut"). */
  /** Accepts the trigger when a capitalised name follows it (after the preposition `afterName` names, if a string). */
  readonly afterName: RegExp | undefined;
  /** Ambiguous ("fighting", "advanced"): makes an event in a document only beside an actor or conflict cue. */
  readonly needsActor: boolean;
  /** An ambiguous trigger whose own argument, a resolved town, is evidence enough ("Kramatorsk was shelled"). */
  readonly townObject: boolean;
  /** A killing or wounding word: the outcome of another predicate of its sentence when there is one. */
  readonly outcome: boolean;
  /** Tells a toll ("soldiers were killed"): an explosion of its sentence claims it (index.ts `explosionOf`). */
  readonly toll: boolean;
  /** An attack or killing word that says nothing of the means. */
  readonly generic: boolean;
  /** A weapon: gives its class to a generic attack in its sentence. */
  readonly instrument: boolean;
}

/** A compiled context cue of `data/context.json`. */
export interface ContextCue {
  readonly kind:
    | 'negation' | 'future' | 'modality' | 'hypothetical' | 'purpose' | 'habitual' | 'topic' | 'history' | 'background'
    | 'generic' | 'description' | 'order' | 'supply' | 'figurative';
  readonly factor: number;
  /** When set, the cue applies only to a trigger whose text matches it. */
  readonly trigger?: RegExp;
  readonly before?: RegExp;
  readonly sentence?: RegExp;
  /** Matched against the whole sentence, after the trigger too. */
  readonly anywhere?: RegExp;
  /** Matched against the text right after the trigger. */
  readonly after?: RegExp;
}

/**
 * Compiles a lexicon pattern: case-insensitive, at word boundaries, a space matching any run of whitespace or
 * hyphens (so "air strike" finds "air-strike" and "air  strike"), because news text varies exactly there.
 */
export function compilePattern(source: string, flags = 'gi', bounded = true): RegExp {
  // " ?" (an optional space, as in "air ?strike") must allow none at all. A filler ".{0,N}" ends at a non-word
  // character, so the word after it starts at a word boundary ("found … ieds" must not match "worried").
  const body = source
    .replace(/ \?/g, '[\\s\\-]*')
    .replace(/ /g, '[\\s\\-]+')
    .replace(/\.\{0,(\d+)\}/g, '(?:.{0,$1}\\W)?');
  return new RegExp(bounded ? `(?<![\\w])(?:${body})(?![\\w])` : body, flags);
}

/** People named after a capitalised adjective ("captured the Russian soldiers"): no place follows the trigger. */
const peopleAfterName = triggersData.peopleAfterName;

interface RawTrigger {
  rule: string;
  class: string;
  w: number;
  re: string;
  with?: string;
  without?: string;
  after?: string;
  before?: string;
  window?: number;
  cue?: boolean;
  afterName?: boolean | string;
  needsActor?: boolean;
  townObject?: boolean;
  outcome?: boolean;
  toll?: boolean;
  generic?: boolean;
  instrument?: boolean;
}

/** Every event class, by code. */
export const eventClasses: ReadonlyMap<string, EventClass> = new Map(
  (taxonomyData.classes as EventClass[]).map((c) => [c.code, c]),
);

/** Every trigger, in data order. */
export const triggers: readonly Trigger[] = (triggersData.triggers as RawTrigger[]).map((t) => ({
  rule: t.rule,
  cls: t.class,
  weight: t.w,
  re: compilePattern(t.re),
  prefixes: patternPrefixes(t.re),
  with: t.with ? compilePattern(t.with, 'i', false) : undefined,
  without: t.without ? compilePattern(t.without, 'i', false) : undefined,
  // after/before are anchored by their own ^ / $; they are not wrapped in word boundaries.
  after: t.after ? compilePattern(t.after, 'i', false) : undefined,
  before: t.before ? compilePattern(t.before, 'i', false) : undefined,
  window: t.window ?? 60,
  cue: t.cue ?? false,
  // Case-sensitive: the name is capitalised; lower-case words may come between the trigger and its preposition.
  afterName: t.afterName
    ? new RegExp(`^\\s+${typeof t.afterName === 'string' ? `(?:[a-z]+\\s+){0,2}${t.afterName}\\s+` : ''}(the\\s+)?((city|town|village|settlement|region|province) of\\s+)?[A-Z](?![\\w'’.-]*\\s+(${peopleAfterName})\\b)`)
    : undefined,
  needsActor: t.needsActor ?? false,
  townObject: t.townObject ?? false,
  outcome: t.outcome ?? false,
  toll: t.toll ?? false,
  generic: t.generic ?? false,
  instrument: t.instrument ?? false,
}));

/** Actor cues deciding who changed control of territory. */
/**
 * A state's force named by its demonym ("Afghan forces", "Malian troops") is a government actor as the listed
 * cues are; a foreign one is told apart later by the place's country (territory.ts `takerCountry`).
 */
const demonymForces = `(${Object.keys(actorsData.demonyms)
  .map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')}) (${actorsData.stateForceNouns})`;

export const actorCues = {
  government: compilePattern(`${actorsData.government}|${demonymForces}`),
  nonState: compilePattern(actorsData.nonState),
  conflict: compilePattern(actorsData.conflict),
  /** A crowd as the unnamed actor of a protest. */
  crowd: compilePattern(actorsData.crowd),
  /** A party's building or vehicle ("a police post"): a target named by a party word, not the party acting. */
  partyProperty: new RegExp(actorsData.partyProperty, 'gi'),
  /** The police or security forces named in a clash told right after a protest: whom its crowd clashed with. */
  crowdOpponents: new RegExp(actorsData.crowdOpponents, 'gi'),
  /** Words right before an actor cue that make it the side driven out or fought ("flushed militants out", "against the rebels"). */
  opponentBefore: new RegExp(actorsData.opponentBefore, 'i'),
  /** Words right before a demonym that name the taker's backer ("backed by Russian air strikes"), not the taker. */
  backedBy: new RegExp(actorsData.backedBy, 'i'),
  /** Demonstrators right before a battle predicate, its subject ("Rioters fought with police"): they are its actors. */
  protestersBefore: new RegExp(actorsData.protestersBefore, 'i'),
  /** People a passive arrest or abduction is done to (the actor unnamed). */
  persons: compilePattern(actorsData.persons),
  /** Entity types that report and never act (a news agency). */
  sourceTypes: new Set(actorsData.sourceTypes as string[]),
  /** Words before a name that make it the source of a report ("according to"). */
  sourceBefore: new RegExp(actorsData.sourceBefore, 'i'),
  /** Demonym (lower case) → ISO country code of the state it names. */
  demonyms: actorsData.demonyms as Record<string, string>,
  /** A generic attack by a state force named by its demonym: the text after the demonym, and the class it takes. */
  stateAttack: actorsData.stateAttack as { after: string; class: string },
};

/** True when a sentence has an actor or conflict cue, so that an ambiguous trigger in it may be an event. */
export function hasConflictContext(sentence: string): boolean {
  for (const re of [actorCues.government, actorCues.nonState, actorCues.conflict]) {
    re.lastIndex = 0;
    if (re.test(sentence)) return true;
  }
  return false;
}

/** Context cues (negation, future, modality, hypothetical, history, background). */
export const contextCues: readonly ContextCue[] = contextData.cues.map((c) => ({
  kind: c.kind as ContextCue['kind'],
  factor: c.factor,
  trigger: 'trigger' in c && c.trigger ? new RegExp(c.trigger as string, 'i') : undefined,
  before: 'before' in c && c.before ? new RegExp(c.before, 'i') : undefined,
  sentence: 'sentence' in c && c.sentence ? new RegExp(c.sentence, 'i') : undefined,
  anywhere: 'anywhere' in c && c.anywhere ? new RegExp(c.anywhere, 'i') : undefined,
  after: 'after' in c && c.after ? new RegExp(c.after, 'i') : undefined,
}));

/** Transcript turns: a reporter's paragraph opener and an official's speaker label (data/context.json `turns`). */
export const turnCues = {
  reporter: new RegExp(contextData.turns.reporter),
  speaker: new RegExp(contextData.turns.speaker),
};

/** A protest word in a clause's subject (data/context.json `topicInSubject`). */
export const protestInSubject = new RegExp(contextData.topicInSubject.pattern, 'i');

/** A pluperfect right after a verb of saying and its subject (data/context.json `backshift`): the reported past. */
export const backshiftedPluperfect = new RegExp(contextData.backshift.pattern, 'i');

/** Years named in a sentence (for history: "In 2017, Venezuela signed an agreement"). */
export const yearPattern = new RegExp(contextData.years, 'g');

/** Number words, ACLED's vague counts, and the fatality/injury/quantity patterns. */
export const numbers = {
  words: numbersData.words as Record<string, number>,
  vague: numbersData.vague as Record<string, number>,
  scale: numbersData.scale as Record<string, number>,
  fatality: numbersData.fatality as string[],
  injury: numbersData.injury as string[],
  quantity: numbersData.quantity as string[],
};

/** How places are tied to triggers: specificity rank and ACLED geo precision by place type, locative and list cues. */
export const placeRules = {
  rank: placesData.rank as Record<string, number>,
  geoPrecision: placesData.geoPrecision as Record<string, number>,
  locative: new RegExp(placesData.locative, 'i'),
  locativePrep: new RegExp(placesData.locativePrep, 'i'),
  list: new RegExp(placesData.list, 'i'),
  agent: new RegExp(placesData.agent, 'i'),
  dateline: new RegExp(placesData.dateline),
  subjectGap: new RegExp(placesData.subjectGap, 'i'),
  passiveSubjectGap: new RegExp(placesData.passiveSubjectGap, 'i'),
  objectGap: new RegExp(placesData.objectGap, 'i'),
  speakerAfter: new RegExp(placesData.speakerAfter.replace('{verbs}', placesLexicon.metonymVerbs.words.join('|')), 'i'),
  anaphora: new RegExp(placesData.anaphora, 'i'),
  followUp: new RegExp(placesData.followUp, 'i'),
  placeAnaphora: new RegExp(placesData.placeAnaphora, 'i'),
  waveHarm: new RegExp(placesData.waveHarm, 'i'),
  waveNoHarm: new RegExp(placesData.waveNoHarm, 'i'),
};
