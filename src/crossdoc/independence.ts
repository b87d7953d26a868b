/**
 * Who counts as an independent source. The same speaker quoted by two outlets is one source, not two:
 * corroboration means that different people or bodies say the same thing, not that a wire story was reprinted.
 */
import type { Claim } from '../core/index.js';

/** Folds a name so that case, accents and punctuation do not split one speaker into several. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key of a claim's source: the speaker's entity id (stable across outlets and spelling variants),
 * else the folded speaker text, else the outlet itself when the claim is unattributed ("reports emerged").
 */
export function sourceKey(claim: Pick<Claim, 'speaker' | 'speakerText'>, outlet: string): string {
  if (claim.speaker) return claim.speaker;
  if (claim.speakerText && foldName(claim.speakerText)) return `text:${foldName(claim.speakerText)}`;
  return `outlet:${outlet}`;
}
