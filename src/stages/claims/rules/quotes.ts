/**
 * Quotation pairing: finds balanced quotations in one linear scan, with a length cap so that an unbalanced mark
 * or an article that is one long quote never yields a quotation spanning the whole text.
 */

/** A quotation: the offsets of its opening and closing marks. Its content is `[open + 1, close)`. */
export interface Quote {
  readonly open: number;
  readonly close: number;
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
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open >= 0 && i - open > maxLength) {
      // Unbalanced or overlong: restart the scan just after the dropped mark would be quadratic, so go on from here.
      open = -1;
    }
    if (open >= 0) {
      if (closers.includes(c)) {
        if (i > open + 1) out.push({ open, close: i });
        open = -1;
      } else if (c === '\n' && text[i + 1] === '\n') {
        open = -1;
      } else if (c in CLOSERS && closers !== '"') {
        // A new opening mark before the close: the earlier one was unbalanced.
        open = i;
        closers = CLOSERS[c];
      }
      continue;
    }
    if (c in CLOSERS) {
      open = i;
      closers = CLOSERS[c];
    } else if (c === '"') {
      // A straight quote opens when it precedes a non-space; otherwise it is a stray closer.
      if (i + 1 < text.length && !/\s/.test(text[i + 1])) {
        open = i;
        closers = '"';
      }
    }
  }
  return out;
}
