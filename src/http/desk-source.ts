/** Moved to the desk module (`src/desk/desk-source.ts`); re-exported here so that older imports keep working. */
export * from '../desk/desk-source.js';
