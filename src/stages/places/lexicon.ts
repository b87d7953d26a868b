/**
 * The word lists of the places stage (`data/lexicon.json`), loaded once into sets of folded words.
 */
import { foldName } from './fold.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folded word lists that steer recognition; see `data/lexicon.json` for why each exists. */
export interface PlaceLexicon {
  readonly notPlaces: ReadonlySet<string>;
  readonly regionWords: ReadonlySet<string>;
  /** Cue phrases as folded word sequences ("village of" → ['village', 'of']). */
  readonly unresolvedCues: readonly (readonly string[])[];
  readonly locativeCues: ReadonlySet<string>;
  /** "the Belgorod border region": a word of position between a name and its region word. */
  readonly regionModifiers: ReadonlySet<string>;
  /** "in western Marinka": a part of a place between a locative preposition and the name. */
  readonly partAdjectives: ReadonlySet<string>;
  readonly metonymVerbs: ReadonlySet<string>;
  /** Nouns of armed forces and weapons: a demonym before one names an actor, not a location ("Russian forces"). */
  readonly forceNouns: ReadonlySet<string>;
  readonly suffixes: ReadonlySet<string>;
  readonly personTitles: ReadonlySet<string>;
  /** Nouns of ships: a name right after one is the vessel's ("the cruiser Moskva"). */
  readonly vesselNouns: ReadonlySet<string>;
  /** Heads that make a phrase a street, building or feature ("Royal Street"). */
  readonly facilityHeads: ReadonlySet<string>;
  /** Heads that make even an unknown name a place ("Frenchmen Street"). */
  readonly streetHeads: ReadonlySet<string>;
  /** Auxiliaries and adverbs allowed between a metonym and its verb ("has repeatedly"). */
  readonly metonymAuxiliaries: ReadonlySet<string>;
  /** Function words that end a capitalised run ("In", "The", weekdays, months). */
  readonly functionWords: ReadonlySet<string>;
  /** Demonyms to the country they name (folded): "ukrainian" → UA. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Seas, oceans and regions without coordinates in the shipped data, as folded phrases. */
  readonly unlistedRegions: ReadonlySet<string>;
  /** Endings of demonyms and language names. */
  readonly demonymEndings: readonly string[];
  /** Folded word sequences of facilities named after their town ("air base", "nuclear power plant"). */
  readonly townFacilityHeads: readonly (readonly string[])[];
  /** Folded word sequences that, after a place name, make it part of an organisation or unit name. */
  readonly organisationHeads: readonly (readonly string[])[];
  /** Folded heads that end a capitalised run naming an agreement or programme ("… Grain Initiative"). */
  readonly agreementHeads: ReadonlySet<string>;
  /** Lower-case heads of weapon phrases after a model's name ("a Pantsir missile system"). */
  readonly weaponHeads: ReadonlySet<string>;
  /** Count words that may stand before a model's name ("two Leopard tanks"). */
  readonly countWords: ReadonlySet<string>;
  /** Attack nouns after a weapon head that make the name before it a place ("a Kherson drone attack"). */
  readonly attackNouns: ReadonlySet<string>;
  /** Compass words to bearings in degrees ("north-east" → 45). */
  readonly bearings: ReadonlyMap<string, number>;
  /** Distance units to kilometres. */
  readonly distanceUnits: ReadonlyMap<string, number>;
  /** The place slots of war predicates ("captured X", "the assault on X", "X fell"). */
  readonly warSlots: WarSlots;
}

/** Lemmas of war predicates whose object, subject or prepositional object is a place (`warSlots` in the JSON). */
export interface WarSlots {
  /** Verb lemmas whose direct object (and passive subject) is the place. */
  readonly objectVerbs: ReadonlySet<string>;
  /** Intransitive verb lemmas whose subject is the place, each with the words that must follow it ([] for none). */
  readonly subjectVerbs: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Preposition → the heads it may follow ([] for a bare preposition such as "near"), as word sequences. */
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Endings that make a name a surname or patronymic rather than a place ("-enko", "-ovych"). */
  readonly personEndings: readonly string[];
}

interface SlotSection {
  objectVerbs?: string[];
  subjectVerbs?: string[];
  phrases?: string[];
  personEndings?: string[];
}

