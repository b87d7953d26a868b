/**
 * Long lists in pages: the first page is drawn, "previous" / "next" redraw the list in place, so the page stays
 * short however many items the store holds.
 */
import { h, replace } from './dom.js';

/**
 * Draws `items` `size` at a time into a list element of `tag` (or into `into`, e.g. a table's tbody, shown as
 * `frame`), with a pager below when there is more than one page.
 */
export function paged<T>(
  items: readonly T[],
  size: number,
  render: (item: T, index: number) => Node,
  tag: 'ol' | 'ul' | 'div' = 'ul',
  cls = '',
  into?: { list: HTMLElement; frame: HTMLElement },
): HTMLElement {
  const list = into?.list ?? h(tag, { class: cls });
  const box = h('div', { class: 'paged' }, into?.frame ?? list);
  const pages = Math.max(1, Math.ceil(items.length / size));
  if (pages === 1) {
    items.forEach((it, i) => list.appendChild(render(it, i)));
    return box;
  }
  const status = h('span', { class: 'meta page-status' });
  const prev = h('button', { type: 'button', class: 'page-prev' }, '‹ previous');
  const next = h('button', { type: 'button', class: 'page-next' }, 'next ›');
  let page = 0;
  const draw = () => {
    const from = page * size;
    replace(list, ...items.slice(from, from + size).map((it, i) => render(it, from + i)));
    status.textContent = ` ${from + 1}–${Math.min(items.length, from + size)} of ${items.length} `;
    prev.disabled = page === 0;
    next.disabled = page === pages - 1;
    box.setAttribute('data-page', String(page + 1));
  };
  prev.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    draw();
  });
  next.addEventListener('click', () => {
    page = Math.min(pages - 1, page + 1);
    draw();
  });
  box.appendChild(h('nav', { class: 'pager', 'aria-label': 'pages' }, prev, status, next));
  draw();
  return box;
}

/**
 * "Showing the newest 20 of 143 events — more": how much of a list read from the API page by page is loaded, and a
 * button that loads the next page (`more` appends it and redraws the view); nothing when all of it is loaded.
 */
export function moreLine(shown: number, total: number, what: string, more: () => Promise<void>): HTMLElement | null {
  if (shown >= total) return null;
  const button = h('button', { type: 'button', class: 'more-items' }, 'more');
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'loading…';
    more().catch((error: Error) => {
      button.disabled = false;
      button.textContent = 'more';
      button.title = `could not load more: ${error.message}`;
    });
  });
  return h('p', { class: 'meta more-line', 'data-what': what }, `Showing the newest ${shown} of ${total} ${what} `, button);
}
