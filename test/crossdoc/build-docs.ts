/**
 * Hand-built source documents for the cross-document tests: an article is written as sentences with the
 * claims they carry, and offsets are computed from the text so every evidence span is real.
 */
import type { Claim, ConflictEvent, Entity, Proposition } from '../../src/core/index.js';
import type { SourceDoc } from '../../src/crossdoc/index.js';

/** An entity of the test world. */
export interface TestEntity {
  id: string;
  kind: Entity['kind'];
  name: string;
  side?: string;
  lat?: number;
  lon?: number;
}

export const bakhmut: TestEntity = { id: 'geo:712165', kind: 'place', name: 'Bakhmut', lat: 48.59, lon: 38.0 };
export const kozinka: TestEntity = { id: 'geo:999', kind: 'place', name: 'Kozinka', lat: 50.45, lon: 35.55 };
export const maliar: TestEntity = { id: 'person:hanna-maliar', kind: 'person', name: 'Hanna Maliar', side: 'UA' };
export const prigozhin: TestEntity = { id: 'person:yevgeny-prigozhin', kind: 'person', name: 'Yevgeny Prigozhin', side: 'RU' };
export const mod: TestEntity = { id: 'org:ru-mod', kind: 'organization', name: 'Russian Defence Ministry', side: 'RU' };
export const isw: TestEntity = { id: 'org:isw', kind: 'organization', name: 'Institute for the Study of War', side: 'US' };

/** A claim to write into an article. */
export interface TestClaim {
  speaker: TestEntity | null;
  /** How the article writes the speaker. */
  as?: string;
  sentence: string;
  date?: string;
  proposition?: Omit<Proposition, 'place'> & { place?: TestEntity };
}

/** An article to build. */
export interface TestArticle {
  id: string;
  outlet: string;
  published: string | null;
  title?: string;
  claims?: TestClaim[];
  events?: { type: string; subType: string; place: TestEntity; sentence: string; date?: string; claim?: number }[];
  filler?: string;
}

/** Builds a source document whose claims and entity mentions index its input exactly. */
export function article(a: TestArticle): SourceDoc {
  let input = a.title ? `${a.title}\n\n` : '';
  const entities = new Map<string, { e: TestEntity; mentions: Entity['mentions'][number][] }>();
  const mention = (e: TestEntity, text: string, at: number) => {
    const slot = entities.get(e.id) ?? { e, mentions: [] };
    slot.mentions.push({ start: at, end: at + text.length, text, rule: 'test/mention', sentence: 0 });
    entities.set(e.id, slot);
  };
  const claims: Claim[] = [];
  for (const [n, c] of (a.claims ?? []).entries()) {
    const start = input.length;
    input += c.sentence + ' ';
    const end = start + c.sentence.length;
    const as = c.as ?? c.speaker?.name ?? null;
    if (c.speaker && as) {
      const at = input.indexOf(as, start);
      if (at >= 0 && at < end) mention(c.speaker, as, at);
    }
    const place = c.proposition?.place;
    if (place) {
      const at = input.indexOf(place.name, start);
      if (at >= 0 && at < end) mention(place, place.name, at);
      else mention(place, place.name, start);
    }
    const contentSpan = { start, end, text: input.slice(start, end), rule: 'test/claim' };
    claims.push({
      id: `${a.id}#c${n + 1}`,
      speaker: c.speaker?.id ?? null,
      speakerText: as,
      cue: 'said',
      start,
      end,
      content: c.sentence,
      contentSpan,
      date: c.date ?? null,
      proposition: c.proposition ? { ...c.proposition, place: place?.id } : undefined,
      sentence: n,
      rule: 'test/claim',
    });
  }
  const events: ConflictEvent[] = [];
  for (const [n, ev] of (a.events ?? []).entries()) {
    const start = input.length;
    input += ev.sentence + ' ';
    const at = input.indexOf(ev.place.name, start);
    mention(ev.place, ev.place.name, at >= 0 ? at : start);
    events.push({
      id: `${a.id}#e${n + 1}`, type: ev.type, subType: ev.subType, date: ev.date ?? null, place: ev.place.id,
      actors: [], fatalities: null, claims: ev.claim ? [`${a.id}#c${ev.claim}`] : [],
      start, end: start + ev.sentence.length, text: ev.sentence, sentence: n, rule: 'test/event',
    });
  }
  input += a.filler ?? '';
  return {
    id: a.id,
    outlet: a.outlet,
    published: a.published,
    title: a.title ?? null,
    input,
    text: input,
    entities: [...entities.values()].map(({ e, mentions }) => ({
      id: e.id, kind: e.kind, name: e.name, side: e.side, lat: e.lat, lon: e.lon, mentions,
    })),
    claims,
    events,
  };
}
