/** The seed articles through the real pipeline, as a desk snapshot, with the gazetteer the pipeline used. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc, type Doc } from '../../src/core/index.js';
import { DeskView } from '../../src/desk/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { gazetteerLookup, type AdminLookup } from '../../src/report/index.js';

export { SEEDS } from '../../scripts/shared-dir.js';
import { SEEDS } from '../../scripts/shared-dir.js';

/** The seed documents, their desk and an admin lookup over the full gazetteer. */
export async function seedDesk(): Promise<{ docs: Doc[]; view: DeskView; admin: AdminLookup }> {
  const ctx = await createContext();
  const docs = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => runPipeline(createDoc({ id: f, input: readFileSync(join(SEEDS, f), 'utf8'), format: 'text', origin: { path: f, source: f } }), ctx));
  if (!ctx.gazetteer) throw new Error('the pipeline context has no gazetteer');
  return { docs, view: new DeskView(docs), admin: gazetteerLookup(ctx.gazetteer) };
}
