/**
 * Measures the shipped tagger on a UD .conllu file (EWT test): Penn and Universal tag accuracy, lemma accuracy,
 * words/s of the tagger alone (best of 5 passes) and the model's load time.
 *   node --import tsx scripts/measure-tagger.ts <en_ewt-ud-test.conllu>
 * Hyphenated words split by UD ("pro - Russian" without spaces) are merged as in training.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { languageModel } = await import('../src/core/lang/model.js');
const { tagger, lemmatizer } = languageModel();
const load = (performance.now() - t0) / 1000;

const file = process.argv[2];
if (!file) throw new Error('usage: measure-tagger.ts <file.conllu>');
interface Tok { form: string; lemma: string; upos: string; xpos: string; glue: boolean }
const sents: Tok[][] = [];
let cur: Tok[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) { if (cur.length) sents.push(cur); cur = []; continue; }
  if (line[0] === '#') continue;
  const c = line.split('\t');
  if (!/^\d+$/.test(c[0])) continue;
  const t = { form: c[1], lemma: c[2], upos: c[3], xpos: c[4], glue: /SpaceAfter=No/.test(c[9]) };
  const prev = cur[cur.length - 1];
  const prev2 = cur[cur.length - 2];
  if (prev && prev2 && prev.form === '-' && prev.xpos === 'HYPH' && prev.glue && prev2.glue && /\w$/.test(prev2.form) && /^\w/.test(t.form)) {
    cur.splice(-2, 2, { ...t, form: `${prev2.form}-${t.form}`, lemma: `${prev2.form}-${t.lemma}`.toLowerCase() });
  } else cur.push(t);
}
if (cur.length) sents.push(cur);

const forms: string[] = [];
const lowers: string[] = [];
const bounds: number[] = [0];
for (const s of sents) { for (const t of s) { forms.push(t.form); lowers.push(t.form.toLowerCase()); } bounds.push(forms.length); }
const out = new Uint8Array(forms.length);
let best = Infinity;
let bestCpu = Infinity;
for (let pass = 0; pass < 5; pass++) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  for (let k = 0; k + 1 < bounds.length; k++) tagger.tag(forms, bounds[k], bounds[k + 1], out, lowers);
  best = Math.min(best, (performance.now() - t) / 1000);
  const c1 = process.cpuUsage(c0);
  bestCpu = Math.min(bestCpu, (c1.user + c1.system) / 1e6);
}
let x = 0, u = 0, lem = 0, lemN = 0, i = 0;
for (const s of sents) for (const t of s) {
  const l = out[i++];
  if (tagger.xtags[l] === t.xpos) x++;
  if (tagger.utags[l] === t.upos) u++;
  if (/^(?:N|V|J|R|MD)/.test(t.xpos) && !t.xpos.startsWith('NNP')) {
    lemN++;
    if (lemmatizer.lemma(t.form.toLowerCase(), tagger.xtags[l]) === t.lemma.toLowerCase()) lem++;
  }
}
const n = forms.length;
console.log(`words ${n}, sentences ${sents.length}`);
console.log(`XPOS accuracy ${(x / n * 100).toFixed(2)}%  UPOS accuracy ${(u / n * 100).toFixed(2)}%`);
console.log(`lemma accuracy (predicted tags, inflecting classes except proper nouns) ${(lem / lemN * 100).toFixed(2)}%`);
console.log(`tagger words/s ${Math.round(n / best)} wall, ${Math.round(n / bestCpu)} per CPU second (best of 5); model load ${load.toFixed(3)} s`);
