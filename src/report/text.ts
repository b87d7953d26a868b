/** Small wording helpers the report's renderers, the exports and the desk's Report view share (no imports: the browser bundle takes it as it is). */

/** `RU asserts` (a stance label) → `asserts RU control`. */
export function stanceText(stance: string, kind: string): string {
  const [holder, polarity] = stance.split(' ');
  return `${polarity} ${holder} ${kind}`;
}

/** The text with its first letter in upper case. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
