/**
 * The closed vocabularies the API filters on, so that a mistyped value is a 400 naming the allowed ones instead of
 * an empty list. Event types and sub-types are ACLED's codebook (6 types, 25 sub-event types).
 */
import { ACLED_TAXONOMY } from '../core/index.js';

export const EVENT_TYPES: readonly string[] = Object.keys(ACLED_TAXONOMY);
export const EVENT_SUBTYPES: readonly string[] = Object.values(ACLED_TAXONOMY).flat();

/** Proposition kinds of the extraction contract. */
export const PROPOSITION_KINDS = ['control', 'advance', 'encirclement', 'losses'] as const;
