/**
 * The time stage: the publication date (metadata first, then `--published`, then a dateline in the head of the
 * text) and every time expression in the text.
 *
 * Proposers: chrono-node and the narrative finder ("the following day"). Refiners drop what news text makes
 * ambiguous ("now", "Sat", bare numbers read as clock times, durations) and widen spans to their prefixes
 * ("overnight Thursday"). Then each expression is classified — absolute (it names its year), deictic (counted
 * from the day of writing: "yesterday", "on Tuesday", "last week", "in March") or anaphoric (counted from the
 * story's last date: "the day before", "two days later") — and the first resolver of {@link RESOLVERS} that has
 * the reference it needs dates it, recording its name. Without one, the value is null with the reason: no date
 * is ever computed from a reference the document does not give (chrono's own default is the current time).
 */
import * as chrono from 'chrono-node/en';
import type { DatePrecision, Doc, Stage, TimeExpression } from '../../core/index.js';
import words from './data/time-words.json' with { type: 'json' };
import { isoMonday, shiftDate, startOf } from './rules/calendar.js';
import { findDateline } from './rules/dateline.js';
import { narrativeFinder } from './rules/narrative.js';
import { resolveWeekday, type WeekdayDirection } from './rules/resolve-weekday.js';

const FUTURE = new Set(words.futureCues);
const PREFIXES = new Set(words.spanPrefixes);
const DROP = new Set(words.dropTexts);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const findNarrative = narrativeFinder(words.narrative);
const wordsPattern = (xs: string[]) => xs.map((w) => w.replace(/\s+/g, '\\s+')).join('|');
const ANAPHORIC = new RegExp(`\\b(?:${wordsPattern(words.anaphoricCues)})\\b`, 'i');
const DEICTIC = new RegExp(`\\b(?:${wordsPattern(words.deicticCues)})\\b`, 'i');
const WEEK_OFFSETS = new Map(Object.entries(words.calendarWeeks));
const CALENDAR_WEEK = new RegExp(`^(${wordsPattern(Object.keys(words.calendarWeeks))})\\s+week$`, 'i');
const PART_OF_DAY = new RegExp(`^(?:the\\s+)?(?:${wordsPattern(words.partOfDay)})\\s+of\\s+`, 'i');
// "earlier in the month" is this month, not chrono's "in a month".
const WITHIN_CURRENT = /^(?:(?:earlier|later)\s+)?in\s+the\s+(month|year)$/i;
// Two instants for parsing: a value that moves when the reference moves depends on it, and is never kept as is.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const OTHER_REFERENCE = new Date(Date.UTC(1971, 6, 14, 12));
const TRAILING = /[\s,;:.!?)"'”’]+$/u;
const WORD_BEFORE = /([\p{L}']+)\s+$/u;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const instantOf = (date: string) => new Date(`${date}T12:00:00Z`);

function parse(text: string, instant: Date): chrono.ParsedResult[] {
  return chrono.casual.parse(text, { instant, timezone: 0 }, { forwardDate: false });
}

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

/** What the expressions read so far in a document leave for the next ones. */
export interface TimeState {
  /** The last absolute date with a day (it names its year): what a deictic expression counts from without a publication date. */
  lastAbsolute?: string;
  /** The last resolved date with a day: what an anaphoric expression ("the next day") counts from. */
  lastDay?: string;
}

/** How an expression gets its date. */
type Kind = 'absolute' | 'deictic' | 'anaphoric' | 'clock';

/** One proposed expression before resolution. */
interface Candidate {
  start: number;
  end: number;
  kind: Kind;
  precision: DatePrecision;
  /** The date for a given reference (ISO), or null. */
  at: (reference: string) => string | null;
  /** Its value against the parse instant, when absolute. */
  absolute?: string;
  weekday: boolean;
}

/** A resolver: a named way to date an expression from one reference, tried in order. */
interface Resolver {
  readonly name: string;
  readonly kinds: readonly Kind[];
  readonly reference: (published: string | undefined, state: TimeState) => string | undefined;
}

/**
 * The resolvers in order. An absolute date is its own value. An anaphoric expression counts from the story's
 * last dated expression (the sentence before, or earlier in the same sentence), else from the publication date.
 * A deictic expression counts from the publication date, else from the nearest absolute date before it in the text.
 */
export const RESOLVERS: readonly Resolver[] = [
  { name: 'time/absolute', kinds: ['absolute'], reference: () => '' },
  { name: 'time/anchored-previous', kinds: ['anaphoric'], reference: (_, s) => s.lastDay },
  { name: 'time/published', kinds: ['anaphoric', 'deictic'], reference: (p) => p },
  { name: 'time/anchored-absolute', kinds: ['deictic'], reference: (_, s) => s.lastAbsolute },
];

const UNRESOLVED: Record<Kind, string> = {
  absolute: '',
  deictic: 'counts from the day of writing, and the document gives neither a publication date nor an earlier absolute date',
  anaphoric: 'counts from an earlier date of the story, and the document gives none',
  clock: 'a clock time names no day',
};

/** A chrono result's shape that the stage reads (also built for "<part of day> of <date>"). */
interface Proposal {
  index: number;
  text: string;
  /** The text to read it again against another reference. */
  reading: string;
  start: chrono.ParsingComponents;
}

function proposals(text: string, instant: Date): Proposal[] {
  const out: Proposal[] = [];
  for (const r of parse(text, instant)) {
    // chrono reads "the morning of 3 March 2023" as a bare part of day: the date after "of" is the date.
    const part = PART_OF_DAY.exec(r.text);
    if (part) {
      const inner = parse(r.text.slice(part[0].length), instant)[0];
      if (inner && inner.index === 0) {
        out.push({ index: r.index, text: r.text.slice(0, part[0].length) + inner.text, reading: inner.text, start: inner.start as chrono.ParsingComponents });
        continue;
      }
    }
    out.push({ index: r.index, text: r.text, reading: r.text, start: r.start as chrono.ParsingComponents });
  }
  return out;
}

/** The date chrono gives `text` against `reference`, when it reads it at its start. */
function dateAt(text: string, reference: string): string | null {
  const r = parse(text, instantOf(reference))[0];
  return r && r.index === 0 ? iso(r.start.date()) : null;
}

function candidates(text: string, published: string | undefined): Candidate[] {
  const instant = published ? instantOf(published) : NO_REFERENCE;
  const narrative = findNarrative(text);
  const out: Candidate[] = narrative.map((n) => ({
    start: n.start,
    end: n.end,
    kind: 'anaphoric' as const,
    precision: n.unit,
    weekday: false,
    at: (reference: string) => {
      const v = shiftDate(reference, n.unit, n.offset);
      return n.unit === 'week' ? isoMonday(v) : startOf(v, n.unit);
    },
  }));
  for (const r of proposals(text, instant)) {
    let start = r.index;
    let end = start + r.text.length;
    const raw = text.slice(start, end).replace(TRAILING, '');
    end = start + raw.length;
    if (!raw || DROP.has(raw.toLowerCase())) continue;
    if (narrative.some((n) => n.start < end && start < n.end)) continue;
    const known = (c: chrono.Component) => r.start.isCertain(c);
    const dated = known('day') || known('weekday') || known('month') || known('year');
    // A bare number pair ("200 to 400") is not a clock time.
    if (!dated && !/[:.]\d\d|[ap]\.?m\b|o'clock|\b(?:day|week|month|year)s?\b/i.test(raw)) continue;
    // Durations ("for several months", "within two weeks") are not points in time.
    if (/^(?:on\s+)?(?:for|within|during)\b/i.test(raw)) continue;
    // Abbreviated weekdays ("Sat down", "Wed") are too often other words.
    const weekdayOnly = known('weekday') && !known('day');
    if (weekdayOnly && !/(sun|mon|tues|wednes|thurs|fri|satur)day/i.test(raw)) continue;
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
    if (before && PREFIXES.has(before[1].toLowerCase()) && !/^(on|this|next|last|since|until|by|from)\b/i.test(raw)) {
      start -= before[0].length;
    }
    const phrase = text.slice(start, end);
    // A calendar week ("this week", "last week", "earlier in the week") is dated by its ISO Monday; chrono's own
    // reading starts weeks on Sunday or reads "in the week" as "in a week".
    const week = CALENDAR_WEEK.exec(phrase);
    if (week) {
      const offset = WEEK_OFFSETS.get(week[1].toLowerCase().replace(/\s+/g, ' ')) ?? 0;
      out.push({ start, end, kind: 'deictic', precision: 'week', weekday: false, at: (reference) => isoMonday(shiftDate(reference, 'week', offset)) });
      continue;
    }
    const within = WITHIN_CURRENT.exec(phrase);
    const reading = within ? `this ${within[1]}` : r.reading;
    const precision: DatePrecision = within ? (within[1].toLowerCase() as DatePrecision) : precisionOf(raw, known);
    if (weekdayOnly) {
      const weekday = WEEKDAYS.findIndex((d) => raw.toLowerCase().includes(d));
      const lead = text.slice(Math.max(0, start - 40), start).toLowerCase().split(/[^\p{L}']+/u).slice(-4);
      let direction: WeekdayDirection = 'past';
      if (/\bnext\b/i.test(phrase)) direction = 'next-week';
      else if (/\blast\b/i.test(phrase)) direction = 'last-week';
      else if (lead.some((w) => FUTURE.has(w))) direction = 'future';
      out.push({ start, end, kind: 'deictic', precision: 'day', weekday: true, at: (reference) => resolveWeekday(reference, weekday, direction) });
      continue;
    }
    if (!dated && !/\b(?:day|night|week|month|year)s?\b/i.test(raw)) {
      out.push({ start, end, kind: 'clock', precision, weekday: false, at: () => null });
      continue;
    }
    const value = iso(r.start.date());
    // An expression is absolute when its date does not move with the reference it is read against; one
    // without a digit cannot write its year, so it needs no second reading.
    const relative = Boolean(within) || !/\d/.test(raw) || dateAt(reading, iso(OTHER_REFERENCE)) !== value;
    const anaphoric = relative && !DEICTIC.test(raw) && ANAPHORIC.test(raw.replace(/^(?:earlier|later)\s+(?=in\b|this\b)/i, ''));
    const at = (reference: string) => {
      const v = reference === published && !within ? value : dateAt(reading, reference);
      return v && startOf(v, precision);
    };
    out.push({
      start,
      end,
      kind: !relative ? 'absolute' : anaphoric ? 'anaphoric' : 'deictic',
      precision,
      weekday: false,
      at,
      ...(relative ? {} : { absolute: startOf(value, precision) }),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One time expression of a sentence: its range in the sentence text, value (or null and why) and rule. */
export interface SentenceTime {
  start: number;
  end: number;
  value: string | null;
  precision?: DatePrecision;
  rule: string;
  unresolved?: string;
}

/**
 * Finds and resolves the time expressions of one sentence text against the publication date (if any) and what
 * the earlier sentences of the document left in `state` (updated in place). Exported for tests.
 */
export function timeExpressions(text: string, published: string | undefined, state: TimeState = {}): SentenceTime[] {
  const out: SentenceTime[] = [];
  for (const c of candidates(text, published)) {
    let value: string | null = null;
    let rule = c.weekday ? 'time/weekday' : 'time/unresolved';
    for (const resolver of RESOLVERS) {
      if (!resolver.kinds.includes(c.kind)) continue;
      const reference = resolver.reference(published, state);
      if (reference === undefined) continue;
      value = c.kind === 'absolute' ? (c.absolute ?? null) : c.at(reference);
      if (value) {
        rule = resolver.name + (c.weekday ? '-weekday' : '');
        break;
      }
    }
    if (value && c.precision === 'day') {
      state.lastDay = value;
      if (c.kind === 'absolute') state.lastAbsolute = value;
    }
    out.push({
      start: c.start,
      end: c.end,
      value,
      ...(value ? { precision: c.precision } : {}),
      rule,
      ...(value ? {} : { unresolved: UNRESOLVED[c.kind] }),
    });
  }
  return out;
}

/** The time stage. */
export const timeStage: Stage = {
  name: 'time',
  run(doc, ctx) {
    const published = publicationDate(doc, ctx.published);
    const times: TimeExpression[] = [];
    const state: TimeState = {};
    for (const s of doc.sentences) {
      const text = doc.view.text.slice(s.vStart, s.vEnd);
      for (const t of timeExpressions(text, published?.value, state)) {
        const span = doc.view.span(s.vStart + t.start, s.vStart + t.end, t.rule);
        // The dateline itself is the publication date, not an event time.
        if (published?.span && span.start < published.span.end && published.span.start < span.end) continue;
        times.push({ ...span, value: t.value, sentence: s.index, ...(t.precision ? { precision: t.precision } : {}), ...(t.unresolved ? { unresolved: t.unresolved } : {}) });
      }
    }
    return { ...doc, published, times };
  },
};
