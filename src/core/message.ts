/**
 * A message: a problem found in a document, reported with its position instead of thrown,
 * so that one bad document never stops a batch (the vfile model).
 */
export type Severity = 'error' | 'warning' | 'info';

/** A problem at a span of a document's input (`start`/`end` may both be 0 for whole-file problems). */
export interface Message {
  readonly severity: Severity;
  /** One sentence a user can act on. */
  readonly reason: string;
  readonly start: number;
  readonly end: number;
  /** The rule that raised it, `stage/rule-name`. */
  readonly rule: string;
}

/** Makes a message; `start`/`end` default to the whole-file position 0. */
export function makeMessage(severity: Severity, reason: string, rule: string, start = 0, end = start): Message {
  return { severity, reason, start, end, rule };
}

/** 1-based line and column of a UTF-16 offset, for `file:line:col` reports. */
export function lineColumn(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = input.indexOf('\n'); i !== -1 && i < offset; i = input.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}
