/** Flag checks shared by commands: dates and sizes, with errors that say how to fix them. */
import { UsageError } from './command.js';

/** Validates a `YYYY-MM-DD` flag value. */
export function parseDateFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Validates a positive number of megabytes and returns bytes. */
export function parseMegabytes(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`--${name} must be a positive number of megabytes, got "${value}"`);
  return Math.round(n * 1024 * 1024);
}
