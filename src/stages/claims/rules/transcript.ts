/**
 * Turns of an interview or briefing transcript. A labelled turn ("MR. KIRBY:", "THE PRESIDENT:") is the speaker
 * of the statements inside it; a question turn ("Q", "Q:") is a reporter's and gives no claim of its own. A text
 * whose first line is a transcript title ("Press Briefing by …", "Remarks by …") is a transcript from its first
 * paragraph on, also before its first label (an excerpt that starts inside a turn: speaker unknown).
 */
import { partitionPoint } from '../../../core/index.js';
import data from '../data/transcript.json' with { type: 'json' };

/** One turn: its label's range (null when the text starts inside an unlabelled turn) and its body. */
export interface Turn {
  readonly label: readonly [number, number] | null;
  readonly question: boolean;
  readonly start: number;
  readonly end: number;
}

const TITLES = data.titles;
/** Words that may stand before the title phrase ("On-the-Record Press Gaggle", "Background Press Briefing"). */
const TITLE_REACH = data.titleReach;
const MONOLOGUES = data.monologues.titles;
const MONOLOGUE_ENDS = new Set(data.monologues.ends);
const QUESTION = new Set(data.questionLabels);
export const FIRST_PERSON: ReadonlySet<string> = new Set(data.firstPerson);
const YES = new RegExp(`^(?:${data.answers.yes.join('|')})`, 'i');
const NO = new RegExp(`^(?:${data.answers.no.join('|')})`, 'i');

/** "Yes, it has." / "No, they haven't." at the start of an answer (`answers` in `data/transcript.json`), else null. */
export function answerTo(sentence: string): 'yes' | 'no' | null {
  const s = sentence.trimStart().replace(/’/g, "'");
  return YES.test(s) ? 'yes' : NO.test(s) ? 'no' : null;
}
/** A line that opens with an upper-case label and a colon ("MR. KIRBY:", "PRESIDENT ZELENSKYY:"), or "Q" alone. */
// Web transcripts pad labels with no-break spaces ("Q\u00a0\u00a0 Can I …", "MS. SMITH:\u00a0 …").
const LABEL = /^(?:([A-Z][A-Z.'’-]*(?:[ \u00a0][A-Z][A-Z.'’-]*){0,4}):|(Q)(?=[ \u00a0\t:]))/;

/**
 * True for a transcript's title line: a title phrase among its first words ("Press Briefing by …", "On-the-Record
 * Press Gaggle by …") and no sentence mark at its end. A news sentence that names a news conference is no title
 * ("Austin said … at a news conference at the Pentagon.").
 */
function isTitle(line: string): boolean {
  if (/[.!?]["”’)]*\s*$/.test(line)) return false;
  for (const t of TITLES) {
    const at = line.indexOf(t);
    if (at >= 0 && line.slice(0, at).split(/\s+/).filter(Boolean).length <= TITLE_REACH) return true;
  }
  return false;
}

/**
 * The speaker a monologue's title names ("Address by the President of Ukraine", "Remarks by President X on …"): the
 * words after a `monologues` title phrase up to an `ends` word, a mark or the line's end, as a range of `text`
 * (the title is its first line); null when the title is no monologue's or names no one.
 */
function monologueSpeaker(text: string, firstLine: string): [number, number] | null {
  for (const t of MONOLOGUES) {
    const at = firstLine.indexOf(t);
    if (at < 0 || firstLine.slice(0, at).split(/\s+/).filter(Boolean).length > TITLE_REACH) continue;
    const from = at + t.length;
    const words = [...firstLine.slice(from).matchAll(/[^\s,;:()–—-]+|[,;:()–—]/g)];
    let end = from;
    for (const w of words) {
      if (/^[,;:()–—]$/.test(w[0]) || MONOLOGUE_ENDS.has(w[0])) break;
      end = from + w.index! + w[0].length;
    }
    let start = from;
    while (start < end && /\s/.test(text[start])) start++;
    return end > start ? [start, end] : null;
  }
  return null;
}

/** The turns of a transcript, in text order; empty when the text is no transcript. */
export function transcriptTurns(text: string): Turn[] {
  const labels: { label: [number, number]; question: boolean; body: number }[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const m = LABEL.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 60)));
    if (m) {
      const name = m[1] ?? m[2];
      const question = QUESTION.has(name.toLowerCase());
      // A one-word label must not be an ordinary capitalised word in a headline ("UPDATE:"): two words, a title or Q.
      if (question || /[ \u00a0.]/.test(name)) labels.push({ label: [lineStart, lineStart + name.length], question, body: lineStart + m[0].length });
    }
    lineStart = lineEnd + 1;
  }
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n'))).toLowerCase();
  const titled = isTitle(firstLine);
  // One upper-case label alone may be a dateline ("NEW YORK: …"): a transcript has two turns, a question or a title.
  if (!titled && labels.length < 2 && !labels.some((l) => l.question)) return [];
  const turns: Turn[] = [];
  if (titled) {
    const para = text.indexOf('\n\n');
    const start = para < 0 ? 0 : para + 2;
    const end = labels.length ? labels[0].label[0] : text.length;
    // "Address by the President of Ukraine" and no labels: the title's speaker speaks throughout.
    const label = labels.length ? null : monologueSpeaker(text, firstLine);
    if (end > start) turns.push({ label, question: false, start, end });
  }
  labels.forEach((l, i) => turns.push({ label: l.label, question: l.question, start: l.body, end: i + 1 < labels.length ? labels[i + 1].label[0] : text.length }));
  return turns;
}

/** The turn holding a view offset, or undefined (binary search: turns are sorted and do not overlap). */
export function turnAt(turns: readonly Turn[], pos: number): Turn | undefined {
  const t = turns[partitionPoint(turns, (x) => x.start > pos) - 1];
  return t && pos < t.end ? t : undefined;
}
