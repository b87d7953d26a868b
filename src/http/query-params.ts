/**
 * Validation of query parameters: each reader returns the value or throws an {@link HttpError} 400 naming the
 * parameter and what it should look like, so a client never gets a silently ignored filter.
 */
import { isIsoDate } from '../crossdoc/index.js';
import { HttpError } from './http-error.js';

/** Largest page a client may ask for; bigger pages would make one request hold the process up. */
export const MAX_LIMIT = 500;
/** Page size when the client gives none: a screenful; larger pages cost every request more to send and to read. */
export const DEFAULT_LIMIT = 20;

/** Sides that are not countries. */
const BLOCS = ['NATO', 'EU', 'UN', 'OSCE'] as const;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** True for a side value the desk can hold. */
export function isSide(v: string): boolean {
  if (v === 'other' || (BLOCS as readonly string[]).includes(v)) return true;
  if (!/^[A-Z]{2}$/.test(v)) return false;
  const name = regionNames.of(v);
  return name !== undefined && name !== v && name !== 'Unknown Region';
}

/** Reads query parameters of one request, rejecting unknown ones. */
export class QueryParams {
  constructor(private readonly params: Record<string, string>, allowed: readonly string[]) {
    for (const key of Object.keys(params)) {
      if (!allowed.includes(key)) {
        throw new HttpError(400, `unknown parameter "${key}"; this endpoint takes ${allowed.map((a) => `"${a}"`).join(', ')}`, key);
      }
    }
  }

  /** A trimmed non-empty string, or undefined when absent. */
  string(name: string, maxLength = 200): string | undefined {
    const v = this.params[name];
    if (v === undefined) return undefined;
    const t = v.trim();
    if (!t) throw new HttpError(400, `"${name}" must not be empty`, name);
    if (t.length > maxLength) throw new HttpError(400, `"${name}" must be at most ${maxLength} characters`, name);
    return t;
  }

  /** One of a fixed set of values. */
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      throw new HttpError(400, `"${name}" must be one of ${values.map((x) => `"${x}"`).join(', ')}, got "${v}"`, name);
    }
    return v as T;
  }

  /**
   * A side: an ISO 3166 country code (`UA`, `RU`, `US`; checked against the runtime's region names, so `XX` is
   * refused), an alliance or body that speaks as a side (`NATO`, `EU`, `UN`, `OSCE`), or `other`.
   */
  side(name: string): string | undefined {
    const v = this.string(name, 20);
    if (v === undefined) return undefined;
    if (!isSide(v)) {
      throw new HttpError(400, `"${name}" must be a country code such as "UA" or "RU", one of ${BLOCS.map((b) => `"${b}"`).join(', ')}, or "other"; got "${v}"`, name);
    }
    return v;
  }

  /** A calendar date `YYYY-MM-DD`. */
  date(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!isIsoDate(v)) throw new HttpError(400, `"${name}" must be a date YYYY-MM-DD, got "${v}"`, name);
    return v;
  }

  /** An integer within bounds. */
  integer(name: string, min: number, max: number): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw new HttpError(400, `"${name}" must be an integer from ${min} to ${max}, got "${v}"`, name);
    }
    return Number(v);
  }

  /** A bounding box `west,south,east,north` in degrees. */
  bbox(name: string): { west: number; south: number; east: number; north: number } | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const parts = v.split(',').map((p) => Number(p.trim()));
    const [west, south, east, north] = parts;
    const bad =
      parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) ||
      west < -180 || east > 180 || south < -90 || north > 90 || south > north || west > east;
    if (bad) throw new HttpError(400, `"${name}" must be west,south,east,north in degrees (e.g. 22,44,41,53), got "${v}"`, name);
    return { west, south, east, north };
  }

  /** `limit` and `offset` for pagination. */
  page(): { limit: number; offset: number } {
    return { limit: this.integer('limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT, offset: this.integer('offset', 0, 1_000_000_000) ?? 0 };
  }

  /** Checks `from` ≤ `to` when both are given. */
  range(fromName = 'from', toName = 'to'): { from?: string; to?: string } {
    const from = this.date(fromName);
    const to = this.date(toName);
    if (from && to && from > to) throw new HttpError(400, `"${fromName}" (${from}) is after "${toName}" (${to})`, fromName);
    return { from, to };
  }
}

/** Names of the pagination parameters, to list among an endpoint's allowed ones. */
export const PAGE_PARAMS = ['limit', 'offset'] as const;

/** A page of items with what a client needs to fetch the next. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Offset of the next page, or null on the last one. */
  readonly next: number | null;
}

/** A page of a query that counted its matches itself (the store's indexed SQL). */
export function pageOf<T>(found: { readonly items: readonly T[]; readonly total: number }, { limit, offset }: { limit: number; offset: number }): Page<T> {
  return { items: found.items, total: found.total, limit, offset, next: offset + limit < found.total ? offset + limit : null };
}

/** The JSON text of a page whose items are JSON texts already (see `Raw` in `desk/sql-desk.ts`). */
export function rawPage(found: { readonly items: readonly string[]; readonly total: number }, page: { limit: number; offset: number }): string {
  const { items: _items, ...rest } = pageOf({ items: [], total: found.total }, page);
  return `{"items":[${found.items.join(',')}],${JSON.stringify(rest).slice(1)}`;
}

/** Cuts one page out of all matching items. */
export function paginate<T>(all: readonly T[], { limit, offset }: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset, next: offset + limit < all.length ? offset + limit : null };
}
