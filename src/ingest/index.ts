/** Ingest: bytes → decoded text → documents, from text, HTML, RSS/Atom, JSON Lines, folders and stdin. */
export * from './decode.js';
export * from './sniff.js';
export * from './html-view.js';
export * from './read-text.js';
export * from './read-html.js';
export * from './read-jsonl.js';
export * from './read-feed.js';
export * from './read-json-feed.js';
export * from './read-sources.js';
export * from './published-date.js';
export * from './doc-init-json.js';
