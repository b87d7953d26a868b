/**
 * The claim lexicons, read once from the stage's `data/` files and turned into look-up sets.
 */
import cues from '../data/cues.json' with { type: 'json' };
import speakers from '../data/speakers.json' with { type: 'json' };
import sides from '../data/sides.json' with { type: 'json' };
import channels from '../data/channels.json' with { type: 'json' };
import frames from '../data/frames.json' with { type: 'json' };

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'");
const set = (xs: readonly string[]) => new Set(xs.map(norm));
const record = <T>(r: Record<string, T>): Map<string, T> => new Map(Object.entries(r).map(([k, v]) => [norm(k), v]));
/** A data object's entries without its `_why`. */
const withoutWhy = <T>(r: { _why: string } & Record<string, T | string>): Record<string, T> => Object.fromEntries(Object.entries(r).filter(([k]) => k !== '_why')) as Record<string, T>;

/** Everything the claim rules look up, keyed by lower-cased text with straight apostrophes. */
export const lexicon = {
  // Every ambiguous form is a cue too; it only needs stronger evidence (a speaker right before it).
  cueVerbs: set([...cues.verbs, ...cues.ambiguous, ...cues.stance.verbs, ...cues.stance.ambiguous]),
  ambiguousCues: set([...cues.ambiguous, ...cues.stance.ambiguous]),
  baseForms: set([...cues.base, ...cues.stance.base]),
  baseThat: set(cues.baseThat),
  verbBeforeNoun: set(cues.verbBeforeNoun.words),
  evidenceVerbs: set([...cues.evidence.verbs, ...cues.stance.evidence]),
  evidenceSubjects: set(cues.evidence.subjects),
  participles: set([...cues.participles, ...cues.stance.participles]),
  particles: record<string | string[]>(cues.particles),
  particlesOptional: record<string[]>(withoutWhy(cues.particlesOptional)),
  particlesFinal: set(cues.particlesFinal.forms),
  purposeNouns: set([...cues.purposeNouns.words, ...cues.nominal, ...channels.channels.flatMap((c) => c.phrases.filter((p) => !p.includes(' ')))]),
  invertedCues: set(cues.inverted.forms),
  whichCues: set(cues.whichCues.forms),
  /** Multi-word cues (`idioms` in data/cues.json), each as its lower-case words. */
  idioms: cues.idioms.forms.map((f) => norm(f).split(' ')),
  otherSenses: new Map(Object.entries(cues.otherSenses.forms).map(([k, v]) => [norm(k), { next: set(v.next), number: 'number' in v && !!v.number, adverb: 'adverb' in v && !!v.adverb, end: 'end' in v && !!v.end, language: 'language' in v && !!v.language, objects: 'objects' in v && !!v.objects }])),
  militaryObjects: set(cues.otherSenses.militaryObjects),
  /** Nouns of an act of war (`attacks` and `stopArea.attacks` in data/frames.json): a strike or an offensive says nothing. */
  eventNouns: set([...frames.attacks, ...frames.stopArea.attacks]),
  otherSensesToVerb: set(cues.otherSenses.toVerb.forms),
  datelineVerbs: set(cues.datelineFrom.verbs),
  datelineMaxPlace: cues.datelineFrom.maxPlace,
  estimateVerbs: set(cues.estimateAt.verbs),
  estimateMaxObject: cues.estimateAt.maxObject,
  idiomTrailing: set(cues.idioms.trailing),
  idiomsClauseAfter: set(cues.idioms.clauseAfter.forms),
  idiomClauseWords: set(cues.idioms.clauseAfter.next),
  objectCues: set(cues.object),
  aux: set(cues.aux),
  nominalCues: set(cues.nominal),
  nounThat: set(cues.nounThat),
  passiveCues: cues.passive.map(norm),
  pronouns: record<string[]>(speakers.pronouns),
  nominals: record<string[]>(speakers.nominals),
  sources: set(speakers.sources),
  notSources: set(speakers.notSources),
  demonyms: set(speakers.demonyms),
  indefinites: set(speakers.indefinites),
  nameConnectors: set(speakers.nameConnectors.words),
  bodyNouns: set(speakers.bodyNouns.words),
  bodyPrepositions: set(speakers.bodyNouns.prepositions),
  distributives: set(speakers.distributives.words),
  quantifiers: set(speakers.quantifiers.words),
  participleOpeners: set(speakers.participleOpeners.words),
  timeModifiers: set(speakers.frontedTime.modifiers),
  timePeriods: set(speakers.frontedTime.periods),
  timeDays: set(speakers.frontedTime.days),
  months: set(speakers.months.words),
  expletiveVerbs: set(speakers.expletiveVerbs),
  relationAdjectives: set(speakers.relationAdjectives),
  stop: set(speakers.stop),
  metonyms: record<{ side: string; name: string }>(sides.metonyms),
  sideWords: record<string>(sides.context),
  otherSide: record<string>(sides.other),
  sidePhrases: [...record<string>(sides.phrases).entries()],
  offices: set(sides.offices),
  channels: channels.channels.map((c) => ({ channel: c.channel, phrases: c.phrases.map(norm) })),
};

/** The opposing side of `side` (`RU` ↔ `UA`), or undefined. */
export function otherSide(side: string | undefined): string | undefined {
  return side ? lexicon.otherSide.get(norm(side))?.toUpperCase() ?? undefined : undefined;
}
