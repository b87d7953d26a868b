/**
 * The word lists of the places stage (`data/lexicon.json`), loaded once into sets of folded words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folded word lists that steer recognition; see `data/lexicon.json` for why each exists. */
export interface PlaceLexicon {
  readonly notPlaces: ReadonlySet<string>;
  readonly regionWords: ReadonlySet<string>;
  /** Cue phrases as folded word sequences ("village of" → ['village', 'of']). */
  readonly unresolvedCues: readonly (readonly string[])[];
  readonly locativeCues: ReadonlySet<string>;
  readonly metonymVerbs: ReadonlySet<string>;
  readonly suffixes: ReadonlySet<string>;
  readonly personTitles: ReadonlySet<string>;
}

interface Section {
  words?: string[];
  phrases?: string[];
}

/** Builds a lexicon from the JSON object of `data/lexicon.json` (tests may pass their own). */
export function lexiconFrom(json: Record<string, Section | string>): PlaceLexicon {
  const words = (name: string): Set<string> => new Set(((json[name] as Section | undefined)?.words ?? []).map((w) => w.toLowerCase()));
  return {
    notPlaces: words('notPlaces'),
    regionWords: words('regionWords'),
    unresolvedCues: ((json.unresolvedCues as Section | undefined)?.phrases ?? []).map((p) => p.toLowerCase().split(' ')),
    locativeCues: words('locativeCues'),
    metonymVerbs: words('metonymVerbs'),
    suffixes: words('suffixes'),
    personTitles: words('personTitles'),
  };
}

/** Loads `lexicon.json` from the places data folder. */
export function loadLexicon(dataDir: string): PlaceLexicon {
  return lexiconFrom(JSON.parse(readFileSync(join(dataDir, 'lexicon.json'), 'utf8')) as Record<string, Section>);
}
