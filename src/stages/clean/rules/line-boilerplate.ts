/**
 * Line rules: a line of view text that starts like page furniture ("Read more…", "Source link", "PHOTO: …")
 * is boilerplate. Patterns come from data/boilerplate.json and are compiled once at load.
 */
import data from '../data/boilerplate.json' with { type: 'json' };

/** A compiled line rule. */
export interface LineRule {
  readonly rule: string;
  readonly pattern: RegExp;
}

/** The line rules, compiled once. */
export const lineRules: readonly LineRule[] = data.lines.map((l) => ({
  rule: `clean/${l.name}`,
  pattern: new RegExp(l.pattern, 'iu'),
}));

/** The rule that marks `line` (already trimmed) as boilerplate, or undefined. */
export function matchLineRule(line: string): string | undefined {
  for (const r of lineRules) if (r.pattern.test(line)) return r.rule;
  return undefined;
}
