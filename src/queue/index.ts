/** Ingest workers on PostgreSQL: the job queue (pg-boss), the worker loop, and the entity registry they share. */
export * from './queue.js';
export * from './shared-registry.js';
export * from './worker.js';
