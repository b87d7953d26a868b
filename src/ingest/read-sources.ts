/**
 * Reading inputs: files, folders (recursively, document files only), and standard input (`-`). Each file yields
 * its documents and its problems; a file that cannot be read is one problem and the others go on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { DocInit, Message } from '../core/index.js';
import { decodeBytes } from './decode.js';
import { readFeed } from './read-feed.js';
import { readHtml } from './read-html.js';
import { readJsonl } from './read-jsonl.js';
import { readText } from './read-text.js';
import { formatFromExtension, isDocumentFile, sniffFormat } from './sniff.js';

/** What one input file gave: documents, and problems with a 1-based line where known. */
export interface SourceResult {
  readonly path: string;
  readonly docs: DocInit[];
  readonly problems: Array<Message & { line?: number }>;
}

/** Options for reading. */
export interface ReadOptions {
  /** Largest single document (text or HTML file, JSON Lines record) in bytes. */
  maxBytes?: number;
  /** Read when a path is `-`. */
  stdin?: NodeJS.ReadableStream;
  /** Publication date for inputs without one (`--published`). */
  published?: string;
}

/** Default per-document size limit: 20 MB, far above any article, below what would stall a batch. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function problem(reason: string, rule: string, severity: Message['severity'] = 'error', line?: number): Message & { line?: number } {
  return { severity, reason, rule, start: 0, end: 0, ...(line ? { line } : {}) };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (error as Error).message;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function* walk(dir: string): AsyncGenerator<string | { path: string; error: string }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, error: describeError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (isDocumentFile(e.name)) yield path;
  }
}

/** Turns the decoded text of one file into documents, by its sniffed format. */
export function readDecoded(text: string, encoding: string, path: string, id: string, extensionHint?: ReturnType<typeof formatFromExtension>, options: ReadOptions = {}): SourceResult {
  const format = sniffFormat(text, extensionHint);
  const origin = { path, encoding };
  const published = options.published ? { value: options.published, rule: 'ingest/option-published' } : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (format === 'jsonl') {
    const r = readJsonl(text, id, origin);
    const docs = r.docs.map((d) => (d.published || !published ? d : { ...d, published }));
    const problems: SourceResult['problems'] = r.errors.map((e) => ({ ...e.message, line: e.line }));
    const sized = docs.filter((d) => {
      if (d.input.length * 2 <= maxBytes) return true;
      problems.push(problem(`record ${d.id} is over the per-document limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb): skipped`, 'ingest/too-large', 'error', d.origin?.line));
      return false;
    });
    return { path, docs: sized, problems };
  }
  if (format === 'feed') {
    const r = readFeed(text, id, origin);
    return { path, docs: r.docs, problems: r.errors };
  }
  const base = { id, origin, published };
  const doc = format === 'html' ? readHtml(text, base) : readText(text, base);
  return { path, docs: [doc], problems: [] };
}

/** Reads one file (or `-` for standard input). */
export async function readSource(path: string, id: string, options: ReadOptions = {}): Promise<SourceResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    if (path === '-') {
      bytes = await readAll(options.stdin ?? process.stdin);
    } else {
      const info = await stat(path);
      if (info.isDirectory()) return { path, docs: [], problems: [problem('is a directory', 'ingest/read')] };
      const hint = formatFromExtension(path);
      if (info.size > maxBytes && hint !== 'jsonl') {
        return { path, docs: [], problems: [problem(`file is ${(info.size / 1048576).toFixed(1)} MB, over the per-document limit of ${(maxBytes / 1048576).toFixed(0)} MB; split it or raise --max-mb`, 'ingest/too-large')] };
      }
      bytes = await readFile(path);
    }
  } catch (error) {
    return { path, docs: [], problems: [problem(`cannot read: ${describeError(error)}`, 'ingest/read')] };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { path, docs: [], problems: [problem(decoded.reason, decoded.rule)] };
  const result = readDecoded(decoded.text, decoded.encoding, path, id, path === '-' ? undefined : formatFromExtension(path), options);
  if (decoded.warning) {
    for (const d of result.docs) d.messages = [...(d.messages ?? []), { severity: 'warning', reason: decoded.warning, start: 0, end: 0, rule: 'ingest/encoding' }];
  }
  return result;
}

function idFor(root: string, path: string): string {
  const rel = relative(root, path) || basename(path);
  return rel.slice(0, rel.length - extname(rel).length).split('\\').join('/');
}

/** Reads every input named by `paths` in order, folders recursively; yields one result per file. */
export async function* readSources(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceResult> {
  for (const p of paths) {
    if (p === '-') {
      yield await readSource('-', 'stdin', options);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (error) {
      yield { path: p, docs: [], problems: [problem(`cannot read: ${describeError(error)}`, 'ingest/read')] };
      continue;
    }
    if (!isDir) {
      yield await readSource(p, idFor(join(p, '..'), p), options);
      continue;
    }
    for await (const entry of walk(p)) {
      if (typeof entry !== 'string') yield { path: entry.path, docs: [], problems: [problem(`cannot read folder: ${entry.error}`, 'ingest/read')] };
      else yield await readSource(entry, idFor(p, entry), options);
    }
  }
}
