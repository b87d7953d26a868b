/**
 * Golden cases of the claims stage: each `test/claims/golden/<case>/input.txt` runs through the claims stage
 * alone (no entities, sentences or times, so the result depends on this stage only) and is compared with
 * `expected.json`, which shows the covered text next to every span so that a diff reads as words.
 *
 * Regenerate after a reviewed change: `node --import tsx test/claims/golden/golden.ts --write`.
 */
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../../../src/core/index.js';
import { claimsStage } from '../../../src/stages/claims/index.js';

/** The folder of the golden cases. */
export const goldenDir = dirname(fileURLToPath(import.meta.url));

/** Names of the golden cases. */
export function goldenCases(): string[] {
  return readdirSync(goldenDir).filter((f) => statSync(join(goldenDir, f)).isDirectory()).sort();
}

/** The readable result of one case. */
export function runCase(name: string): unknown {
  const input = readFileSync(join(goldenDir, name, 'input.txt'), 'utf8');
  const doc = claimsStage.run(createDoc({ id: name, input, format: 'text', published: { value: '2023-05-20', rule: 'golden' } }), {});
  // Through JSON so that absent fields compare the same as in expected.json.
  return JSON.parse(JSON.stringify(doc.claims.map((c) => ({
    speaker: c.speakerText,
    side: c.side ?? null,
    cue: c.cue,
    content: c.content,
    contentAt: [c.contentSpan.start, c.contentSpan.end],
    channel: c.channel ?? null,
    date: c.date,
    proposition: c.proposition ?? null,
    rule: c.rule,
  }))));
}

if (process.argv.includes('--write')) {
  for (const name of goldenCases()) writeFileSync(join(goldenDir, name, 'expected.json'), `${JSON.stringify(runCase(name), null, 2)}\n`);
}
