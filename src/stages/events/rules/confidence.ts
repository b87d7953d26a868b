/**
 * The confidence of an event: how sure the stage is that the happening occurred as typed and placed. An ordered
 * list of named adjustments to a base value; each that applies is recorded in the event's evidence, so an analyst
 * sees why an event is shown or held back. The desk shows events from 0.5 up; a placeless event or one made from
 * an ambiguous word alone stays below.
 */

/** What the adjustments look at. */
export interface ConfidenceInput {
  /** Lexicon weight of the predicate. */
  readonly weight: number;
  /** Score of the event's class in the sentence, and of the best other ACLED class. */
  readonly score: number;
  readonly rival: number;
  /** The predicate is ambiguous ("fighting", "mines") and needed an actor or conflict word beside it. */
  readonly needsActor: boolean;
  readonly placed: boolean;
  /** The place is a country or larger: reports name the country when they do not know where. */
  readonly coarse: boolean;
  /** How the place was found (`argument`, `list`, `locative-list`, `nearest`, `anaphora`, `none`). */
  readonly placeRule: string;
  /** Coordinated with the sentence's main predicate ("airstrikes, shelling and …"). */
  readonly coordinated: boolean;
}

interface Adjustment {
  readonly name: string;
  readonly delta: number;
  readonly applies: (c: ConfidenceInput) => boolean;
}

const BASE = 0.55;

/** The adjustments, in order. */
export const adjustments: readonly Adjustment[] = [
  { name: 'strong-predicate', delta: 0.1, applies: (c) => c.weight >= 4.5 },
  { name: 'ambiguous-predicate', delta: -0.1, applies: (c) => c.needsActor },
  { name: 'close-rival-class', delta: -0.1, applies: (c) => c.rival > 0 && c.rival >= c.score * 0.8 },
  { name: 'place-is-argument', delta: 0.15, applies: (c) => c.placeRule === 'argument' },
  { name: 'place-in-sentence', delta: 0.1, applies: (c) => c.placed && !['argument', 'anaphora', 'previous-sentences'].includes(c.placeRule) },
  { name: 'place-by-reference', delta: 0.05, applies: (c) => c.placeRule === 'anaphora' },
  { name: 'place-from-context', delta: -0.1, applies: (c) => c.placeRule === 'previous-sentences' },
  { name: 'no-place', delta: -0.25, applies: (c) => !c.placed },
  { name: 'country-level-place', delta: -0.2, applies: (c) => c.coarse },
];

/** The confidence (0.05–0.95) and the names of the adjustments that made it. */
export function confidenceOf(c: ConfidenceInput): { confidence: number; reasons: string[] } {
  let v = BASE;
  const reasons: string[] = [];
  for (const a of adjustments) {
    if (!a.applies(c)) continue;
    v += a.delta;
    reasons.push(`${a.name} ${a.delta > 0 ? '+' : ''}${a.delta}`);
  }
  return { confidence: Math.round(Math.min(0.95, Math.max(0.05, v)) * 100) / 100, reasons };
}

/**
 * Adjustments that depend on where the sentence stands in the document, not on the frame: applied after the
 * frame's own, in this order, and recorded the same way.
 */
export const documentAdjustments = {
  /** A sentence in a reporter's turn of a transcript ("Q Russia today claimed …"): hearsay put to an official. */
  'reporter-turn': -0.25,
  /** A country-level event placed by a follow-up sentence ("one of them landed in Kharkiv"): undoes country-level-place. */
  'place-from-follow-up': 0.2,
  /**
   * A local report of a country-wide strike wave (index.ts `waveLocal`: "Two people were killed in the Khmelnytskyi
   * region" after "Russia launched missile strikes on Ukraine"): the wave's event, placed, undoing its
   * country-level-place (+0.2) less an inferred predicate (−0.15).
   */
  'wave-local': 0.05,
  /**
   * An event backed off to the snippet classifier in a short document whose frames made none (index.ts
   * `classifierBackoff`): below the desk's 0.5 whatever the frame's own adjustments (at most 0.8).
   */
  'classifier-backoff': -0.35,
} as const;

/** Applies a document adjustment to a confidence and its reasons. */
export function adjust(confidence: number, reasons: readonly string[], name: keyof typeof documentAdjustments): { confidence: number; reasons: string[] } {
  const delta = documentAdjustments[name];
  return { confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence + delta)) * 100) / 100, reasons: [...reasons, `${name} ${delta}`] };
}