// "come under" → come: [['under']].
function byFirstWord(list: readonly string[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of list) {
    const [head, ...tail] = p.toLowerCase().split(' ');
    const tails = out.get(head) ?? [];
    tails.push(tail);
    out.set(head, tails);
  }
  return out;
}

function warSlotsFrom(s: SlotSection | undefined): WarSlots {
  const phrases = new Map<string, string[][]>();
  for (const p of s?.phrases ?? []) {
    const parts = p.toLowerCase().split(' ');
    const prep = parts.pop()!;
    const list = phrases.get(prep) ?? [];
    list.push(parts);
    phrases.set(prep, list);
  }
  return {
    objectVerbs: new Set((s?.objectVerbs ?? []).map((w) => w.toLowerCase())),
    subjectVerbs: byFirstWord(s?.subjectVerbs ?? []),
    phrases,
    personEndings: (s?.personEndings ?? []).map((w) => w.toLowerCase()),
  };
}

interface Section {
  words?: string[];
  phrases?: string[];
  map?: Record<string, number>;
}

/** Builds a lexicon from the JSON object of `data/lexicon.json` (tests may pass their own). */
export function lexiconFrom(json: Record<string, Section | SlotSection | string>, demonymJson: Record<string, string[] | string> = {}): PlaceLexicon {
  const demonyms = new Map<string, string>();
  for (const [cc, list] of Object.entries(demonymJson)) if (Array.isArray(list)) for (const d of list) demonyms.set(d, cc);
  const words = (name: string): Set<string> => new Set(((json[name] as Section | undefined)?.words ?? []).map((w) => w.toLowerCase()));
  return {
    notPlaces: words('notPlaces'),
    regionWords: words('regionWords'),
    unresolvedCues: ((json.unresolvedCues as Section | undefined)?.phrases ?? []).map((p) => p.toLowerCase().split(' ')),
    locativeCues: words('locativeCues'),
    // Folded as the scanned words are ("south-eastern" → "south eastern").
    partAdjectives: new Set([...words('partAdjectives')].map(foldName)),
    metonymVerbs: words('metonymVerbs'),
    forceNouns: words('forceNouns'),
    suffixes: words('suffixes'),
    personTitles: words('personTitles'),
    vesselNouns: words('vesselNouns'),
    facilityHeads: words('facilityHeads'),
    regionModifiers: words('regionModifiers'),
    streetHeads: words('streetHeads'),
    demonymEndings: [...words('demonymEndings')],
    functionWords: words('functionWords'),
    demonyms,
    metonymAuxiliaries: words('metonymAuxiliaries'),
    townFacilityHeads: ((json.townFacilityHeads as Section | undefined)?.phrases ?? []).map((p) => p.toLowerCase().split(' ')),
    organisationHeads: ((json.organisationHeads as Section | undefined)?.phrases ?? []).map((p) => p.toLowerCase().split(' ')),
    agreementHeads: words('agreementHeads'),
    weaponHeads: words('weaponHeads'),
    countWords: new Set((json.weaponHeads as { counts?: string[] } | undefined)?.counts ?? []),
    attackNouns: new Set((json.weaponHeads as { attacks?: string[] } | undefined)?.attacks ?? []),
    bearings: new Map(Object.entries((json.bearings as Section | undefined)?.map ?? {})),
    distanceUnits: new Map(Object.entries((json.distanceUnits as Section | undefined)?.map ?? {})),
    unlistedRegions: new Set(((json.unlistedRegions as Section | undefined)?.phrases ?? []).map((p) => p.toLowerCase())),
    warSlots: warSlotsFrom(json.warSlots as SlotSection | undefined),
  };
}

/** Loads `lexicon.json` from the places data folder. */
export function loadLexicon(dataDir: string): PlaceLexicon {
  const demonyms = join(dataDir, 'demonyms.json');
  return lexiconFrom(
    JSON.parse(readFileSync(join(dataDir, 'lexicon.json'), 'utf8')) as Record<string, Section>,
    existsSync(demonyms) ? (JSON.parse(readFileSync(demonyms, 'utf8')) as Record<string, string[]>) : {},
  );
}
