/**
 * Trains the part-of-speech tagger of `src/core/lang/` on Universal Dependencies English EWT and writes
 * `src/core/lang/data/tagger.bin.gz`. Not run in CI or at install; reproducible from the repository snapshot:
 *
 *   fetch github:UniversalDependencies/UD_English-EWT  (git snapshot; its train .conllu is built from
 *   not-to-release/sources/ in the order of not-to-release/file-lists/files.train)
 *   node --import tsx scripts/train-tagger.ts <dir with train.conllu, en_ewt-ud-dev.conllu, en_ewt-ud-test.conllu>
 *
 * Options (env): EPOCHS (default 8), PRUNE (minimum |averaged weight| kept, default 0.5), DICT_MIN and DICT_RATIO
 * (tag dictionary thresholds, default 20 and 0.99), SEED, OUT (model path).
 * Prints accuracy on dev and test (Penn and Universal tags) and the lemma accuracy; writes the model.
 * Tokens joined by a hyphen without spaces ("pro - Russian") are merged into one word tagged as its last part,
 * as the runtime tokenizer keeps hyphenated words whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FEATURE_COUNT, WordHashes, features } from '../src/core/lang/features.js';
import { Tagger, encodeModel, type TaggerModel } from '../src/core/lang/tagger.js';
import { Lemmatizer, ruleLemma } from '../src/core/lang/lemma.js';

interface Tok { form: string; lemma: string; upos: string; xpos: string }

function readConllu(file: string): Tok[][] {
  const out: Tok[][] = [];
  let sent: Array<Tok & { glue: boolean }> = [];
  const flush = () => {
    if (!sent.length) return;
    // Merge "a - b" written without spaces into one word "a-b" with b's tags.
    const merged: Tok[] = [];
    for (let i = 0; i < sent.length; i++) {
      const t = sent[i];
      if (t.xpos === 'HYPH' && t.form === '-' && merged.length && sent[i - 1].glue && t.glue && i + 1 < sent.length && /\w$/.test(sent[i - 1].form) && /^\w/.test(sent[i + 1].form)) {
        const prev = merged.pop()!;
        const next = sent[++i];
        merged.push({ form: prev.form + '-' + next.form, lemma: (prev.form + '-' + next.lemma).toLowerCase(), upos: next.upos, xpos: next.xpos });
        while (sent[i].glue && i + 2 < sent.length && sent[i + 1].form === '-' && sent[i + 1].glue && /^\w/.test(sent[i + 2].form)) {
          const last = merged.pop()!;
          const n2 = sent[i + 2];
          merged.push({ form: last.form + '-' + n2.form, lemma: (last.form + '-' + n2.lemma).toLowerCase(), upos: n2.upos, xpos: n2.xpos });
          i += 2;
        }
      } else merged.push(t);
    }
    out.push(merged);
    sent = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) { flush(); continue; }
    if (line[0] === '#') continue;
    const c = line.split('\t');
    if (!/^\d+$/.test(c[0])) continue;
    sent.push({ form: c[1], lemma: c[2], upos: c[3], xpos: c[4], glue: /SpaceAfter=No/.test(c[9]) });
  }
  flush();
  return out;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: train-tagger.ts <dir with train.conllu, en_ewt-ud-dev.conllu, en_ewt-ud-test.conllu>');
const EPOCHS = Number(process.env.EPOCHS ?? 8);
const PRUNE = Number(process.env.PRUNE ?? 0.5);
// Words seen at least DICT_MIN times with one label in at least DICT_RATIO of them are tagged by look-up.
const DICT_MIN = Number(process.env.DICT_MIN ?? 20);
const DICT_RATIO = Number(process.env.DICT_RATIO ?? 0.99);
let seed = Number(process.env.SEED ?? 1);
const rand = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5 | 0) >>> 0) / 4294967296;

const train = readConllu(join(dir, 'train.conllu'));
const dev = readConllu(join(dir, 'en_ewt-ud-dev.conllu'));
const test = readConllu(join(dir, 'en_ewt-ud-test.conllu'));
console.log(`train ${train.length} sentences ${train.reduce((n, s) => n + s.length, 0)} words; dev ${dev.length}; test ${test.length}`);

// Labels: XPOS|UPOS pairs seen at least 3 times; rarer pairs fall back to the commonest pair of their XPOS.
const pairCount = new Map<string, number>();
for (const s of train) for (const t of s) pairCount.set(`${t.xpos}|${t.upos}`, (pairCount.get(`${t.xpos}|${t.upos}`) ?? 0) + 1);
const labels = [...pairCount].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1]).map(([l]) => l);
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const byXpos = new Map<string, number>();
for (const l of labels) if (!byXpos.has(l.split('|')[0])) byXpos.set(l.split('|')[0], labelIndex.get(l)!);
const goldLabel = (t: Tok) => labelIndex.get(`${t.xpos}|${t.upos}`) ?? byXpos.get(t.xpos) ?? 0;
console.log(`${labels.length} labels`);

// Tag dictionary: frequent words with one label (Honnibal: freq >= 20, ambiguity <= 3%).
const wordLabels = new Map<string, Map<number, number>>();
for (const s of train) for (const t of s) {
  let m = wordLabels.get(t.form);
  if (!m) wordLabels.set(t.form, (m = new Map()));
  m.set(goldLabel(t), (m.get(goldLabel(t)) ?? 0) + 1);
}
const tagdict: Record<string, number> = {};
for (const [w, m] of wordLabels) {
  let total = 0, best = -1, bestN = 0;
  for (const [l, n] of m) { total += n; if (n > bestN) { best = l; bestN = n; } }
  if (total >= DICT_MIN && bestN / total >= DICT_RATIO) tagdict[w] = best;
}
console.log(`tag dictionary ${Object.keys(tagdict).length} words`);
const lowerCount = new Map<string, number>();
for (const s of train) for (const t of s) lowerCount.set(t.form.toLowerCase(), (lowerCount.get(t.form.toLowerCase()) ?? 0) + 1);
const vocabulary = [...lowerCount].filter(([, n]) => n >= 2).map(([w]) => w).sort();
const lowerLabels = new Map<string, Map<number, number>>();
for (const s of train) for (const t of s) {
  const k = t.form.toLowerCase();
  let m = lowerLabels.get(k);
  if (!m) lowerLabels.set(k, (m = new Map()));
  m.set(goldLabel(t), (m.get(goldLabel(t)) ?? 0) + 1);
}
const frequent = vocabulary.map((w) => [...lowerLabels.get(w)!].sort((a, b) => b[1] - a[1])[0][0]);
const lexicon = new Map(vocabulary.map((w, k) => [w, frequent[k]]));
console.log(`vocabulary ${vocabulary.length} words`);

// Averaged perceptron over hashed features; per feature a sparse list of (label, weight, total, timestamp).
interface Row { l: number[]; w: number[]; tot: number[]; ts: number[] }
const rows = new Map<number, Row>();
let step = 0;
function update(key: number, label: number, delta: number): void {
  let r = rows.get(key);
  if (!r) rows.set(key, (r = { l: [], w: [], tot: [], ts: [] }));
  let j = r.l.indexOf(label);
  if (j < 0) { j = r.l.length; r.l.push(label); r.w.push(0); r.tot.push(0); r.ts.push(step); }
  r.tot[j] += (step - r.ts[j]) * r.w[j];
  r.ts[j] = step;
  r.w[j] += delta;
}
const hw = new WordHashes();
const feats = new Int32Array(FEATURE_COUNT);
const scores = new Float64Array(labels.length);
const START = labels.length;

function predict(): number {
  scores.fill(0);
  for (let f = 0; f < FEATURE_COUNT; f++) {
    const r = rows.get(feats[f]);
    if (!r) continue;
    for (let j = 0; j < r.l.length; j++) scores[r.l[j]] += r.w[j];
  }
  let best = 0;
  for (let l = 1; l < scores.length; l++) if (scores[l] > scores[best]) best = l;
  return best;
}

function snapshot(): TaggerModel {
  const keys: number[] = [], rowLen: number[] = [], tags: number[] = [], weights: number[] = [];
  let maxAbs = 0;
  const avg = new Map<number, Array<[number, number]>>();
  for (const [key, r] of rows) {
    const kept: Array<[number, number]> = [];
    for (let j = 0; j < r.l.length; j++) {
      const a = (r.tot[j] + (step - r.ts[j]) * r.w[j]) / step;
      if (Math.abs(a) >= PRUNE) kept.push([r.l[j], a]);
      maxAbs = Math.max(maxAbs, Math.abs(a));
    }
    if (kept.length) avg.set(key, kept);
  }
  const scale = 32767 / maxAbs;
  for (const [key, kept] of avg) {
    keys.push(key);
    rowLen.push(kept.length);
    for (const [l, a] of kept) { tags.push(l); weights.push(Math.round(a * scale)); }
  }
  return { labels, tagdict, vocabulary, frequent, keys: Int32Array.from(keys), rowLen: Uint8Array.from(rowLen), tags: Uint8Array.from(tags), weights: Int16Array.from(weights) };
}

function evaluate(model: TaggerModel, data: Tok[][]): { xpos: number; upos: number; words: number; seconds: number } {
  const tagger = new Tagger(model);
  let ok = 0, uok = 0, n = 0;
  const forms = data.map((s) => s.map((t) => t.form));
  const outs = data.map((s) => new Uint8Array(s.length));
  const t0 = performance.now();
  for (let k = 0; k < data.length; k++) tagger.tag(forms[k], 0, forms[k].length, outs[k]);
  const seconds = (performance.now() - t0) / 1000;
  for (let k = 0; k < data.length; k++) data[k].forEach((t, i) => {
    n++;
    if (tagger.xtags[outs[k][i]] === t.xpos) ok++;
    if (tagger.utags[outs[k][i]] === t.upos) uok++;
  });
  return { xpos: ok / n, upos: uok / n, words: n, seconds };
}

const order = train.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let correct = 0, total = 0;
  for (const k of order) {
    const s = train[k];
    hw.ensure(s.length);
    s.forEach((t, i) => hw.set(i, t.form, lexicon.get(t.form.toLowerCase()) ?? -1));
    let p1 = START, p2 = START + 1;
    for (let i = 0; i < s.length; i++) {
      const gold = goldLabel(s[i]);
      let guess = tagdict[s[i].form];
      if (guess === undefined) {
        step++;
        features(hw, s.length, i, p1, p2, feats);
        guess = predict();
        if (guess !== gold) for (let f = 0; f < FEATURE_COUNT; f++) { update(feats[f], gold, 1); update(feats[f], guess, -1); }
      }
      if (guess === gold) correct++;
      total++;
      p2 = p1;
      p1 = guess;
    }
  }
  const msg = `epoch ${epoch}: train ${(correct / total * 100).toFixed(2)}% features ${rows.size}`;
  if (epoch >= EPOCHS - 4 || epoch % 3 === 0) {
    const d = evaluate(snapshot(), dev);
    console.log(`${msg}; dev XPOS ${(d.xpos * 100).toFixed(2)}% UPOS ${(d.upos * 100).toFixed(2)}%`);
  } else console.log(msg);
}

const model = snapshot();
const d = evaluate(model, dev);
const t = evaluate(model, test);
console.log(`final: rows ${model.keys.length} weights ${model.tags.length}`);
console.log(`dev  XPOS ${(d.xpos * 100).toFixed(2)}% UPOS ${(d.upos * 100).toFixed(2)}%`);
console.log(`test XPOS ${(t.xpos * 100).toFixed(2)}% UPOS ${(t.upos * 100).toFixed(2)}% (${t.words} words, ${Math.round(t.words / t.seconds)} words/s in the tagger alone)`);

// Lemma exceptions: forms of inflecting classes whose rule lemma differs from the commonest gold lemma.
const lemmaVotes = new Map<string, Map<string, number>>();
for (const s of train) for (const t of s) {
  if (!/^(?:N|V|J|R|MD)/.test(t.xpos)) continue;
  const key = `${t.form.toLowerCase()}|${t.xpos}`;
  let m = lemmaVotes.get(key);
  if (!m) lemmaVotes.set(key, (m = new Map()));
  const gold = t.xpos.startsWith('NNP') ? t.form.toLowerCase() === t.lemma.toLowerCase() + 's' ? t.lemma.toLowerCase() : t.form.toLowerCase() : t.lemma.toLowerCase();
  m.set(gold, (m.get(gold) ?? 0) + 1);
}
const lemmaExceptions: Record<string, string> = {};
for (const [key, m] of lemmaVotes) {
  const [form, xtag] = [key.slice(0, key.lastIndexOf('|')), key.slice(key.lastIndexOf('|') + 1)];
  const best = [...m].sort((a, b) => b[1] - a[1])[0][0];
  if (xtag.startsWith('NNP')) continue;
  if (ruleLemma(form, xtag) !== best) lemmaExceptions[key] = best;
}
const lemmatizer = new Lemmatizer(lemmaExceptions);
for (const [name, data] of [['dev', dev], ['test', test]] as const) {
  let ok = 0, okRule = 0, n = 0;
  for (const s of data) for (const tk of s) {
    if (!/^(?:N|V|J|R|MD)/.test(tk.xpos) || tk.xpos.startsWith('NNP')) continue;
    n++;
    if (lemmatizer.lemma(tk.form.toLowerCase(), tk.xpos) === tk.lemma.toLowerCase()) ok++;
    if (ruleLemma(tk.form.toLowerCase(), tk.xpos) === tk.lemma.toLowerCase()) okRule++;
  }
  console.log(`${name} lemma (gold tags, inflecting classes): ${(ok / n * 100).toFixed(2)}% (rules alone ${(okRule / n * 100).toFixed(2)}%), ${Object.keys(lemmaExceptions).length} exceptions`);
}

const out = process.env.OUT ?? join(process.cwd(), 'src/core/lang/data/tagger.bin.gz');
const bytes = gzipSync(encodeModel(model, {
  lemmaExceptions,
  source: 'Universal Dependencies English EWT (github:UniversalDependencies/UD_English-EWT), licence CC BY-SA 4.0',
  trained: { epochs: EPOCHS, prune: PRUNE, dictMin: DICT_MIN, dictRatio: DICT_RATIO, devXpos: d.xpos, testXpos: t.xpos, testUpos: t.upos },
}), { level: 9 });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length} bytes)`);
