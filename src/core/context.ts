/**
 * The context: outside resources (gazetteer, knowledge base, entity registry, options) passed to every stage,
 * so tests can hand in small ones. Loaded once per process, never per document.
 *
 * Stages add their own resources by module augmentation, so core stays free of stage types:
 *
 * ```ts
 * declare module '../../core/context.js' {
 *   interface Context { gazetteer?: Gazetteer }
 * }
 * ```
 */

/** Resources a stage may use. Each is optional so that stages degrade instead of failing. */
export interface Context {
  /** Publication date to use when a single input has none (`--published`), ISO `YYYY-MM-DD`. */
  published?: string;
}
