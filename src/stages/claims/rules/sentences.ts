/**
 * A fallback sentence splitter, used only when the document has no sentences from the segment stage, so the
 * claims stage still works (and can be tested) on its own.
 */

/** A sentence range in a string. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

/** Splits at `.`, `!`, `?` (optionally followed by closing quotes) before whitespace and an upper-case letter or quote, and at blank lines. */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const boundary = /[.!?]+["”’»)]*(?=\s+["“«‘(]?[\p{Lu}\p{N}])|\n\s*\n/gu;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
  };
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
    // Skip single capital initials and common titles ("U.S. officials", "Gen. Smith").
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (!m[0].startsWith('\n') && /(?:^|[\s.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Lt|Col|St|Sen|Rep|Gov)$/u.test(before)) continue;
    push(end);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
