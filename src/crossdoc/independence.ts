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
 * Speaker texts that name nobody by themselves: an unresolved pronoun or a bare "reports" could be anyone, so
 * such a claim is vouched for only by the outlet that carries it.
 */
const ANONYMOUS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'reports', 'report', 'sources', 'source', 'officials', 'media']);

/**
 * The key of a claim's source: the speaker's entity id (stable across outlets and spelling variants),
 * else the folded speaker text, else the outlet itself when the claim is unattributed ("reports emerged").
 */
export function sourceKey(claim: Pick<Claim, 'speaker' | 'speakerText'>, outlet: string): string {
  if (claim.speaker) return claim.speaker;
  const folded = claim.speakerText ? foldName(claim.speakerText) : '';
  if (folded && !ANONYMOUS.has(folded)) return `text:${folded}`;
  return `outlet:${outlet}`;
}

/**
 * Merges speaker-text sources that name the same speaker more or less fully: "Malial" is the tail of
 * "Hannah Malial", so both are one source. Only a fallback for speakers not linked to an entity (once the entity
 * stage links them, their ids decide); a short name that ends two different longer ones stays apart, since we
 * cannot tell which one it is.
 */
export function mergeTextSources(keys: Iterable<string>): Map<string, string> {
  const texts = [...new Set(keys)].filter((k) => k.startsWith('text:'));
  const words = new Map(texts.map((k) => [k, k.slice(5).split(' ')]));
  const out = new Map<string, string>();
  for (const k of texts) {
    const w = words.get(k)!;
    const longer = texts.filter((o) => {
      const ow = words.get(o)!;
      return ow.length > w.length && w.every((x, i) => ow[ow.length - w.length + i] === x);
    });
    // The longest form is the canonical one; when the longer forms disagree beyond the shared tail, keep apart.
    const longest = longer.sort((a, b) => words.get(b)!.length - words.get(a)!.length)[0];
    if (longest && longer.every((o) => { const ow = words.get(o)!; const lw = words.get(longest)!; return ow.every((x, i) => lw[lw.length - ow.length + i] === x); })) {
      out.set(k, longest);
    }
  }
  return out;
}
