/**
 * Who may change the store through the API. A web page the analyst happens to open can send "simple" requests
 * (a `text/plain` POST, no preflight) to a desk on localhost, and a DNS-rebinding page can even read its answers.
 * The guard therefore checks, before any route runs:
 *
 * - **Host** (every request, when the server knows its names): the `Host` header must name the address the server
 *   listens on (or `localhost` for a loopback server), so a rebound domain name gets nothing;
 * - **cross-site writes**: a write whose `Origin` is not the server's own, or that the browser marks as
 *   `Sec-Fetch-Site: cross-site`/`same-site`, is refused; clients that send neither (curl, the CLI) are let through;
 * - **read-only servers**: a server bound to a non-loopback address without a token refuses every write and says
 *   how to enable them.
 *
 * Each check is a named rule in an ordered list; the refusal names the rule, so an operator can see which one fired.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

/** What the guard knows about the server it protects. */
export interface GuardOptions {
  /** Host names (without port) a request may address; empty or absent: any (tests, embedding). */
  readonly allowedHosts?: readonly string[];
  /** When true, every write is refused (a network-facing server without a token). */
  readonly readOnly?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for the loopback names and addresses a local server answers to. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/** The host names a server listening on `bindHost` answers to; none (any) for a wildcard bind. */
export function hostsFor(bindHost: string): string[] | undefined {
  const h = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '0.0.0.0' || h === '::' || h === '') return undefined;
  return isLoopbackHost(h) ? ['localhost', '127.0.0.1', '::1', h] : [h];
}

/** The host name of a `Host` header or URL authority, without port and brackets. */
function hostName(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) return a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined);
  const colon = a.lastIndexOf(':');
  return colon > 0 && a.indexOf(':') === colon ? a.slice(0, colon) : a;
}

/** One check: returns the refusal, or null to let the request through. */
interface GuardRule {
  readonly name: string;
  check(c: Context, options: GuardOptions): HttpError | null;
}

const hostAllowed: GuardRule = {
  name: 'http/host-allowed',
  check(c, { allowedHosts }) {
    if (!allowedHosts?.length) return null;
    const host = c.req.header('host');
    if (host === undefined) return null;
    if (allowedHosts.includes(hostName(host))) return null;
    return new HttpError(403, `Host "${host}" is not an address of this server (DNS rebinding guard); use ${allowedHosts[0]}`);
  },
};

const readOnly: GuardRule = {
  name: 'http/read-only',
  check(c, options) {
    if (!options.readOnly || !WRITE_METHODS.has(c.req.method)) return null;
    return new HttpError(403, 'this server is read-only: it listens beyond this machine without a token; set SITREP_TOKEN to accept writes');
  },
};

const sameOrigin: GuardRule = {
  name: 'http/same-origin',
  check(c) {
    if (!WRITE_METHODS.has(c.req.method)) return null;
    const site = c.req.header('sec-fetch-site')?.toLowerCase();
    if (site === 'cross-site' || site === 'same-site') {
      return new HttpError(403, `writes from another site are refused (Sec-Fetch-Site: ${site})`);
    }
    const origin = c.req.header('origin');
    if (origin === undefined) return null;
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return new HttpError(403, `writes from origin "${origin}" are refused`);
    }
    if (originHost.toLowerCase() === host.toLowerCase()) return null;
    return new HttpError(403, `writes from origin "${origin}" are refused; only pages of this server (${host}) may write`);
  },
};

/** The checks in order: the host first (it protects reads too), then read-only, then the origin of writes. */
export const guardRules: readonly GuardRule[] = [hostAllowed, readOnly, sameOrigin];

/** The middleware: the first rule that refuses answers 403 with its reason and rule. */
export function writeGuard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    for (const rule of guardRules) {
      const refusal = rule.check(c, options);
      if (refusal) return c.json({ error: { ...refusal.toJSON().error, rule: rule.name } }, 403);
    }
    await next();
  };
}
