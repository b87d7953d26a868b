/**
 * Format detection: by file extension first, then by the first characters of the decoded text.
 */

/** Formats a file can hold. */
export type FileFormat = 'text' | 'html' | 'feed' | 'jsonl' | 'json';

const BY_EXTENSION: Record<string, FileFormat> = {
  txt: 'text', text: 'text', md: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  rss: 'feed', atom: 'feed', xml: 'feed',
  jsonl: 'jsonl', ndjson: 'jsonl',
  json: 'json',
};

/** The format an extension names, or undefined for unknown ones. */
export function formatFromExtension(path: string): FileFormat | undefined {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? BY_EXTENSION[m[1].toLowerCase()] : undefined;
}

/** Extensions read when walking a folder; other files are listed as skipped, with the reason. */
export function isDocumentFile(path: string): boolean {
  return formatFromExtension(path) !== undefined;
}

/** The format of decoded `text` judged from its head, with `hint` (from the extension) preferred when plausible. */
export function sniffFormat(text: string, hint?: FileFormat): FileFormat {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
  if (hint === 'feed' && head.startsWith('<')) return 'feed';
  if (/^<!doctype html|^<html\b|<body\b|<head\b/.test(head)) return 'html';
  if (hint === 'json') return /^[[{]/.test(head) ? 'json' : 'text';
  if (hint) return hint === 'feed' ? 'text' : hint;
  if (head.startsWith('{') && /\}\s*(\n|$)/.test(text.slice(0, 65536))) return 'jsonl';
  if (/^<(div|p|article|section|h[1-6])\b/.test(head)) return 'html';
  return 'text';
}
