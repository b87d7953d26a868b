/**
 * Status of a proposition: `contested` when independent sources contradict each other, `corroborated` when at
 * least two independent sources say the same thing, `single-source` otherwise. Sources are counted by speaker,
 * not by article: the same speaker quoted by two outlets is one source. A claim whose speaker could not be
 * resolved (no entity and no side: an unresolved "he", "reports") is kept but counts as no source.
 */
import { agrees, contradicts, type Stance } from './stance.js';

/** The three statuses. */
export type Status = 'corroborated' | 'contested' | 'single-source';

/** Every status, for validation and documentation. */
export const STATUSES: readonly Status[] = ['contested', 'corroborated', 'single-source'];

/** Independent sources in total and per side (`unknown` for sources whose side the text does not give). */
export interface SourceCounts {
  readonly total: number;
  readonly bySide: Readonly<Record<string, number>>;
}

/** What status judging needs from a claim. */
export interface StanceRecord extends Stance {
  readonly source: string;
  readonly side: string | null;
  /** A claim whose speaker could not be resolved: kept on the proposition, never counted as a source. */
  readonly unresolved?: boolean;
}

/** The verdict on a set of claims about one proposition. */
export interface Judgement {
  readonly status: Status;
  readonly sources: SourceCounts;
  /** True when some contradiction runs between sources of different (or unknown) sides. */
  readonly acrossSides: boolean;
}

/** Counts independent sources, overall and per side. A source keeps the first side any of its claims gives. */
export function countSources(records: readonly Pick<StanceRecord, 'source' | 'side' | 'unresolved'>[]): SourceCounts {
  const sideOf = new Map<string, string>();
  for (const r of records) {
    if (r.unresolved) continue;
    const known = sideOf.get(r.source);
    if (known === undefined || (known === 'unknown' && r.side)) sideOf.set(r.source, r.side ?? 'unknown');
  }
  const bySide: Record<string, number> = {};
  for (const side of sideOf.values()) bySide[side] = (bySide[side] ?? 0) + 1;
  return { total: sideOf.size, bySide };
}

/** Judges the claims about one proposition of the given kind. */
export function judgeStatus(kind: string, all: readonly StanceRecord[]): Judgement {
  const sources = countSources(all);
  // Unresolved speakers are no sources: they neither contest nor corroborate.
  const records = all.filter((r) => !r.unresolved);
  let contested = false;
  let acrossSides = false;
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i];
      const b = records[j];
      // A speaker who changes their mind is not two sources disagreeing.
      if (a.source === b.source || !contradicts(kind, a, b)) continue;
      contested = true;
      if (a.side === null || b.side === null || a.side !== b.side) acrossSides = true;
    }
  }
  if (contested) return { status: 'contested', sources, acrossSides };
  // Corroboration needs two independent sources saying the same thing, not merely two sources.
  let best = 0;
  for (const a of records) {
    const agreeing = new Set(records.filter((b) => agrees(a, b)).map((b) => b.source));
    best = Math.max(best, agreeing.size);
  }
  return { status: best >= 2 ? 'corroborated' : 'single-source', sources, acrossSides: false };
}
