/**
 * Watching feeds and folders: polls RSS, Atom and JSON feeds over HTTP(S) with conditional GET, and folders by
 * content hash, and hands what is new to a sink (the pipeline and the store, here or through `sitrep serve`).
 * See docs/watch.md.
 */
export { backoffMs, MAX_BACKOFF_MS, runWatch, type RunWatchOptions, type WatchSummary } from './watcher.js';
export { feedSource, formatOfResponse, type FeedSourceOptions } from './feed-source.js';
export { folderSource, SETTLE_MS, type FolderSourceOptions } from './folder-source.js';
export { fetchFeed, retryAfterMs, shownUrl, type FetchResult, type Validators } from './fetch-feed.js';
export { itemHash, MAX_SEEN, Seen, shortHash } from './seen.js';
export type { PollContext, WatchSource } from './source.js';
export { WatchError, type WatchEvent, type WatchOutcome, type WatchSink, type WatchState } from './types.js';
