/** Moved to the desk module (`src/desk/store-desk.ts`); re-exported here so that older imports keep working. */
export * from '../desk/store-desk.js';
