/**
 * End to end over the seed articles through the real pipeline: one contested proposition on control of
 * Bakhmut with both sides' claims, dated, with outlets and evidence; Maliar one entity across both articles.
 * Claims or propositions disappearing fails these tests (they never skip).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { groupPropositions, indexEntities, toSourceDoc } from '../../src/crossdoc/index.js';
import { SEEDS } from '../../scripts/shared-dir.js';


async function seedDocs() {
  const ctx = await createContext();
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => toSourceDoc(runPipeline(createDoc({ id: f, input: readFileSync(join(SEEDS, f), 'utf8'), format: 'text', origin: { path: f, source: f } }), ctx)));
}

const docs = await seedDocs();

test('the pipeline gives claims with propositions on both seed articles', () => {
  assert.equal(docs.length, 2, 'both seed articles are read');
  for (const d of docs) {
    assert.ok(d.claims.length >= 5, `${d.id}: claims`);
    assert.ok(d.claims.filter((c) => c.proposition).length >= 3, `${d.id}: propositions`);
  }
});

test('both seeds give one contested proposition on control of Bakhmut with both sides, dated and sourced', () => {
  const contested = groupPropositions(docs).filter((p) => p.kind === 'control' && /bakh?mut/i.test(p.placeName ?? '') && p.status === 'contested');
  assert.equal(contested.length, 1, 'one contested proposition on control of Bakhmut');
  const [p] = contested;
  assert.ok(p.claims.some((c) => c.side === 'RU'), 'a Russian-side claim');
  assert.ok(p.claims.some((c) => c.side === 'UA'), 'a Ukrainian-side claim');
  assert.ok(p.claims.some((c) => /prigo[zž]h?in|wagner/i.test(c.speakerName ?? '')), 'Wagner or Prigozhin speaks');
  assert.ok(p.claims.some((c) => /defen[cs]e|ministry/i.test(c.speakerName ?? '')), 'the Russian Defence Ministry speaks');
  assert.ok(p.claims.some((c) => /mali[ae]r|malial/i.test(c.speakerName ?? '')), 'Maliar speaks');
  for (const c of p.claims) {
    assert.ok(c.date, `claim ${c.claimId} has a date`);
    assert.ok(c.outlet, `claim ${c.claimId} has an outlet`);
    const doc = docs.find((d) => d.id === c.docId);
    assert.equal(doc?.input.slice(c.evidence.start, c.evidence.end), c.evidence.text);
  }
  const dates = p.claims.map((c) => c.date ?? '');
  assert.deepEqual(dates, [...dates].sort(), 'claims in date order');
});

test('Maliar is one entity across both seed articles', () => {
  const found = [...indexEntities(docs).values()].filter((e) => e.kind === 'person' && e.aliases.some((a) => /mali[ae]r|malial/i.test(a.text)));
  assert.equal(found.length, 1);
  assert.equal(found[0].docIds.length, 2);
});
