/**
 * End to end over the seed articles through the whole pipeline: every gold control claim of
 * `fixtures/seeds/gold.json` is found with its speaker, side, place and proposition (kind, holder, polarity).
 * Claims or propositions disappearing fail this test; it never skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc } from '../../src/core/index.js';
import { createContext, runPipeline } from '../../src/pipeline.js';
import { SEEDS } from '../../scripts/shared-dir.js';


interface SeedGold {
  docs: Record<string, {
    persons?: { name: string; forms?: string[] }[];
    places?: { name: string; forms?: string[] }[];
    control_claims?: { speaker: string; side: string; says: string; place: string }[];
  }>;
}

const SAYS: Record<string, [string, string, string][]> = {
  captured: [['control', 'RU', 'asserts']],
  not_fully_captured: [['control', 'RU', 'denies']],
  ua_advance: [['advance', 'UA', 'asserts'], ['control', 'UA', 'asserts']],
  denies_breakthrough: [['advance', 'UA', 'denies']],
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']s\b/g, '');
/** True when the last word of a gold form is a word of the candidate ("Prigozhin" in "Yevgeny Prigozin"). */
const sameName = (candidate: string, form: string) => {
  const last = fold(form).split(/[^\p{L}]+/u).filter(Boolean).pop();
  return !!last && fold(candidate).split(/[^\p{L}]+/u).includes(last);
};

test('every gold control claim of the seeds: speaker, side, place and proposition', async () => {
  const gold = JSON.parse(readFileSync(join(SEEDS, 'gold.json'), 'utf8')) as SeedGold;
  const ctx = await createContext();
  let total = 0;
  const missed: string[] = [];
  for (const [file, g] of Object.entries(gold.docs)) {
    const doc = runPipeline(createDoc({ id: file, input: readFileSync(join(SEEDS, file), 'utf8'), format: 'text' }), ctx);
    const entity = new Map(doc.entities.map((e) => [e.id, e]));
    assert.ok(doc.claims.length > 0, `${file}: claims`);
    for (const item of g.control_claims ?? []) {
      total++;
      const speakerForms = [item.speaker, ...(g.persons?.find((p) => p.name === item.speaker)?.forms ?? [])];
      const placeForms = [item.place, ...(g.places?.find((p) => p.name === item.place)?.forms ?? [])];
      const hit = doc.claims.some((c) => {
        const names = [c.speakerText ?? '', c.speaker ? entity.get(c.speaker)?.name ?? '' : ''].filter(Boolean);
        if (!names.some((n) => speakerForms.some((f) => sameName(n, f))) || c.side !== item.side) return false;
        return (c.propositions ?? (c.proposition ? [c.proposition] : [])).some((p) => {
          const place = p.place ? entity.get(p.place) : undefined;
          const placeNames = place ? [place.name, ...place.mentions.map((m) => m.text)] : [];
          return SAYS[item.says].some(([k, h, pol]) => p.kind === k && p.holder === h && p.polarity === pol) && placeNames.some((n) => placeForms.some((f) => fold(n) === fold(f)));
        });
      });
      if (!hit) missed.push(`${file}: ${item.speaker} (${item.side}) ${item.says} ${item.place}`);
    }
  }
  assert.ok(total >= 5, 'the gold has its control claims');
  assert.deepEqual(missed, []);
});

test('every id a claim or proposition references is an entity of the extraction (seeds, whole pipeline)', async () => {
  const gold = JSON.parse(readFileSync(join(SEEDS, 'gold.json'), 'utf8')) as SeedGold;
  const ctx = await createContext();
  let places = 0;
  for (const file of Object.keys(gold.docs)) {
    const doc = runPipeline(createDoc({ id: file, input: readFileSync(join(SEEDS, file), 'utf8'), format: 'text' }), ctx);
    const ids = new Set(doc.entities.map((e) => e.id));
    for (const c of doc.claims) {
      if (c.speaker) assert.ok(ids.has(c.speaker), `${file}: speaker ${c.speaker} is no entity`);
      for (const p of c.propositions ?? (c.proposition ? [c.proposition] : [])) {
        if (!p.place) continue;
        places++;
        assert.ok(ids.has(p.place), `${file}: place ${p.place} of "${c.content.slice(0, 60)}" is no entity`);
      }
    }
  }
  assert.ok(places > 0, 'the seeds have propositions with a place');
});
