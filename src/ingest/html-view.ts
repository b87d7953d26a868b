/**
 * The view of an HTML page: its readable text, built from the parser's text nodes with their source positions,
 * so that every view offset maps back to the HTML exactly as read. Entities are decoded as atomic pieces,
 * runs of whitespace become one space, and block elements become line breaks (so headlines and paragraphs are
 * lines, as in plain text). Optionally only the text nodes of the main content are kept.
 */
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { TextViewBuilder, type TextView } from '../core/index.js';

/** A text node of the page: its input range and its whitespace-collapsed, decoded text. */
export interface HtmlTextNode {
  readonly start: number;
  readonly end: number;
  /** Decoded text with whitespace collapsed, for alignment with an extracted article text. */
  readonly plain: string;
  /** Index of the block (paragraph-like element) the node lies in. */
  readonly block: number;
}

/** What a page holds besides its text: title, dates from metadata, and its text nodes. */
export interface HtmlPage {
  readonly nodes: readonly HtmlTextNode[];
  readonly title?: { value: string; start: number; end: number };
  readonly metaPublished?: string;
  readonly metaUrl?: string;
  readonly metaSource?: string;
  /** Deepest element nesting and number of elements: main-content extraction is skipped beyond a bound. */
  readonly maxDepth: number;
  readonly elements: number;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'nav', 'form', 'button', 'select', 'textarea', 'object', 'canvas', 'math']);
const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'blockquote', 'article', 'section', 'header', 'footer', 'aside', 'main', 'figure', 'figcaption', 'pre', 'hr', 'dd', 'dt', 'dl', 'address', 'body', 'title']);
const PUBLISHED_META = new Set(['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date']);
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/giy;
const WS = /\s/;

/** Parses `html` into text nodes and metadata. Never throws on malformed markup (the parser is forgiving). */
export function parseHtmlPage(html: string): HtmlPage {
  const nodes: HtmlTextNode[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let block = 0;
  let inTitle = false;
  let title: HtmlPage['title'];
  let metaPublished: string | undefined;
  let metaUrl: string | undefined;
  let metaSource: string | undefined;
  let maxDepth = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        elements++;
        if (stack.length > maxDepth) maxDepth = stack.length;
        if (name === 'title') inTitle = true;
        if (SKIP.has(name) && name !== 'head') skipDepth++;
        if (BLOCK.has(name)) block++;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = attrs.content ?? '';
          if (!metaPublished && PUBLISHED_META.has(key) && /^\d{4}-\d{2}-\d{2}/.test(content)) metaPublished = content.slice(0, 10);
          if (key === 'og:url' && content) metaUrl = content;
          if (key === 'og:site_name' && content) metaSource = content;
        }
        if (name === 'time' && !metaPublished && /^\d{4}-\d{2}-\d{2}/.test(attrs.datetime ?? '') && 'pubdate' in attrs) {
          metaPublished = attrs.datetime.slice(0, 10);
        }
        if (name === 'link' && attrs.rel === 'canonical' && attrs.href && !metaUrl) metaUrl = attrs.href;
      },
      onclosetag(name) {
        // Pop to the matching tag; the parser already balances implied closes.
        const at = stack.lastIndexOf(name);
        if (at !== -1) stack.length = at;
        if (name === 'title') inTitle = false;
        if (SKIP.has(name) && name !== 'head') skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK.has(name)) block++;
      },
      ontext(text) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (inTitle) {
          const value = decodeHTML(text).replace(/\s+/g, ' ').trim();
          if (value && !title) title = { value, start, end };
          return;
        }
        if (skipDepth > 0) return;
        const plain = decodeHTML(text).replace(/\s+/g, ' ');
        if (!plain.trim()) return;
        nodes.push({ start, end, plain, block });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { nodes, title, metaPublished, metaUrl, metaSource, maxDepth, elements };
}

/** Appends one text node to the view: verbatim runs, entities as atomic pieces, whitespace runs as one space. */
function appendNode(b: TextViewBuilder, html: string, start: number, end: number): void {
  let i = start;
  let run = start;
  while (i < end) {
    const c = html[i];
    if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(html);
      if (m && i + m[0].length <= end) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          b.verbatim(run, i);
          b.replaced(decoded === '\u00a0' ? ' ' : decoded, i, i + m[0].length);
          i += m[0].length;
          run = i;
          continue;
        }
      }
    } else if (WS.test(c)) {
      let j = i + 1;
      while (j < end && WS.test(html[j])) j++;
      // Text since `run` is still pending (not yet appended), so the builder's last char is not the one before i.
      const pending = run < i;
      const afterBreak = !pending && (b.size === 0 || b.lastChar === '\n' || b.lastChar === ' ');
      if (afterBreak) {
        // A space at the start of a line, or after a space, carries nothing.
        run = j;
      } else if (j - i > 1 || c !== ' ') {
        b.verbatim(run, i);
        b.replaced(' ', i, j);
        run = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  b.verbatim(run, end);
}

/** Builds the view of `html` from the selected text nodes; a new block starts a new line. */
export function buildHtmlView(html: string, nodes: readonly HtmlTextNode[]): TextView {
  const b = new TextViewBuilder(html);
  let lastBlock = -1;
  for (const node of nodes) {
    if (lastBlock !== -1 && node.block !== lastBlock && b.size > 0 && b.lastChar !== '\n') {
      b.replaced('\n', node.start, node.start);
    }
    lastBlock = node.block;
    appendNode(b, html, node.start, node.end);
  }
  return b.build();
}

/**
 * Keeps the text nodes that make up `articleText` (the main content found by Readability), matched in order.
 * Short nodes may only match near the current position, so that a stray word elsewhere in the page is not
 * pulled into the article.
 */
export function alignNodes(nodes: readonly HtmlTextNode[], articleText: string): HtmlTextNode[] {
  const article = articleText.replace(/\s+/g, ' ');
  const kept: HtmlTextNode[] = [];
  let at = 0;
  for (const node of nodes) {
    const needle = node.plain.trim();
    if (!needle) continue;
    const found = article.indexOf(needle, at);
    if (found === -1) continue;
    if (needle.length < 20 && found - at > 200) continue;
    kept.push(node);
    at = found + needle.length;
  }
  return kept;
}
