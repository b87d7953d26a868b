/**
 * The document's entity mentions indexed by position, built once per entity list: the speaker rules ask, for every
 * claim, which mention overlaps a phrase and which entity of a kind was mentioned last before a point. Scanning
 * every mention for every claim made the claims stage quadratic in the length of a document.
 */
import { partitionPoint, type Entity } from '../../../core/index.js';

interface Placed {
  readonly start: number;
  readonly end: number;
  readonly entity: Entity;
}

/** Mentions sorted by start, overall and per entity kind. */
export class MentionIndex {
  private readonly all: Placed[];
  private readonly byKind = new Map<string, Placed[]>();
  private readonly longest: number;

  constructor(entities: readonly Entity[]) {
    this.all = entities.flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })));
    this.all.sort((a, b) => a.start - b.start);
    let longest = 0;
    for (const p of this.all) {
      longest = Math.max(longest, p.end - p.start);
      let list = this.byKind.get(p.entity.kind);
      if (!list) this.byKind.set(p.entity.kind, (list = []));
      list.push(p);
    }
    this.longest = longest;
  }

  /** Mentions overlapping `[start, end)`, in order of start. */
  overlapping(start: number, end: number): Placed[] {
    const out: Placed[] = [];
    for (let i = firstAtOrAfter(this.all, start - this.longest); i < this.all.length && this.all[i].start < end; i++) {
      if (this.all[i].end > start) out.push(this.all[i]);
    }
    return out;
  }

  /** The entity of one of `kinds` whose mention ending at or before `pos` starts last (ties: the first entity listed). */
  lastBefore(kinds: readonly string[], pos: number, accept: (e: Entity) => boolean): Entity | undefined {
    let best: Placed | undefined;
    for (const kind of kinds) {
      const list = this.byKind.get(kind);
      if (!list) continue;
      for (let i = firstAtOrAfter(list, pos) - 1; i >= 0; i--) {
        const p = list[i];
        if (best && p.start <= best.start) break;
        if (p.end <= pos && accept(p.entity)) {
          best = p;
          break;
        }
      }
    }
    return best?.entity;
  }
}

/** Index of the first item whose start is at or after `pos`. */
function firstAtOrAfter(list: readonly Placed[], pos: number): number {
  return partitionPoint(list, (p) => p.start >= pos);
}

const cache = new WeakMap<readonly Entity[], MentionIndex>();

/** The index of an entity list, built on first use. */
export function mentionIndex(entities: readonly Entity[]): MentionIndex {
  let index = cache.get(entities);
  if (!index) cache.set(entities, (index = new MentionIndex(entities)));
  return index;
}
