/**
 * A folder watched by polling (recursively, the files `sitrep ingest DIR` reads, with the same document ids), or a
 * single file. A file is read again only when its size or modification time moved and its content hash changed;
 * of a file holding several documents (JSON Lines, a feed file) only the documents not seen with the same content
 * go to the sink, so a JSON Lines file that grows sends its new lines. A file modified within the last
 * {@link SETTLE_MS} is left for the next poll (it may still be being written), except in a single pass (`--once`).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { idFor, NOT_DOCUMENTS, readParts, walk, type WalkEntry } from '../ingest/index.js';
import { itemHash, Seen, shortHash } from './seen.js';
import type { PollContext, WatchSource } from './source.js';
import { WatchError } from './types.js';

/** A file left alone for this long after its last change before it is read. */
export const SETTLE_MS = 1000;

/** Documents remembered per file of several documents. */
const MAX_FILE_DOCS = 100_000;

/** What is remembered of one file. */
interface FileState {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The documents of a file holding several, as `[id, hash]` pairs. */
  docs?: unknown;
}

/** Options of {@link folderSource}. */
export interface FolderSourceOptions {
  /** Largest single document in bytes. */
  readonly maxBytes: number;
  /** Publication date for documents that give none (`--published`). */
  readonly published?: string;
  /** Override of {@link SETTLE_MS} (tests). */
  readonly settleMs?: number;
}

/** Documents handed on between two saves of the folder's state during one long pass. */
const SAVE_EVERY = 50;

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/** Watches the folder (or file) at `path`. */
export function folderSource(path: string, options: FolderSourceOptions): WatchSource {
  const settleMs = options.settleMs ?? SETTLE_MS;
  // Files the walk does not read are listed once per run, not at every poll.
  const listed = new Set<string>();
  let name = `dir:${path}`;
  const source: WatchSource = {
    get name() {
      return name;
    },
    label: path,
    async poll(ctx: PollContext) {
      let real: string;
      let isDir: boolean;
      try {
        real = await realpath(path);
        isDir = (await stat(real)).isDirectory();
      } catch (error) {
        throw new WatchError(`cannot read: ${describe(error)}`);
      }
      name = `dir:${real}`;
      const root = isDir ? path : dirname(path);
      const saved = ((await ctx.state.get(name)) ?? {}) as { files?: Record<string, FileState> };
      const before = saved.files ?? {};
      const files: Record<string, FileState> = {};
      let fresh = 0;
      let changed = false;
      const save = () => ctx.state.set(name, { files: { ...before, ...files } });
      const entries: AsyncIterable<WalkEntry> | WalkEntry[] = isDir ? walk(path, real) : [path];
      let complete = false;
      try {
        for await (const entry of entries) {
          if (ctx.signal.aborted) return;
          if (typeof entry !== 'string') {
            if ('error' in entry) ctx.report({ kind: 'problem', source: path, path: entry.path, message: { severity: 'error', reason: `cannot read folder: ${entry.error}`, start: 0, end: 0, rule: 'ingest/read' } });
            else if (!listed.has(entry.path)) {
              listed.add(entry.path);
              ctx.report({ kind: 'skipped', source: path, path: entry.path, reason: entry.skipped });
            }
            continue;
          }
          const rel = relative(root, entry);
          const prev = before[rel];
          let info;
          try {
            info = await stat(entry);
          } catch {
            continue; // removed since the walk listed it
          }
          if (prev && prev.size === info.size && prev.mtimeMs === info.mtimeMs) {
            files[rel] = prev;
            continue;
          }
          if (!ctx.once && Date.now() - info.mtimeMs < settleMs) {
            if (prev) files[rel] = prev;
            continue;
          }
          let hash: string;
          try {
            hash = shortHash(await readFile(entry));
          } catch (error) {
            ctx.report({ kind: 'problem', source: path, path: entry, message: { severity: 'error', reason: `cannot read: ${describe(error)}`, start: 0, end: 0, rule: 'ingest/read' } });
            continue;
          }
          changed = true;
          if (prev && prev.hash === hash) {
            files[rel] = { ...prev, size: info.size, mtimeMs: info.mtimeMs };
            continue;
          }
          const seen = Seen.fromJSON(prev?.docs, MAX_FILE_DOCS);
          let count = 0;
          for await (const part of readParts(entry, idFor(root, entry), { maxBytes: options.maxBytes, published: options.published })) {
            for (const message of part.problems) {
              // A data file beside the articles (a gold.json, a config) is not a failed document.
              if (message.rule === NOT_DOCUMENTS && !part.docs.length) ctx.report({ kind: 'skipped', source: path, path: entry, reason: 'JSON without documents ("text" fields): not read' });
              else ctx.report({ kind: 'problem', source: path, path: entry, message });
            }
            for (const init of part.docs) {
              if (ctx.signal.aborted) return;
              count++;
              const docHash = itemHash(init);
              if (seen.has(init.id, docHash)) continue;
              await ctx.deliver(init);
              seen.add(init.id, docHash);
              if (++fresh % SAVE_EVERY === 0) {
                files[rel] = { size: prev?.size ?? -1, mtimeMs: prev?.mtimeMs ?? -1, hash: prev?.hash ?? '', docs: seen };
                await save();
              }
            }
          }
          files[rel] = { size: info.size, mtimeMs: info.mtimeMs, hash, ...(count > 1 ? { docs: seen } : {}) };
        }
        complete = true;
      } finally {
        // Stopped or failed half-way: what was handed on is kept; files not reached keep their earlier state.
        if (!complete && changed) await save().catch(() => {});
      }
      const removed = Object.keys(before).some((rel) => !(rel in files));
      if (changed || removed) await ctx.state.set(name, { files });
      ctx.report({ kind: 'poll', source: path, result: fresh ? 'read' : 'unchanged', fresh });
    },
  };
  return source;
}
