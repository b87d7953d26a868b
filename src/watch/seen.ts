/**
 * The items a source has already handed on, by id and a hash of their content, so that a poll sends only what is new
 * or changed: an item seen with the same content is skipped before extraction. Bounded: the oldest entries go first
 * beyond {@link MAX_SEEN} (an item that old and that returns is extracted again, and the store recognises it as a
 * duplicate by its content hash).
 */
import { createHash } from 'node:crypto';
import type { DocInit } from '../core/index.js';

/** Items remembered per source. */
export const MAX_SEEN = 5000;

/** A short hash of bytes or text (SHA-256, 16 hex digits). */
export function shortHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** The content hash of a read document: its title and input. */
export function itemHash(init: DocInit): string {
  return shortHash(`${init.title?.value ?? ''}\u0000${init.input}`);
}

/** Items seen, in the order last seen. */
export class Seen {
  private readonly map: Map<string, string>;

  constructor(entries: Iterable<readonly [string, string]> = [], private readonly max = MAX_SEEN) {
    this.map = new Map(entries as Iterable<[string, string]>);
  }

  /** Reads what {@link toJSON} wrote (anything else is an empty memory). */
  static fromJSON(value: unknown, max = MAX_SEEN): Seen {
    const entries = Array.isArray(value)
      ? value.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string')
      : [];
    return new Seen(entries, max);
  }

  /** True when the item with this id was seen with this content. */
  has(id: string, hash: string): boolean {
    return this.map.get(id) === hash;
  }

  /** Records the item as seen now (moving it to the newest end), dropping the oldest beyond the bound. */
  add(id: string, hash: string): void {
    this.map.delete(id);
    this.map.set(id, hash);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }

  /** `[id, hash]` pairs, oldest first. */
  toJSON(): Array<[string, string]> {
    return [...this.map];
  }
}
