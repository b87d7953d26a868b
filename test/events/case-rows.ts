/**
 * The CASE 2021 rows for the harnesses that run them through the pipeline (case-stage.ts, case-cv.ts): every row of
 * `eval/case2021/dev.tsv` in order (even rows are the development half, odd rows held-out, as in eval/events.ts),
 * the labels that are not ACLED conflict events, and the CASE code of each ACLED sub-type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import taxonomy from '../../src/stages/events/data/taxonomy.json' with { type: 'json' };

const SHARED = process.env.SITREP_SHARED ?? join(process.cwd(), '..', 'shared');
export const NON_CONFLICT = new Set(['DIPLO', 'ATTRIB', 'NATURAL_DISASTER', 'MAN_MADE_DISASTER', 'ORG_CRIME']);
export const codeOf = new Map(taxonomy.classes.filter((c) => c.acled).map((c) => [c.subType, c.code]));

export const caseRows: { id: string; text: string; gold: string }[] = readFileSync(join(SHARED, 'eval/case2021/dev.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [id, text, gold] = l.split('\t');
    return { id, text, gold: gold.trim() };
  });
