/**
 * The extraction JSON stored in `documents.extraction` and served by the API: the extraction contract itself
 * (src/contract.ts), so that what `sitrep extract` prints and what the store keeps cannot drift apart.
 */
export { toExtractJson as toExtractionJson, type ExtractJson as ExtractionJson } from '../contract.js';
