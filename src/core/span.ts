/**
 * A span: a half-open UTF-16 range `[start, end)` into a document's input exactly as read,
 * the text it covers and the rule that produced it.
 *
 * Invariant: `text === input.slice(start, end)`. Every annotation in sitrep is, or points at, a span.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The rule that made this span, `stage/rule-name` (e.g. `clean/read-more`). */
  readonly rule: string;
}

/** Makes a span over `input`, taking the covered text from the input itself so the invariant holds by construction. */
export function makeSpan(input: string, start: number, end: number, rule: string): Span {
  if (!(start >= 0 && end >= start && end <= input.length)) {
    throw new RangeError(`span [${start}, ${end}) lies outside an input of length ${input.length} (rule ${rule})`);
  }
  return { start, end, text: input.slice(start, end), rule };
}

/** True when `a` and `b` share at least one UTF-16 unit. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies within `outer`. */
export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
