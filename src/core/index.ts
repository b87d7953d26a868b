/** The core model: document, spans, messages, text view, stages. No I/O, no dependencies. */
export * from './span.js';
export * from './message.js';
export * from './text-view.js';
export * from './doc.js';
export * from './stage.js';
export * from './context.js';
export * from './lang/index.js';
export * from './search.js';
export * from './acled.js';
export * from './starting-point.js';
