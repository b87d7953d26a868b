/**
 * The stage's word lists (data/*.json) turned once into sets and maps for fast lookup.
 */
import lexiconData from './data/lexicon.json' with { type: 'json' };
import givenNamesData from './data/given-names.json' with { type: 'json' };
import weaponsData from './data/weapons.json' with { type: 'json' };
import orgData from './data/organizations.json' with { type: 'json' };
import placeNamesData from './data/place-names.json' with { type: 'json' };
import { toAsciiLower, translitKey } from './rules/fold.js';

/** What a nominal such as "the ministry" or "the governor" refers back to. */
export interface NominalTarget {
  readonly kind: 'person' | 'organization';
  /** Organisation sub-kind the antecedent must have. */
  readonly type?: string;
  /** Head word the antecedent person's role must contain. */
  readonly roleHead?: string;
}

/** The lexicons of the entities stage. */
export interface Lexicon {
  /** Lower-cased nationality words, country names and abbreviations → side code. */
  readonly sides: ReadonlyMap<string, string>;
  readonly titleHeads: ReadonlySet<string>;
  /** Mr., Mrs., Dr.: they make a name titled but are no role. */
  readonly honorifics: ReadonlySet<string>;
  /** Nouns that end an office, never a name ("Chief Executive Officer"). */
  readonly officeNouns: ReadonlySet<string>;
  /** Capitalised title words too common as adjectives to title a one-word name ("Premier League"). */
  readonly weakTitleHeads: ReadonlySet<string>;
  readonly titleModifiers: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  readonly stopWords: ReadonlySet<string>;
  readonly calendarWords: ReadonlySet<string>;
  readonly placeWords: ReadonlySet<string>;
  /** Prepositions of place: a word after one is no surname known from another document. */
  readonly locativeBefore: ReadonlySet<string>;
  /** Nouns that end a place or building name ("Beverly Hills", "Victoria Station"), never a person's. */
  readonly geoNouns: ReadonlySet<string>;
  /** Kinship nouns before a given name alone ("his wife, Julia"). */
  readonly kinNouns: ReadonlySet<string>;
  /** Titles that take a given name alone ("Pope Francis", "King Charles"). */
  readonly regnalTitles: ReadonlySet<string>;
  /** First words of place names ("New", "San", "St."): a name starting with or following one is no person. */
  readonly placePrefixes: ReadonlySet<string>;
  /** Countries (with common other names) and capitals, as {@link placeKey}s: never a person, never an acronym. */
  readonly countriesAndCapitals: ReadonlySet<string>;
  /** First-level divisions of every country ("Tamil Nadu", "Andhra Pradesh"), as {@link placeKey}s. */
  readonly regions: ReadonlySet<string>;
  readonly nameParticles: ReadonlySet<string>;
  readonly nominals: ReadonlyMap<string, NominalTarget>;
  /** Transliteration key of a given name → its equivalence class index (names in no class get their own). */
  readonly givenNames: ReadonlyMap<string, number>;
  readonly weaponPrefixes: ReadonlyMap<string, string>;
  readonly weaponCues: ReadonlyMap<string, string>;
  readonly notWeapons: ReadonlySet<string>;
  /** Organisation head words → sub-kind. */
  readonly orgHeads: ReadonlyMap<string, string>;
  /** Lower-case institution nouns after a nationality word → sub-kind. */
  readonly institutions: ReadonlyMap<string, string>;
  readonly mediaNouns: ReadonlySet<string>;
  /** Sub-kinds whose mention takes in a possessive country before it. */
  readonly nationalTypes: ReadonlySet<string>;
  /** All-capital words that are no organisation (TV, CEO, roman numerals, weapon-class abbreviations). */
  readonly notAcronyms: ReadonlySet<string>;
  /** Heads that need an of/for complement ("Center for …"): alone they name buildings and areas. */
  readonly complementHeads: ReadonlySet<string>;
  /** Words listed as stop words for names that may stand inside an organisation's name ("Black Sea Fleet"). */
  readonly orgInnerWords: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

/** The key under which place names are listed: ASCII lower case, curly apostrophes straight, single spaces. */
export function placeKey(name: string): string {
  return toAsciiLower(name).replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

/** The lexicon built from the stage's data files (built once, then shared). */
export function defaultLexicon(): Lexicon {
  if (cached) return cached;
  const givenNames = new Map<string, number>();
  let cls = 0;
  for (const group of givenNamesData.classes) {
    for (const name of group) givenNames.set(translitKey(name), cls);
    cls++;
  }
  for (const name of givenNamesData.names) {
    const key = translitKey(name);
    if (!givenNames.has(key)) givenNames.set(key, cls++);
  }
  cached = {
    sides: new Map(Object.entries(lexiconData.sides)),
    titleHeads: new Set(lexiconData.titleHeads),
    honorifics: new Set(lexiconData.honorifics),
    officeNouns: new Set(lexiconData.officeNouns),
    weakTitleHeads: new Set(lexiconData.weakTitleHeads),
    titleModifiers: new Set(lexiconData.titleModifiers),
    speechVerbs: new Set(lexiconData.speechVerbs),
    stopWords: new Set(lexiconData.stopWords),
    calendarWords: new Set(lexiconData.calendarWords),
    placeWords: new Set(lexiconData.placeWords),
    locativeBefore: new Set(lexiconData.locativeBefore),
    geoNouns: new Set(lexiconData.geoNouns),
    placePrefixes: new Set(lexiconData.placePrefixes),
    regnalTitles: new Set(lexiconData.regnalTitles),
    kinNouns: new Set(lexiconData.kinNouns),
    countriesAndCapitals: new Set([...placeNamesData.countries, ...placeNamesData.capitals].map(placeKey)),
    regions: new Set(placeNamesData.regions.map(placeKey)),
    nameParticles: new Set(lexiconData.nameParticles),
    nominals: new Map(Object.entries(lexiconData.nominals as Record<string, NominalTarget>)),
    givenNames,
    weaponPrefixes: new Map(Object.entries(weaponsData.prefixes)),
    weaponCues: new Map(Object.entries(weaponsData.cues)),
    notWeapons: new Set(weaponsData.notWeapons.map((w) => w.toLowerCase())),
    orgHeads: new Map(Object.entries(orgData.heads)),
    institutions: new Map(Object.entries(orgData.institutions)),
    mediaNouns: new Set(orgData.mediaNouns),
    nationalTypes: new Set(orgData.national),
    notAcronyms: new Set(orgData.notAcronyms),
    complementHeads: new Set(orgData.complementHeads),
    orgInnerWords: new Set(orgData.innerWords),
  };
  return cached;
}
