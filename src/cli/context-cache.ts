/**
 * One context per process for the same options: loading the gazetteer and knowledge base is the costly part of
 * start-up, and a process that runs several commands (the test suite, the server) should pay it once.
 */
import type { Context, ContextOptions } from '../core/index.js';
import { createContext } from '../pipeline.js';

const cache = new Map<string, Promise<Context>>();

/** The context for `options`, created on first use and shared afterwards within this process. */
export function sharedContext(options: ContextOptions): Promise<Context> {
  const key = JSON.stringify({ kb: options.kbFiles ?? [], published: options.published ?? null });
  let ctx = cache.get(key);
  if (!ctx) {
    ctx = createContext(options);
    cache.set(key, ctx);
    // A failed load (a bad --kb file) must not be remembered: the next call reports it again.
    ctx.catch(() => cache.delete(key));
  }
  return ctx;
}

/**
 * The shared context, or null after printing why it could not be loaded (an unreadable `--kb` file): one
 * sentence for the user, no stack trace.
 */
export async function loadContextOrReport(
  command: string,
  options: ContextOptions,
  stderr: NodeJS.WritableStream,
): Promise<Context | null> {
  try {
    return await sharedContext(options);
  } catch (error) {
    stderr.write(`sitrep ${command}: ${(error as Error).message}\n`);
    return null;
  }
}
