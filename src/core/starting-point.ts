/**
 * Starting points: a time expression governed by "since" ("since the war began in February 2022", "since March
 * 2022") names when something began, in the background, not when the sentence's statement or happening took place.
 * Stages that date a claim or an event from the expressions of its sentence skip these.
 */
import type { TimeExpression } from './doc.js';

/** "since" within the five words before the expression, with no comma or sentence mark between. */
const SINCE = /\bsince\b(?:[^\S\n]+[^\s,;.]+){0,5}[^\S\n]*$/i;

/** True when the time expression (input offsets into `input`, the document's input) is a starting point. */
export function isStartingPoint(input: string, t: Pick<TimeExpression, 'start' | 'text'>): boolean {
  return /^since\b/i.test(t.text) || SINCE.test(input.slice(Math.max(0, t.start - 60), t.start));
}
