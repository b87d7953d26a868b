/**
 * A plain sentence splitter used only when the segment stage left no sentences (a document run through
 * this stage alone, in tests): blank lines and sentence-final punctuation before a capital.
 */

/** A view range of one sentence. */
export interface SentenceRange {
  readonly index: number;
  readonly vStart: number;
  readonly vEnd: number;
  readonly headline?: boolean;
}

/** Splits `text` into sentence ranges, trimming surrounding whitespace. */
export function fallbackSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const boundary = /\n[ \t]*\n|[.!?…]["”’)]?[ \t]+(?=["“‘(]?\p{Lu})|[.!?…]["”’)]?\n/gu;
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ index: out.length, vStart: a, vEnd: b });
  };
  for (const m of text.matchAll(boundary)) {
    const at = (m.index ?? 0) + (m[0].startsWith('\n') ? 0 : m[0].trimEnd().length);
    push(at);
    start = at;
  }
  push(text.length);
  return out;
}
