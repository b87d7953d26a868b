/**
 * Reading inputs: files, folders (recursively, document files only), and standard input (`-`). Each file yields
 * its documents and its problems; a file that cannot be read is one problem and the others go on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { DocInit, Message } from '../core/index.js';
import { decodeBytes } from './decode.js';
import { readFeed } from './read-feed.js';
import { looksLikeJsonFeed, readJsonFeed } from './read-json-feed.js';
import { readHtml } from './read-html.js';
import { readJsonl, readJsonlRecord } from './read-jsonl.js';
import { readText } from './read-text.js';
import { formatFromExtension, isDocumentFile, sniffFormat } from './sniff.js';

/** What one input file gave: documents, and problems with a 1-based line where known. */
export interface SourceResult {
  readonly path: string;
  readonly docs: DocInit[];
  readonly problems: Array<Message & { line?: number }>;
  /** Set when a folder walk did not read the file; `problems` holds the reason (severity info). */
  readonly skipped?: boolean;
  /** Set on the second and later parts of a large JSON Lines file read in parts ({@link STREAM_BYTES}). */
  readonly continued?: boolean;
}

/** JSON Lines files larger than this are read as a stream, in parts of {@link PART_DOCS} documents. */
export const STREAM_BYTES = 8 * 1024 * 1024;
/** Documents per part of a streamed file. */
const PART_DOCS = 256;

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

/** The rule of a `.json` file that holds data, not documents: an error when named, skipped (with a word) in a folder. */
export const NOT_DOCUMENTS = 'ingest/json-not-documents';

/** An entry of a folder walk: a document file to read, a folder that could not be read, or a file not read and why. */
export type WalkEntry = string | { path: string; error: string } | { path: string; skipped: string };

/** True when `path` (resolved) lies inside the folder `root` (resolved). */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Every file under `dir`, in name order: document files to read, and every other entry with the reason it is not
 * read (hidden, not a document format, a link leaving the folder), so nothing is skipped without a word. `root` is
 * the real path of the folder first walked (links leading outside it are not followed).
 */
export async function* walk(dir: string, root: string): AsyncGenerator<WalkEntry> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, error: describeError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.name === 'node_modules' || e.name === '.git') continue;
    if (e.name.startsWith('.')) {
      yield { path, skipped: `hidden ${e.isDirectory() ? 'folder' : 'file'}: not read (name it without the leading dot, or give it as an argument)` };
      continue;
    }
    if (e.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
      } catch (error) {
        yield { path, skipped: `broken symbolic link (${describeError(error)}): not followed` };
        continue;
      }
      if (!inside(root, target)) {
        yield { path, skipped: `symbolic link to ${target}, outside the folder: not followed` };
        continue;
      }
      if ((await stat(target)).isDirectory()) {
        yield { path, skipped: 'symbolic link to a folder: not followed (it may loop; give the folder as an argument)' };
        continue;
      }
    } else if (e.isDirectory()) {
      yield* walk(path, root);
      continue;
    } else if (!e.isFile()) {
      yield { path, skipped: 'not a regular file (device, socket or pipe): not read' };
      continue;
    }
    if (isDocumentFile(e.name)) yield path;
    else {
      const ext = extname(e.name);
      yield { path, skipped: `${ext ? `"${ext}" is not a document format` : 'no file extension'}: not read (documents are .txt, .md, .html, .xml/.rss/.atom, .jsonl, .json; name it .txt to read it as text)` };
    }
  }
}

/**
 * A `.json` file: one document object with "text", or an array of them. Each becomes a JSON Lines record, so the
 * two formats share one reader and its checks; errors name the array index (as `line`, 1-based).
 */
