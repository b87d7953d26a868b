/**
 * Stories: articles about the same happening, clustered across outlets. Two articles join when they were
 * published close in time and share rare entities and places and wording; clusters are the connected
 * components of that relation (single link), so a story grows as outlets pick it up.
 */
import { compareDates, dayNumber } from './dates.js';
import { cosine, inverseFrequencies, weightedJaccard, weightedVector, words, type Vector } from './similarity.js';
import type { SourceDoc } from './source-doc.js';

/** A story: its articles and outlets, first and last dates, and the entities it is about. */
export interface Story {
  /** The id of its earliest article, prefixed `story:`, so a story keeps its id as articles join it. */
  readonly id: string;
  /** Title of the earliest article with one. */
  readonly title: string | null;
  readonly docIds: readonly string[];
  readonly outlets: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  /** Entity ids named by the most articles of the story, most shared first. */
  readonly entities: readonly string[];
}

/** Options of {@link clusterStories}. */
export interface StoryOptions {
  /** Largest gap in publication days between two articles of one story (default 3: a news cycle). */
  readonly windowDays?: number;
  /** Smallest similarity, 0…1, for two articles to join (default 0.35). */
  readonly threshold?: number;
}

/** Words per article that go into the candidate index: its most distinctive ones. */
const TOP_WORDS = 12;

/**
 * Most articles a feature may link within one window of dates (or, for an undated article, in the corpus): a feature
 * shared by more ("Ukraine" in a week of war news) cannot make two articles one story, and following it would make the
 * work grow with the square of the corpus. Fixed, so that the work per article does not grow with the corpus.
 */
const MAX_POSTING = 50;

interface Item {
  doc: SourceDoc;
  entities: Set<string>;
  text: Vector;
  /** Days since 1970-01-01 of its publication date, or null when undated. */
  day: number | null;
}

/** Similarity of two articles: the mean of entity overlap and word cosine. */
function similarity(a: Item, b: Item, entityIdf: Map<string, number>): number {
  const e = a.entities.size && b.entities.size ? weightedJaccard(a.entities, b.entities, entityIdf) : 0;
  return (e + cosine(a.text, b.text)) / 2;
}

/**
 * Clusters articles into stories; newest story first. Linear in the corpus: candidates for an article come from an
 * inverted index over its heaviest words and its entities, only among articles within `windowDays` of it, and only
 * through features that link at most {@link MAX_POSTING} articles there.
 */
export function clusterStories(docs: readonly SourceDoc[], options: StoryOptions = {}): Story[] {
  const windowDays = options.windowDays ?? 3;
  const threshold = options.threshold ?? 0.35;
  const entitySets = docs.map((d) => new Set(d.entities.map((e) => e.id)));
  const wordLists = docs.map((d) => words(`${d.title ?? ''} ${d.text}`));
  const entityIdf = inverseFrequencies(entitySets);
  const wordIdf = inverseFrequencies(wordLists);
  const items: Item[] = docs.map((doc, i) => ({
    doc, entities: entitySets[i], text: weightedVector(wordLists[i], wordIdf), day: doc.published === null ? null : dayNumber(doc.published),
  }));

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const join = (i: number, j: number, needed: number) => {
    if (find(i) !== find(j) && similarity(items[i], items[j], entityIdf) >= needed) parent[find(i)] = find(j);
  };
  const keys = items.map((item) => {
    const heaviest = [...item.text].sort((a, b) => b[1] - a[1]).slice(0, TOP_WORDS).map(([w]) => `w:${w}`);
    return [...heaviest, ...[...item.entities].map((e) => `e:${e}`)];
  });
  // Postings of dated articles in date order, with where each article sits in each of its postings.
  const order = items.map((_, i) => i).filter((i) => items[i].day !== null).sort((a, b) => items[a].day! - items[b].day! || a - b);
  const dated = new Map<string, number[]>();
  const all = new Map<string, number[]>();
  const at = items.map(() => new Map<string, number>());
  for (const i of order) {
    for (const k of keys[i]) {
      const p = dated.get(k) ?? [];
      at[i].set(k, p.length);
      p.push(i);
      dated.set(k, p);
    }
  }
  items.forEach((_, i) => {
    for (const k of keys[i]) {
      const p = all.get(k) ?? [];
      p.push(i);
      all.set(k, p);
    }
  });
  for (const i of order) {
    // Later articles (in date order) within the window: each pair is looked at once, from its earlier article.
    const last = items[i].day! + windowDays;
    const candidates = new Set<number>();
    for (const k of keys[i]) {
      const p = dated.get(k)!;
      const from = at[i].get(k)! + 1;
      let to = from;
      while (to < p.length && items[p[to]].day! <= last && to - from <= MAX_POSTING) to++;
      if (to - from > MAX_POSTING) continue;
      for (let x = from; x < to; x++) candidates.add(p[x]);
    }
    for (const j of candidates) join(i, j, threshold);
  }
  // Without a date an article cannot be placed in a news cycle, so it joins only on much closer wording.
  items.forEach((item, i) => {
    if (item.day !== null) return;
    const candidates = new Set<number>();
    for (const k of keys[i]) {
      const p = all.get(k)!;
      if (p.length > MAX_POSTING) continue;
      for (const j of p) if (j !== i) candidates.add(j);
    }
    for (const j of candidates) join(i, j, Math.min(1, threshold * 2));
  });

  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(item);
    groups.set(root, list);
  });
  const stories = [...groups.values()].map((g) => makeStory(g, entityIdf));
  return stories.sort((a, b) => compareDates(b.to, a.to) || a.id.localeCompare(b.id));
}

function makeStory(items: Item[], entityIdf: Map<string, number>): Story {
  const sorted = [...items].sort((a, b) => compareDates(a.doc.published, b.doc.published) || a.doc.id.localeCompare(b.doc.id));
  const counts = new Map<string, number>();
  const mentions = new Map<string, number>();
  for (const item of sorted) {
    for (const e of item.entities) counts.set(e, (counts.get(e) ?? 0) + 1);
    for (const e of item.doc.entities) mentions.set(e.id, (mentions.get(e.id) ?? 0) + e.mentions.length);
  }
  const dates = sorted.map((i) => i.doc.published).filter((d): d is string => d !== null);
  return {
    id: `story:${sorted[0].doc.id}`,
    title: sorted.find((i) => i.doc.title)?.doc.title ?? null,
    docIds: sorted.map((i) => i.doc.id),
    outlets: [...new Set(sorted.map((i) => i.doc.outlet))],
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    // Shared by most articles first, then the most mentioned, then the rarest across the corpus.
    entities: [...counts]
      .sort((a, b) =>
        b[1] - a[1] || (mentions.get(b[0]) ?? 0) - (mentions.get(a[0]) ?? 0) ||
        (entityIdf.get(b[0]) ?? 0) - (entityIdf.get(a[0]) ?? 0) || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([id]) => id),
  };
}
