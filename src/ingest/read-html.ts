/**
 * Reading an HTML page: Mozilla Readability (over linkedom's DOM) finds the main content; its text is aligned
 * with the text nodes of a position-keeping parse, so the view is the article text and every offset maps back
 * to the HTML as read. A page without an article body keeps all its visible text, with a warning.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeMessage, makeSpan, type DocInit, type Message } from '../core/index.js';
import { alignNodes, buildHtmlView, parseHtmlPage } from './html-view.js';
import { readPublished } from './published-date.js';
import { registerHtmlReader } from './markup-readers.js';

/**
 * Beyond these, Readability's cleaning (each element's text density over all its descendants) grows with the cube
 * of the nesting depth: 2,000 nested divs took two minutes. Real article pages stay far below both bounds.
 */
export const MAX_READABILITY_DEPTH = 100;
export const MAX_READABILITY_ELEMENTS = 40_000;

/** Reads one HTML page into a document. */
export function readHtml(html: string, base: Omit<DocInit, 'input' | 'format'>): DocInit {
  const page = parseHtmlPage(html);
  const messages: Message[] = [...(base.messages ?? [])];
  let article: { textContent?: string | null; title?: string | null; publishedTime?: string | null; siteName?: string | null } | null = null;
  const bounded = page.maxDepth <= MAX_READABILITY_DEPTH && page.elements <= MAX_READABILITY_ELEMENTS;
  if (!bounded) {
    messages.push(makeMessage(
      'warning',
      `page nested ${page.maxDepth} elements deep with ${page.elements} elements (bounds ${MAX_READABILITY_DEPTH} / ${MAX_READABILITY_ELEMENTS}): main-content extraction skipped, keeping all visible text`,
      'ingest/readability-skipped',
    ));
  } else {
    try {
      const { document } = parseHTML(html);
      article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    } catch (error) {
      messages.push(makeMessage('warning', `main-content extraction failed (${(error as Error).message}); keeping all visible text`, 'ingest/readability'));
    }
  }
  let nodes = page.nodes;
  if (article?.textContent && article.textContent.trim().length >= 200) {
    const kept = alignNodes(page.nodes, article.textContent);
    if (kept.length) nodes = kept;
  } else if (bounded) {
    messages.push(makeMessage('warning', 'no article body found in this HTML page; keeping all visible text', 'ingest/no-article'));
  }
  if (!nodes.length) messages.push(makeMessage('error', 'HTML page has no visible text', 'ingest/no-text'));
  const view = buildHtmlView(html, nodes);
  const title = page.title
    ? { value: page.title.value, span: makeSpan(html, page.title.start, page.title.end, 'ingest/html-title') }
    : article?.title
      ? { value: article.title }
      : undefined;
  let published = base.published;
  if (!published) {
    // Only ISO meta dates are read; a page's meta date that is not a calendar date or lies in the future is refused.
    const raw = page.metaPublished ?? article?.publishedTime ?? undefined;
    const meta = raw && /^\d{4}-\d{2}-\d{2}/.test(raw) ? readPublished(raw.slice(0, 10), 'ingest/html-meta-date') : {};
    published = meta.published;
    if (meta.warning) messages.push(meta.warning);
  }
  return {
    ...base,
    input: html,
    format: 'html',
    view,
    title: base.title ?? title,
    published,
    origin: { ...base.origin, url: base.origin?.url ?? page.metaUrl, source: base.origin?.source ?? page.metaSource ?? article?.siteName ?? undefined },
    messages,
  };
}

registerHtmlReader(readHtml);
