/**
 * Quotation pairing: finds balanced quotations in one linear scan (same-type nested marks are counted), with a length cap so that an unbalanced mark
 * or an article that is one long quote never yields a quotation spanning the whole text.
 */

/** A quotation: the offsets of its opening and closing marks. Its content is `[open + mark, close)`. */
export interface Quote {
  readonly open: number;
  readonly close: number;
  /** Length of each mark: 1, or 2 for the doubled apostrophes ('') some archives use for quotation marks. */
  readonly mark: number;
}

/** Longest quotation kept, in UTF-16 units; longer ones are treated as unbalanced. */
export const MAX_QUOTE_LENGTH = 1500;

// Opening mark → the closing marks that end it. „…“ (German) and «…» (Russian, French) appear in translations.
const CLOSERS: Record<string, string> = { '“': '”', '„': '“”', '«': '»', '「': '」', '『': '』' };

/**
 * Finds the outermost balanced quotations of `text`. Inner marks (‘…’, or straight quotes inside curly ones) are
 * part of the outer quotation. A paragraph break inside an open quotation drops it, as does exceeding `maxLength`.
 */
export function findQuotes(text: string, maxLength = MAX_QUOTE_LENGTH): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let mark = 1;
  // Same-type opening marks seen inside the open quote, and the mark that opened it.
  let depth = 0;
  let openMark = '';
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    let width = 1;
    if (c === "'" && text[i + 1] === "'") {
      // '' stands for a straight double quote.
      c = '"';
      width = 2;
    }
    if (open >= 0 && i - open > maxLength) {
      // Unbalanced or overlong: restart the scan just after the dropped mark would be quadratic, so go on from here.
      open = -1;
    }
    if (open >= 0) {
      // Mixed marks from hand-edited text: "…” closes, and so does “…" when the straight mark ends a word.
      if (c === '"' && openMark === '“' && width === 1 && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && depth === 0) c = '”';
      if (closers.includes(c) && (c !== '"' || width === mark) && depth > 0 && c !== openMark) {
        // “…“…”…”: a nested pair of the same marks closes the inner one first.
        depth--;
      } else if (closers.includes(c) && (c !== '"' || width === mark)) {
        if (i > open + mark) out.push({ open, close: i, mark });
        open = -1;
        i += width - 1;
      } else if (c === '\n' && text[i + 1] === '\n') {
        open = -1;
      } else if (c === openMark && closers !== '"') {
        depth++;
      }
      continue;
    }
    if (c in CLOSERS) {
      open = i;
      mark = 1;
      depth = 0;
      openMark = c;
      closers = CLOSERS[c];
    } else if (c === '"') {
      // A straight quote opens when it precedes a non-space; otherwise it is a stray closer.
      if (i + width < text.length && !/\s/.test(text[i + width])) {
        open = i;
        mark = width;
        openMark = '"';
        closers = width === 1 ? '"”' : '"';
      }
      i += width - 1;
    }
  }
  return out;
}
