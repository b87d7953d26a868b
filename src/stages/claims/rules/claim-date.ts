/**
 * The date of a statement: the resolved time expression of its sentence nearest to the cue, else the publication
 * date with a lower precision (the statement was made on or shortly before it), else unknown.
 */
import { isStartingPoint, type DatePrecision, type DatedValue, type TimeExpression } from '../../../core/index.js';

/** A claim date and its precision; `date` null when nothing dates it. */
export interface ClaimDate {
  readonly date: string | null;
  readonly precision?: DatePrecision;
}

const bySentence = new WeakMap<readonly TimeExpression[], Map<number, TimeExpression[]>>();

/** The document's time expressions grouped by sentence, built once per list (a scan per claim was quadratic). */
function timesBySentence(times: readonly TimeExpression[]): Map<number, TimeExpression[]> {
  let map = bySentence.get(times);
  if (!map) {
    map = new Map();
    for (const t of times) {
      const list = map.get(t.sentence);
      if (list) list.push(t);
      else map.set(t.sentence, [t]);
    }
    bySentence.set(times, map);
  }
  return map;
}

/**
 * Dates a claim whose cue starts at input offset `cueStart` in sentence `sentence`. With `input` (the document's
 * input), expressions that are a starting point in the background ("since the war began in February 2022") date
 * nothing.
 */
export function claimDate(times: readonly TimeExpression[], sentence: number, cueStart: number, published?: DatedValue | string, input?: string): ClaimDate {
  let best: TimeExpression | undefined;
  for (const t of timesBySentence(times).get(sentence) ?? []) {
    if (!t.value) continue;
    if (input !== undefined && isStartingPoint(input, t)) continue;
    if (!best || Math.abs(t.start - cueStart) < Math.abs(best.start - cueStart)) best = t;
  }
  if (best?.value) return { date: best.value, precision: best.precision ?? 'day' };
  const pub = typeof published === 'string' ? published : published?.value;
  // Reported speech is usually from the days before publication: a week is the honest precision.
  if (pub) return { date: pub, precision: 'week' };
  return { date: null };
}