function readJsonFile(text: string, id: string, origin: { path: string; encoding: string }): { docs: DocInit[]; problems: SourceResult['problems'] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { docs: [], problems: [problem(`not valid JSON (${(error as Error).message})`, 'ingest/json')] };
  }
  const items = Array.isArray(value) ? value : [value];
  if (!items.length || !items.every((x) => x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { text?: unknown }).text === 'string')) {
    return { docs: [], problems: [problem('expected a document object with a "text" string, or an array of them (is this a data file rather than articles?)', NOT_DOCUMENTS)] };
  }
  const r = readJsonl(items.map((x) => JSON.stringify(x)).join('\n'), id, origin);
  const docs = r.docs.map((d) => (Array.isArray(value) ? d : { ...d, id: d.id === `${id}#1` ? id : d.id }));
  return { docs, problems: r.errors.map((e) => ({ ...e.message, start: 0, end: 0, line: e.line })) };
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
  if (format === 'json' && looksLikeJsonFeed(text)) {
    const r = readJsonFeed(text, id, origin);
    return { path, docs: r.docs, problems: r.errors };
  }
  if (format === 'json') {
    const r = readJsonFile(text, id, origin);
    return { path, docs: r.docs.map((d) => (d.published || !published ? d : { ...d, published })), problems: r.problems };
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
      if (info.size > maxBytes && hint !== 'jsonl' && hint !== 'json') {
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

/**
 * A large JSON Lines file, read as a stream of UTF-8 lines and yielded in parts, so that memory holds one part
 * whatever the size of the file. Line numbers count from the start of the file. Bytes that are not UTF-8 stop the
 * read at that offset with an error (the lines before are kept); smaller files take the full decoding of
 * {@link readSource} (BOMs, UTF-16, legacy encodings).
 */
async function* streamJsonl(path: string, id: string, options: ReadOptions): AsyncGenerator<SourceResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const published = options.published ? { value: options.published, rule: 'ingest/option-published' } : undefined;
  const origin = { path, encoding: 'utf-8' };
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let part: SourceResult = { path, docs: [], problems: [] };
  let parts = 0;
  let lineNumber = 0;
  let pending = '';
  let offset = 0;
  const take = (line: string) => {
    lineNumber++;
    if (!line.trim()) return;
    if (line.length * 2 > maxBytes) {
      part.problems.push(problem(`line ${lineNumber} is over the per-document limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb): skipped`, 'ingest/too-large', 'error', lineNumber));
      return;
    }
    const result = readJsonlRecord(line.replace(/\r$/, ''), lineNumber, `${id}#${lineNumber}`, origin);
    if (typeof result === 'string') part.problems.push(problem(result, 'ingest/jsonl', 'error', lineNumber));
    else part.docs.push(result.published || !published ? result : { ...result, published });
  };
  const flush = () => {
    const out = parts++ ? { ...part, continued: true } : part;
    part = { path, docs: [], problems: [] };
    return out;
  };
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        part.problems.push(problem(`bytes that are not UTF-8 after byte ${offset} (a large JSON Lines file is read as UTF-8): the rest of the file is not read; convert it to UTF-8`, 'ingest/encoding', 'error', lineNumber + 1));
        pending = '';
        break;
      }
      offset += bytes.length;
      pending += text;
      let nl: number;
      while ((nl = pending.indexOf('\n')) !== -1) {
        take(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        if (part.docs.length >= PART_DOCS) yield flush();
      }
      // A line without end larger than the limit is refused without holding it all.
      if (pending.length * 2 > maxBytes) {
        part.problems.push(problem(`line ${lineNumber + 1} is over the per-document limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb): the rest of the file is not read`, 'ingest/too-large', 'error', lineNumber + 1));
        pending = '';
        break;
      }
    }
  } catch (error) {
    part.problems.push(problem(`cannot read: ${describeError(error)}`, 'ingest/read'));
  }
  if (pending) take(pending);
  yield flush();
}

/** One file's documents: in parts for a large JSON Lines file ({@link streamJsonl}), else as one result. */
export async function* readParts(path: string, id: string, options: ReadOptions): AsyncGenerator<SourceResult> {
  if (path !== '-' && formatFromExtension(path) === 'jsonl') {
    const size = await stat(path).then((info) => info.size, () => 0);
    if (size > STREAM_BYTES) {
      yield* streamJsonl(path, id, options);
      return;
    }
  }
  yield await readSource(path, id, options);
}

/** The document id of a file read from a folder `root`: its path inside the folder, without the extension. */
export function idFor(root: string, path: string): string {
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
      yield* readParts(p, idFor(join(p, '..'), p), options);
      continue;
    }
    const root = await realpath(p);
    for await (const entry of walk(p, root)) {
      if (typeof entry === 'string') {
        for await (const result of readParts(entry, idFor(p, entry), options)) {
          // A data file beside the articles (a gold.json, a config) is not a failed document: list it and go on.
          if (!result.docs.length && result.problems.length === 1 && result.problems[0].rule === NOT_DOCUMENTS) {
            yield { ...result, problems: [{ ...result.problems[0], severity: 'info', reason: `JSON without documents ("text" fields): not read`, rule: 'ingest/skipped' }], skipped: true };
          } else yield result;
        }
      }
      else if ('error' in entry) yield { path: entry.path, docs: [], problems: [problem(`cannot read folder: ${entry.error}`, 'ingest/read')] };
      else yield { path: entry.path, docs: [], problems: [problem(entry.skipped, 'ingest/skipped', 'info')], skipped: true };
    }
  }
}
