/**
 * Tokenisation of view text: words (with inner apostrophes, hyphens and dots of abbreviations), numbers
 * (with inner separators) and single punctuation marks. Whitespace lies between tokens, so tokens plus the gaps
 * rebuild the text exactly.
 */

/** A token range in the view. */
export interface TokenRange {
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

// One sticky pattern, compiled once: the hot loop only moves lastIndex.
const TOKEN = /(\p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}+)?)|((?:\p{L}\.){2,}|[\p{L}\p{M}]+(?:['’\-‑][\p{L}\p{M}\p{N}]+)*)|([^\s])/suy;
const SPACE = /\s+/y;

/** Tokenises `text[from, to)`. */
export function tokenize(text: string, from = 0, to = text.length): TokenRange[] {
  const out: TokenRange[] = [];
  let i = from;
  while (i < to) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      if (i >= to) break;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) {
      i++;
      continue;
    }
    let end = Math.min(TOKEN.lastIndex, to);
    if (end <= i) end = i + 1;
    out.push({ start: i, end, kind: m[1] ? 'number' : m[2] ? 'word' : 'punct' });
    i = end;
  }
  return out;
}
