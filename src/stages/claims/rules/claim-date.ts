/**
 * The date of a statement: the resolved time expression of its sentence nearest to the cue, else the publication
 * date with a lower precision (the statement was made on or shortly before it), else unknown.
 */
import type { DatePrecision, DatedValue, TimeExpression } from '../../../core/index.js';

/** A claim date and its precision; `date` null when nothing dates it. */
export interface ClaimDate {
  readonly date: string | null;
  readonly precision?: DatePrecision;
}

/** Dates a claim whose cue starts at input offset `cueStart` in sentence `sentence`. */
export function claimDate(times: readonly TimeExpression[], sentence: number, cueStart: number, published?: DatedValue | string): ClaimDate {
  let best: TimeExpression | undefined;
  for (const t of times) {
    if (t.sentence !== sentence || !t.value) continue;
    if (!best || Math.abs(t.start - cueStart) < Math.abs(best.start - cueStart)) best = t;
  }
  if (best?.value) return { date: best.value, precision: best.precision ?? 'day' };
  const pub = typeof published === 'string' ? published : published?.value;
  // Reported speech is usually from the days before publication: a week is the honest precision.
  if (pub) return { date: pub, precision: 'week' };
  return { date: null };
}
