/** Flag checks shared by commands: dates and sizes, with errors that say how to fix them. */
import { checkPublished } from '../ingest/published-date.js';
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

/** The flags every command that runs the pipeline takes (`extract`, `ingest`), for `parseArgs`. */
export const PIPELINE_FLAGS = {
  published: { type: 'string' },
  kb: { type: 'string', multiple: true },
  'max-mb': { type: 'string' },
} as const;

/** Help lines for {@link PIPELINE_FLAGS}. */
export function pipelineFlagsHelp(defaultMaxBytes: number): string {
  return `  --published YYYY-MM-DD  publication date for inputs that give none
  --kb FILE               extra knowledge-base file of known actors (repeatable)
  --max-mb N              largest single document in megabytes (default ${defaultMaxBytes / 1048576})`;
}

/** Validates `--published`: a calendar date, not in the future (the same check as every reader's). */
export function parsePublishedFlag(value: string | undefined, now?: Date): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--published must be a date YYYY-MM-DD, got "${value}"`);
  const check = checkPublished(value, now);
  if ('reason' in check) throw new UsageError(`--published: ${check.reason}; give the date the inputs were published`);
  return check.value;
}

/** Checked values of {@link PIPELINE_FLAGS}. */
export function pipelineSettings(
  values: { published?: string; kb?: string[]; 'max-mb'?: string },
  defaultMaxBytes: number,
): { published?: string; kbFiles?: string[]; maxBytes: number } {
  return {
    published: parsePublishedFlag(values.published),
    kbFiles: values.kb,
    maxBytes: parseMegabytes('max-mb', values['max-mb'], defaultMaxBytes),
  };
}
