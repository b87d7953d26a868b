/**
 * The time stage: the publication date (metadata first, then `--published`, then a dateline in the head of the
 * text) and every time expression in the text, resolved against it. chrono-node proposes expressions; the
 * refiners here drop what news text makes ambiguous ("now", "Sat", bare numbers read as clock times), widen spans
 * to their prefixes ("overnight Thursday"), resolve weekdays the way news uses them, and leave anything that needs
 * a reference date unresolved when there is none — never guessed.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision, Doc, Stage, TimeExpression } from '../../core/index.js';
import words from './data/time-words.json' with { type: 'json' };
import { findDateline } from './rules/dateline.js';
import { resolveWeekday, type WeekdayDirection } from './rules/resolve-weekday.js';

const FUTURE = new Set(words.futureCues);
const PREFIXES = new Set(words.spanPrefixes);
const DROP = new Set(words.dropTexts);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// A fixed instant for parsing without a reference date; values that depend on it are discarded.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const TRAILING = /[\s,;:.!?)"'”’]+$/u;
const WORD_BEFORE = /([\p{L}']+)\s+$/u;

function precisionOf(text: string, known: (c: chrono.Component) => boolean): DatePrecision {
  const t = text.toLowerCase();
  if (/\bweeks?\b/.test(t)) return 'week';
  if (known('day') || known('weekday')) return 'day';
  if (/\bmonths?\b/.test(t) || known('month')) return 'month';
  return 'year';
}

/** The publication date: metadata, else the context's, else a dateline near the top of the text. */
export function publicationDate(doc: Doc, fallback?: string): Doc['published'] {
  if (doc.published) return doc.published;
  if (fallback) return { value: fallback, rule: 'time/option-published' };
  const line = findDateline(doc.view.text);
  return line ? { value: line.value, rule: line.rule, span: doc.view.span(line.start, line.end, line.rule) } : undefined;
}

/** Finds and resolves the time expressions of one sentence text. Exported for tests. */
export function timeExpressions(
  text: string,
  reference: string | undefined,
): Array<{ start: number; end: number; value: string | null; precision?: DatePrecision; rule: string; unresolved?: string }> {
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : NO_REFERENCE;
  const out: ReturnType<typeof timeExpressions> = [];
  for (const r of chrono.en.casual.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    let start = r.index;
    let end = start + r.text.length;
    const raw = text.slice(start, end).replace(TRAILING, '');
    end = start + raw.length;
    if (!raw || DROP.has(raw.toLowerCase())) continue;
    const known = (c: chrono.Component) => r.start.isCertain(c);
    // A bare number pair ("200 to 400") is not a clock time.
    if (!known('day') && !known('weekday') && !known('month') && !known('year') && !/[:.]\d\d|[ap]\.?m\b|o'clock|\b(?:day|week|month|year)s?\b/i.test(raw)) continue;
    // Durations ("for several months", "within two weeks") are not points in time.
    if (/^(?:on\s+)?(?:for|within|during)\b/i.test(raw)) continue;
    // Abbreviated weekdays ("Sat down", "Wed") are too often other words.
    const weekdayOnly = known('weekday') && !known('day');
    if (weekdayOnly && !/(sun|mon|tues|wednes|thurs|fri|satur)day/i.test(raw)) continue;
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
    if (before && PREFIXES.has(before[1].toLowerCase()) && !/^(on|this|next|last|since|until|by|from)\b/i.test(raw)) {
      start -= before[0].length;
    }
    const rule = `time/chrono${weekdayOnly ? '-weekday' : ''}`;
    let value: string | null = r.start.date().toISOString().slice(0, 10);
    let unresolved: string | undefined;
    if (weekdayOnly) {
      if (!reference) {
        value = null;
        unresolved = 'a weekday needs the publication date, which is unknown';
      } else {
        const weekday = WEEKDAYS.findIndex((d) => raw.toLowerCase().includes(d));
        const lead = text.slice(Math.max(0, start - 40), start).toLowerCase().split(/[^\p{L}']+/u).slice(-4);
        const phrase = text.slice(start, end).toLowerCase();
        let direction: WeekdayDirection = 'past';
        if (/\bnext\b/.test(phrase)) direction = 'next-week';
        else if (/\blast\b/.test(phrase)) direction = 'last-week';
        else if (lead.some((w) => FUTURE.has(w))) direction = 'future';
        value = resolveWeekday(reference, weekday, direction);
      }
    } else if (!reference) {
      const certain = known('year') && known('month');
      if (!certain) {
        value = null;
        unresolved = 'a relative or partial date needs the publication date, which is unknown';
      } else if (!known('day')) {
        value = value.slice(0, 8) + '01';
      }
    }
    out.push({ start, end, value, precision: value ? precisionOf(raw, known) : undefined, rule, ...(unresolved ? { unresolved } : {}) });
  }
  return out;
}

/** The time stage. */
export const timeStage: Stage = {
  name: 'time',
  run(doc, ctx) {
    const published = publicationDate(doc, ctx.published);
    const times: TimeExpression[] = [];
    for (const s of doc.sentences) {
      const text = doc.view.text.slice(s.vStart, s.vEnd);
      for (const t of timeExpressions(text, published?.value)) {
        const span = doc.view.span(s.vStart + t.start, s.vStart + t.end, t.rule);
        // The dateline itself is the publication date, not an event time.
        if (published?.span && span.start < published.span.end && published.span.start < span.end) continue;
        times.push({ ...span, value: t.value, sentence: s.index, ...(t.precision ? { precision: t.precision } : {}), ...(t.unresolved ? { unresolved: t.unresolved } : {}) });
      }
    }
    return { ...doc, published, times };
  },
};
