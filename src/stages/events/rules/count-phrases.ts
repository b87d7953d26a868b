/**
 * Counts stated in a sentence: fatalities ("killed more than 70" → 70), injuries ("eight people were
 * injured" → 8) and quantities ("shot down 25 of 25 drones" → 25). Vague counts follow ACLED's coding
 * ("dozens" → 12, "several" → 10, "hundreds" → 100); the numbers and patterns are in `data/numbers.json`.
 */
import { numbers } from './lexicon.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Word and vague count phrases, longest first so "a dozen" wins over "a". */
const phrases = [...Object.keys(numbers.vague), ...Object.keys(numbers.words)].sort((a, b) => b.length - a.length);

/** The regular-expression source of a number phrase: digits ("1,200", "70"), words ("eight"), vague counts. */
const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?:\\s+(?:thousand|million))?|(?:${phrases.map(escape).join('|')})(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(?:thousand|hundred))?)`;

function compile(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => new RegExp(`(?<![\\w-])${p.replace(/#/g, NUMBER).replace(/ /g, '\\s+')}(?![\\w])`, 'gi'));
}

const fatalityRes = compile(numbers.fatality);
const injuryRes = compile(numbers.injury);
const quantityRes = compile(numbers.quantity);

/**
 * The value of a number phrase: digits, number words ("twenty-five"), ACLED's vague counts; null when the
 * phrase is not a count.
 */
export function parseCount(phrase: string): number | null {
  const p = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(p)) {
    const m = /^([\d,]+(?:\.\d+)?)(?:\s+(thousand|million))?$/.exec(p);
    if (!m) return null;
    const n = Number(m[1].replace(/,/g, ''));
    return Number.isFinite(n) ? Math.round(n * (m[2] ? numbers.scale[m[2]] : 1)) : null;
  }
  if (p in numbers.vague) return numbers.vague[p];
  const m = /^(.*?)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?(?:\s+(thousand|hundred))?$/.exec(p);
  if (!m) return null;
  const head = m[1] in numbers.words ? numbers.words[m[1]] : m[1] in numbers.vague ? numbers.vague[m[1]] : null;
  if (head === null) return null;
  let n = head + (m[2] ? numbers.words[m[2]] : 0);
  if (m[3] === 'thousand') n *= 1000;
  else if (m[3] === 'hundred') n *= 100;
  return n;
}

/** A count found in a text, with the offsets of the whole phrase that states it. */
export interface CountMatch {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

function largest(res: readonly RegExp[], text: string): CountMatch | null {
  let best: CountMatch | null = null;
  for (const re of res) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // The number is the last capturing group that is set (the pattern's own groups come first or last).
      const phrase = m.slice(1).filter((g) => g !== undefined).find((g) => parseCount(g) !== null);
      const value = phrase ? parseCount(phrase) : null;
      if (value !== null && value > 0 && (!best || value > best.value)) best = { value, start: m.index, end: m.index + m[0].length };
    }
  }
  return best;
}

/** Fatalities stated in `text` (the largest count when several are given), or null. */
export function findFatalities(text: string): CountMatch | null {
  return largest(fatalityRes, text);
}

/** Injuries stated in `text`, or null. */
export function findInjuries(text: string): CountMatch | null {
  return largest(injuryRes, text);
}

/** A quantity of weapons or projectiles stated in `text` ("shot down 25 of 25", "four drones"), or null. */
export function findQuantity(text: string): CountMatch | null {
  return largest(quantityRes, text);
}
