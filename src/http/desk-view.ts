/** Moved to the desk module (`src/desk/desk-view.ts`); re-exported here so that older imports keep working. */
export * from '../desk/desk-view.js';
