/**
 * The knowledge base: well-known actors (people, organisations, weapon systems) with canonical names,
 * aliases in common transliterations, side, role and sub-kind. Loaded once from data files; it helps linking,
 * recognition never depends on it.
 */
import { readFile } from 'node:fs/promises';
import defaultKb from './data/kb.json' with { type: 'json' };

/** One knowledge-base entry. */
export interface KbEntry {
  /** Stable key, used in ids (`person:<id>`). */
  readonly id: string;
  readonly kind: 'person' | 'organization' | 'weapon';
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly side?: string;
  readonly role?: string;
  /** Organisation or weapon sub-kind. */
  readonly type?: string;
  /** Weapons whose name is also a common word (Javelin, Patriot) need a cue noun after them. */
  readonly needsCue?: boolean;
}

/** The loaded knowledge base. */
export interface KnowledgeBase {
  readonly entries: readonly KbEntry[];
}

const KINDS = new Set(['person', 'organization', 'weapon']);

/** Checks the shape of a knowledge-base file's content and throws a sentence saying what to fix. */
export function parseKb(data: unknown, source: string): KbEntry[] {
  const entries = (data as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) throw new Error(`knowledge base ${source}: expected an object with an "entries" array`);
  return entries.map((e, i) => {
    const entry = e as KbEntry;
    if (!entry || typeof entry.id !== 'string' || typeof entry.name !== 'string' || !KINDS.has(entry.kind)) {
      throw new Error(`knowledge base ${source}: entry ${i} needs string "id" and "name" and a kind person|organization|weapon`);
    }
    return entry;
  });
}

/** The built-in knowledge base (data/kb.json). */
export function builtinKb(): KnowledgeBase {
  return { entries: parseKb(defaultKb, 'data/kb.json') };
}

/** The built-in knowledge base plus the user's files (`--kb FILE`); a later entry with the same id replaces an earlier one. */
export async function loadKb(files: readonly string[] = []): Promise<KnowledgeBase> {
  const byId = new Map<string, KbEntry>();
  for (const e of builtinKb().entries) byId.set(`${e.kind}:${e.id}`, e);
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new Error(`knowledge base file ${file} cannot be read: check the path given to --kb`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`knowledge base file ${file} is not valid JSON`);
    }
    for (const e of parseKb(data, file)) byId.set(`${e.kind}:${e.id}`, e);
  }
  return { entries: [...byId.values()] };
}
