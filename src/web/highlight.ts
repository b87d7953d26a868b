/**
 * Splitting a document's text into segments at every span boundary, so that overlapping highlights (a place
 * inside a claim inside an event) can be shown with plain elements: each segment lists the spans covering it.
 * Pure and DOM-free, so it is tested in node.
 */

/** What highlighting needs of a span. */
export interface HighlightSpan {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly ref: string | null;
  readonly label: string;
}

/** A run of text covered by the same spans. */
export interface Segment<S extends HighlightSpan = HighlightSpan> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Spans covering it, outermost (longest) first. */
  readonly spans: readonly S[];
}

/** Cuts `text` into segments; spans outside the text are ignored. Segments cover the whole text, in order. */
export function segments<S extends HighlightSpan>(text: string, spans: readonly S[]): Segment<S>[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byLength = [...valid].sort((a, b) => b.end - b.start - (a.end - a.start));
  const out: Segment<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({ start, end, text: text.slice(start, end), spans: byLength.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}
