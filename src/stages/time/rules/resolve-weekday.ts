/**
 * News weekdays: a bare weekday in a news report ("on Wednesday", "overnight Thursday") names the most recent
 * such day on or before the publication date, unless the words just before it look forward ("would withdraw
 * starting this Thursday", "next Monday"). chrono-node picks the closest day either way, which is wrong for
 * past-tense reporting; this rule replaces its value.
 */

const DAY_MS = 86_400_000;

/** Direction a weekday points from the reference date. */
export type WeekdayDirection = 'past' | 'future' | 'next-week' | 'last-week';

/**
 * The ISO date of `weekday` (0 = Sunday) relative to `reference` (ISO date) in `direction`:
 * `past` → on or before the reference; `future` → on or after; `next-week` → strictly after;
 * `last-week` → strictly before.
 */
export function resolveWeekday(reference: string, weekday: number, direction: WeekdayDirection): string {
  const ref = new Date(`${reference}T00:00:00Z`);
  const refDay = ref.getUTCDay();
  let delta: number;
  if (direction === 'past' || direction === 'last-week') {
    delta = -((refDay - weekday + 7) % 7);
    if (direction === 'last-week' && delta === 0) delta = -7;
  } else {
    delta = (weekday - refDay + 7) % 7;
    if (direction === 'next-week' && delta === 0) delta = 7;
  }
  return new Date(ref.getTime() + delta * DAY_MS).toISOString().slice(0, 10);
}
