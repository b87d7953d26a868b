/**
 * Narrative expressions chrono-node does not read: "the following day", "the previous week", "the same day",
 * "the next morning". They count from the story's last date, never from the day of writing. The pattern is built
 * once from the data file.
 */
import type { DatePrecision } from '../../../core/index.js';

/** A narrative expression: its range in the sentence, the unit and how many of them from the story's last date. */
export interface NarrativeMatch {
  readonly start: number;
  readonly end: number;
  readonly unit: DatePrecision;
  readonly offset: number;
}

/** Words of the data file: determiner → offset in units, unit word → precision. */
export interface NarrativeWords {
  /** Before the unit: "the following day". */
  readonly determiners: Record<string, number>;
  /** After the unit: "the night before". */
  readonly after: Record<string, number>;
  readonly units: Record<string, string>;
}

/** Builds the finder for the given words (compiled once, when the stage module loads). */
export function narrativeFinder(words: NarrativeWords): (text: string) => NarrativeMatch[] {
  const alt = (xs: string[]) => xs.sort((a, b) => b.length - a.length).join('|');
  const units = alt(Object.keys(words.units));
  // "the day after the attack" and "the day before yesterday" count from something else: not narrative.
  const re = new RegExp(
    `\\bthe\\s+(?:(${alt(Object.keys(words.determiners))})\\s+(${units})\\b|(${units})\\s+(${alt(Object.keys(words.after))})\\b(?!\\s+(?:yesterday|tomorrow|last|the|a|an|this|its|his|her|their)\\b))`,
    'giu',
  );
  return (text) => {
    const out: NarrativeMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const unit = (m[2] ?? m[3]).toLowerCase();
      const offset = m[1] ? words.determiners[m[1].toLowerCase()] : words.after[m[4].toLowerCase()];
      out.push({ start: m.index, end: m.index + m[0].length, unit: words.units[unit] as DatePrecision, offset });
    }
    return out;
  };
}
