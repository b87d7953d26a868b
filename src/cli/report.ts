/**
 * Problem reports on the terminal: `file:line:col severity reason rule`, one line each, never a stack trace.
 */
import { lineColumn, type Message } from '../core/index.js';

/** Formats one problem of `path`; `input` (when known) turns the offset into line and column. */
export function formatProblem(path: string, m: Message & { line?: number }, input?: string): string {
  let where = path;
  if (m.line) where += `:${m.line}:1`;
  else if (input !== undefined && (m.start > 0 || m.end > 0)) {
    const { line, column } = lineColumn(input, m.start);
    where += `:${line}:${column}`;
  } else {
    // A problem of the whole file (unreadable, binary, skipped) keeps the file:line:col shape tools parse.
    where += ':1:1';
  }
  return `${where} ${m.severity} ${m.reason} ${m.rule}`;
}
