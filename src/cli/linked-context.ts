/**
 * The extraction context of a command that stores documents (`ingest`, `watch`): the process's shared context,
 * restored from the store's shared entity registry, and that registry, through which each document is linked in its
 * own transaction (docs/queue.md).
 */
import type { Context, ContextOptions } from '../core/index.js';
import { restoreContextState } from '../pipeline.js';
import { SharedRegistry } from '../queue/shared-registry.js';
import type { Store } from '../store/index.js';
import { loadContextOrReport } from './context-cache.js';

/** The context and registry, or null after printing why the context could not be loaded (a bad `--kb` file). */
export async function loadLinkedContextOrReport(
  command: string,
  store: Store,
  options: ContextOptions,
  stderr: NodeJS.WritableStream,
): Promise<{ ctx: Context; shared: SharedRegistry } | null> {
  const ctx = await loadContextOrReport(command, options, stderr);
  if (!ctx) return null;
  const shared = await SharedRegistry.open(store, { kbFiles: options.kbFiles });
  restoreContextState(ctx, shared.state());
  return { ctx, shared };
}
