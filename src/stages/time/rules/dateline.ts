/**
 * Datelines: the publication date written at the top of an article ("May 12, 2023", "date 2023-05-25",
 * "12.05.2023", "12 May 2023"). Patterns are compiled once; only the head of the text is searched. A date that a
 * preposition governs ("On 24 February 2022, the invasion began") is a date in a sentence, not a dateline.
 */
import words from '../data/time-words.json' with { type: 'json' };

const IN_SENTENCE = new RegExp(`\\b(?:${words.notDatelineAfter.join('|')})\\s*$`, 'i');
const DATELINE_WORD = new RegExp(`\\b(?:${words.datelineWords.join('|')})\\s*:?\\s*(?:on\\s+)?$`, 'i');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

interface DatelinePattern {
  readonly rule: string;
  readonly re: RegExp;
  readonly parse: (m: RegExpExecArray) => [number, number, number] | undefined;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

const PATTERNS: readonly DatelinePattern[] = [
  { rule: 'time/dateline-iso', re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, parse: (m) => [+m[1], +m[2], +m[3]] },
  { rule: 'time/dateline-mdy', re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'gi'), parse: (m) => [+m[3], monthIndex(m[1]), +m[2]] },
  { rule: 'time/dateline-dmy', re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'gi'), parse: (m) => [+m[3], monthIndex(m[2]), +m[1]] },
  { rule: 'time/dateline-dotted', re: /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g, parse: (m) => [+m[3], +m[2], +m[1]] },
];

/** How far into the view text a dateline may stand. */
export const DATELINE_WINDOW = 400;

/** A dateline found in text: its ISO value, view range and rule. */
export interface Dateline {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
}

/** Validates and formats a calendar date, or undefined when it does not exist. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Finds the earliest dateline in the first {@link DATELINE_WINDOW} characters of `text` (from `from`). */
export function findDateline(text: string, from = 0): Dateline | undefined {
  const head = text.slice(from, from + DATELINE_WINDOW);
  let best: Dateline | undefined;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(head); m; m = p.re.exec(head)) {
      const lead = head.slice(Math.max(0, m.index - 30), m.index);
      if (IN_SENTENCE.test(lead) && !DATELINE_WORD.test(lead)) continue;
      const parts = p.parse(m);
      const value = parts && isoDate(...parts);
      if (!value) continue;
      if (!best || m.index + from < best.start) best = { value, start: from + m.index, end: from + m.index + m[0].length, rule: p.rule };
      break;
    }
  }
  return best;
}
