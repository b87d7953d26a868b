/**
 * The one sentence splitter: sentence ranges over a block of view text. Lossless (gaps are whitespace) and bounded
 * (no sentence longer than MAX_SENTENCE units).
 */
import abbreviations from './data/abbreviations.json' with { type: 'json' };
import { isSoftBreak } from './wrap.js';

export const ABBREVIATIONS: ReadonlySet<string> = new Set<string>([...abbreviations.titles, ...abbreviations.other]);

/** A sentence range in the view, and whether it looks like a headline (no final punctuation). */
export interface SentenceRange {
  start: number;
  end: number;
  headline: boolean;
  rule: string;
}

// Characters that may close a sentence after its final punctuation (quotes, brackets).
const CLOSERS = new Set(['"', '\'', '”', '’', '»', ')', ']', '›']);
const TERMINAL = new Set(['.', '!', '?', '…']);
// Longest run of text without a break we accept as one sentence; a guard against quadratic work downstream
// on inputs without punctuation (lists, tables, junk), not a linguistic rule.
const MAX_SENTENCE = 2000;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f';
}

function isUpperStart(c: string): boolean {
  return c !== c.toLowerCase() || /[0-9“"‘'«(\[—–-]/.test(c);
}

/** The word (letters and inner dots) that ends just before `pos` in `text`. */
function wordBefore(text: string, pos: number, floor: number): string {
  let i = pos;
  while (i > floor && /[\p{L}.\-]/u.test(text[i - 1])) i--;
  return text.slice(i, pos);
}

/**
 * Splits `text[from, to)` into sentences. Lines are sentence boundaries too (news paragraphs and headlines
 * are lines), except the soft newlines of a hard-wrapped document (`wrap.ts`), which read as spaces; within a
 * line a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes) followed by space and an upper-case letter,
 * digit or opening quote — unless the word before the stop is a known abbreviation or an initial.
 */
export function splitSentences(text: string, from = 0, to = text.length): SentenceRange[] {
  const out: SentenceRange[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    let joined = false;
    while (lineEnd !== -1 && lineEnd < to && isSoftBreak(text, lineEnd)) {
      joined = true;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const before = out.length;
    splitLine(text, lineStart, lineEnd, out);
    // A sentence that runs across a soft newline is named for it (the wrap joined it). Only a joined line holds one,
    // and the search stops at the sentence's end (a long unwrapped line is never rescanned per sentence).
    for (let k = before; joined && k < out.length; k++) {
      const r = out[k];
      const nl = text.indexOf('\n', r.start);
      if (r.rule === 'segment/punctuation' && nl >= 0 && nl < r.end) out[k] = { ...r, rule: 'segment/wrapped' };
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceRange[], rule: string): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return;
  // Cut overlong runs at a space so that no sentence is unbounded.
  while (end - start > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE);
    if (cut <= start) cut = start + MAX_SENTENCE;
    out.push({ start, end: cut, headline: false, rule: 'segment/overlong' });
    start = cut;
    while (start < end && isSpace(text[start])) start++;
  }
  if (end <= start) return;
  const last = text[end - 1];
  const headline = !TERMINAL.has(last) && !CLOSERS.has(last) && !/[:;,]/.test(last);
  out.push({ start, end, headline, rule: headline ? 'segment/headline' : rule });
}

function splitLine(text: string, start: number, end: number, out: SentenceRange[]): void {
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (!TERMINAL.has(c)) continue;
    let j = i + 1;
    while (j < end && (TERMINAL.has(text[j]) || CLOSERS.has(text[j]))) j++;
    if (j >= end) break;
    if (!isSpace(text[j])) continue;
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    if (k >= end) break;
    if (!isUpperStart(text[k])) continue;
    if (c === '.') {
      const word = wordBefore(text, i, sentenceStart);
      const bare = word.replace(/^[.\-]+/, '');
      // An initial ("J.") or a dotted abbreviation ("U.S.") followed by a name keeps the sentence going,
      // except "U.S." closing a sentence before a new capitalised word is ambiguous: we keep going (safer for claims).
      if (/^\p{Lu}$/u.test(bare)) continue;
      if (ABBREVIATIONS.has(bare.toLowerCase())) continue;
      if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) continue;
    }
    pushTrimmed(text, sentenceStart, j, out, 'segment/punctuation');
    sentenceStart = k;
    i = k - 1;
  }
  pushTrimmed(text, sentenceStart, end, out, 'segment/punctuation');
}
