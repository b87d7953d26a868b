/**
 * Publication dates as readers find them (JSON Lines `published`, a feed item's `pubDate`/`updated`, an HTML
 * page's meta date, `--published`): one check, so that every reader refuses the same values with the same
 * sentence. A refused date is absent — the document is read as undated, which the time stage handles without
 * guessing — and the reader puts the reason on the document as a warning.
 */
import type { DatedValue, Message } from '../core/index.js';

/** How far past the clock a publication date may lie (time zones, a feed dated ahead): two days. */
export const FUTURE_TOLERANCE_DAYS = 2;

const DAY_MS = 86_400_000;
const ISO_HEAD = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;

/** A checked date: its ISO value, or why it is refused. */
export type PublishedCheck = { readonly value: string } | { readonly reason: string };

/** Is `y-m-d` a day of the calendar? */
function calendarDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Checks a publication date written `YYYY-MM-DD` (optionally followed by a time) — or, with `loose`, any form
 * `Date.parse` reads, as feeds write them ("Fri, 12 May 2023 10:00:00 GMT") — against the calendar and the clock.
 */
export function checkPublished(raw: string, now: Date = new Date(), loose = false): PublishedCheck {
  const text = raw.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let value: string | undefined;
  const iso = ISO_HEAD.exec(text);
  if (iso) {
    value = calendarDate(+iso[1], +iso[2], +iso[3]);
    if (!value) return { reason: `publication date "${shown}" is not a calendar date` };
  } else if (loose && !Number.isNaN(Date.parse(text))) {
    value = new Date(Date.parse(text)).toISOString().slice(0, 10);
  } else {
    return { reason: `publication date "${shown}" is not a date YYYY-MM-DD` };
  }
  const latest = new Date(now.getTime() + FUTURE_TOLERANCE_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (value > latest) return { reason: `publication date ${value} is in the future (today is ${now.toISOString().slice(0, 10)})` };
  return { value };
}

/**
 * A reader's publication date: the checked value with the reader's rule, or no date and a warning saying the
 * document is read as undated. `line` (JSON Lines, feed items) is kept on the warning for `file:line` reports.
 */
export function readPublished(raw: string | undefined, rule: string, options: { now?: Date; loose?: boolean; line?: number } = {}): {
  published?: DatedValue;
  warning?: Message;
} {
  if (raw === undefined || !raw.trim()) return {};
  const check = checkPublished(raw, options.now, options.loose);
  if ('value' in check) return { published: { value: check.value, rule } };
  const warning: Message & { line?: number } = {
    severity: 'warning',
    reason: `${check.reason}: ignored, the document is read as undated`,
    start: 0,
    end: 0,
    rule: `${rule}-refused`,
    ...(options.line ? { line: options.line } : {}),
  };
  return { warning };
}
