/**
 * The part-of-speech tagger: a greedy averaged perceptron (Collins 2002; Honnibal's "A good part-of-speech tagger
 * in about 200 lines") trained on Universal Dependencies English EWT (CC BY-SA 4.0) by `scripts/train-tagger.ts`.
 * Each label is a Penn tag with its Universal tag (`VBZ|AUX`). Weights are sparse and quantised to 16 bits; the
 * hot path hashes features into typed arrays and allocates nothing per word.
 */
import { FEATURE_COUNT, WordHashes, features, mix } from './features.js';

/** The model as shipped: labels, a frequent-word dictionary and sparse weights. */
export interface TaggerModel {
  /** `XPOS|UPOS` labels. */
  labels: string[];
  /** Words (exact form) that have one label in the training data, seen often: tagged without scoring. */
  tagdict: Record<string, number>;
  /** Lower-case words seen at least twice in training (the rest are "unknown" to the unknown-word features). */
  vocabulary: string[];
  /** The most frequent label of each vocabulary word, parallel to `vocabulary`. */
  frequent: number[];
  /** Feature keys, one per row. */
  keys: Int32Array;
  /** Non-zero weights per row. */
  rowLen: Uint8Array;
  /** Label number of each weight, rows in order. */
  tags: Uint8Array;
  /** Quantised weights, rows in order. */
  weights: Int16Array;
}

/** Templates that depend on the word alone (see features.ts), and the rest. */
const WORD_ONLY = [1, 2, 3, 4, 5, 6, 7, 8, 9, 25];
const CONTEXT: number[] = [];
for (let f = 1; f < FEATURE_COUNT; f++) if (!WORD_ONLY.includes(f)) CONTEXT.push(f);
/** Most word forms kept with their cached scores (about 350 bytes each). */
const WORD_CACHE = 30000;

/** What the tagger keeps of one word form (see `Tagger.formCache`). */
interface FormEntry {
  readonly dict: number;
  readonly hashes: Int32Array;
  own: Int32Array | null;
}

/** A trained tagger. */
export class Tagger {
  readonly labels: string[];
  readonly xtags: string[];
  readonly utags: string[];
  private readonly dict: Map<string, number>;
  private readonly lexicon: Map<string, number>;
  /** Open-addressing table, 2 ints per slot: the key, and its row as `first << 8 | length` in `packed`. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Weights of all rows, each `label << 16 | (weight & 0xffff)`: one array, one cache miss per row. */
  private readonly packed: Int32Array;
  private readonly hashes = new WordHashes();
  private readonly feats = new Int32Array(FEATURE_COUNT);
  private readonly scores: Int32Array;
  /**
   * What depends on the word form alone, by form: its tag-dictionary label (-1: none), its hashes (see
   * `WordHashes.save`) and, once scored, the summed scores of its word-only features. One look-up per word.
   */
  private readonly formCache = new Map<string, FormEntry>();
  /** The entries of the sentence being tagged. */
  private entries: FormEntry[] = [];
  /** Starting scores by (no hyphen ? 1 : 0) | (known ? 2 : 0). */
  private readonly starts: Int32Array[];

  constructor(model: TaggerModel) {
    this.labels = model.labels;
    this.xtags = model.labels.map((l) => l.split('|')[0]);
    this.utags = model.labels.map((l) => l.split('|')[1]);
    this.dict = new Map(Object.entries(model.tagdict));
    this.lexicon = new Map();
    for (let k = 0; k < model.vocabulary.length; k++) this.lexicon.set(model.vocabulary[k], model.frequent[k]);
    const n = model.keys.length;
    // Load factor at most 0.7: a smaller table misses the cache less often.
    let size = 1;
    while (size * 0.7 < n) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.packed = new Int32Array(model.tags.length);
    if (model.tags.length >= 1 << 23) throw new Error('lang: tagger model too large for its table');
    for (let j = 0; j < model.tags.length; j++) this.packed[j] = (model.tags[j] << 16) | (model.weights[j] & 0xffff);
    let at = 0;
    for (let r = 0; r < n; r++) {
      const key = model.keys[r];
      let s = key & this.mask;
      while (this.slots[2 * s] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = key;
      this.slots[2 * s + 1] = (at << 8) | model.rowLen[r];
      at += model.rowLen[r];
    }
    this.scores = new Int32Array(model.labels.length);
    // Features that take one constant value for most words (the bias; "no hyphen"; "known word" for the three
    // unknown-word templates) add the same vector every time: add it once, from four precomputed starts.
    const nl = model.labels.length;
    const vec = (key: number) => {
      const out = new Int32Array(nl);
      const row = this.slot(key);
      if (row >= 0) for (let j = row >>> 8; j < (row >>> 8) + (row & 0xff); j++) out[this.packed[j] >>> 16] += (this.packed[j] << 16) >> 16;
      return out;
    };
    const bias = vec(mix(0, 0));
    const noTail = vec(mix(9, 0));
    const known = [vec(mix(24, 0, 7)), vec(mix(25, 0, 7)), vec(mix(26, 0, 7))];
    this.starts = [0, 1, 2, 3].map((combo) => {
      const v = Int32Array.from(bias);
      for (let l = 0; l < nl; l++) {
        if (combo & 1) v[l] += noTail[l];
        if (combo & 2) v[l] += known[0][l] + known[1][l] + known[2][l];
      }
      return v;
    });
  }

  /** True when the lower-case word was seen at least twice in training. */
  isKnown(lower: string): boolean {
    return this.lexicon.has(lower);
  }

  /** True when the lower-case word was seen at least twice in training and most often as a proper noun. */
  isMostlyProper(lower: string): boolean {
    const l = this.lexicon.get(lower);
    return l !== undefined && this.xtags[l].startsWith('NNP');
  }

  /** Row of a feature key (`first << 8 | length` in `packed`), or -1. */
  private slot(key: number): number {
    const mask = this.mask;
    const slots = this.slots;
    let s = key & mask;
    for (;;) {
      const k = slots[2 * s];
      if (k === key) return slots[2 * s + 1];
      if (k === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  /** Adds the weights of one feature (by its hashed key) to `target`'s label scores; a feature never seen adds nothing. */
  private addFeature(key: number, target: Int32Array): void {
    const row = this.slot(key);
    if (row < 0) return;
    const packed = this.packed;
    const e = (row >>> 8) + (row & 0xff);
    for (let j = row >>> 8; j < e; j++) {
      const p = packed[j];
      target[p >>> 16] += (p << 16) >> 16;
    }
  }

  /** The label number of a Penn tag with its Universal tag, or -1. */
  labelOf(xtag: string, utag: string): number {
    for (let l = 0; l < this.labels.length; l++) if (this.xtags[l] === xtag && this.utags[l] === utag) return l;
    return -1;
  }

  /**
   * Tags the words `forms[from, to)` (one sentence), writing label numbers into `out[from, to)`. Where
   * `forced[i]` is a label (not -1), word `i` takes it and the words after it are tagged in its light.
   */
  tag(forms: readonly string[], from: number, to: number, out: Uint8Array | number[], lowers: readonly string[] = forms.map((f) => f.toLowerCase()), forced: ArrayLike<number> | null = null): void {
    const n = to - from;
    const hw = this.hashes;
    hw.ensure(n);
    const entries = this.entries;
    for (let i = 0; i < n; i++) {
      const form = forms[from + i];
      let e = this.formCache.get(form);
      if (e === undefined) {
        hw.set(i, form, this.lexicon.get(lowers[from + i]) ?? -1);
        e = { dict: this.dict.get(form) ?? -1, hashes: new Int32Array(11), own: null };
        hw.save(i, e.hashes);
        if (this.formCache.size >= WORD_CACHE) this.formCache.clear();
        this.formCache.set(form, e);
      } else hw.load(i, e.hashes);
      entries[i] = e;
    }
    const start = this.labels.length;
    let p1 = start;
    let p2 = start + 1;
    const feats = this.feats;
    const scores = this.scores;
    const nl = scores.length;
    for (let i = 0; i < n; i++) {
      const entry = entries[i];
      let best = forced === null ? entry.dict : forced[from + i] >= 0 ? forced[from + i] : entry.dict;
      if (best < 0) {
        features(hw, n, i, p1, p2, feats);
        const known = hw.known[i] === 1;
        // The features of the word alone (WORD_ONLY) sum to the same vector wherever it occurs: cached by form.
        let own = entry.own;
        if (own === null) {
          own = Int32Array.from(this.starts[(hw.tail[i] === 0 ? 1 : 0) | (known ? 2 : 0)]);
          for (const f of WORD_ONLY) {
            if ((f === 9 && hw.tail[i] === 0) || (f === 25 && known)) continue;
            this.addFeature(feats[f], own);
          }
          entry.own = own;
        }
        scores.set(own);
        for (let k = 0; k < CONTEXT.length; k++) {
          const f = CONTEXT[k];
          if ((f === 24 || f === 26) && known) continue;
          this.addFeature(feats[f], scores);
        }
        best = 0;
        for (let l = 1; l < nl; l++) if (scores[l] > scores[best]) best = l;
      }
      out[from + i] = best;
      p2 = p1;
      p1 = best;
    }
  }
}

/** Serialises a model: u32 header length, JSON header (labels, tagdict, counts, extra), then the typed arrays. */
export function encodeModel(model: TaggerModel, extra: Record<string, unknown> = {}): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ labels: model.labels, tagdict: model.tagdict, vocabulary: model.vocabulary, frequent: model.frequent, rows: model.keys.length, nnz: model.tags.length, ...extra }));
  const pad = (x: number) => (x + 3) & ~3;
  const h = pad(4 + header.length);
  const rows = model.keys.length;
  const nnz = model.tags.length;
  const total = h + rows * 4 + pad(nnz * 2) + pad(rows) + nnz;
  const buf = new Uint8Array(total);
  new DataView(buf.buffer).setUint32(0, header.length, true);
  buf.set(header, 4);
  let at = h;
  buf.set(new Uint8Array(model.keys.buffer, model.keys.byteOffset, rows * 4), at);
  at += rows * 4;
  buf.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, nnz * 2), at);
  at += pad(nnz * 2);
  buf.set(model.rowLen, at);
  at += pad(rows);
  buf.set(model.tags, at);
  return buf;
}

/** Reads a model written by {@link encodeModel} (little-endian platforms). */
export function decodeModel(buf: Uint8Array): { model: TaggerModel; header: Record<string, unknown> } {
  const bytes = new Uint8Array(buf.byteLength);
  bytes.set(buf);
  const len = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + len))) as { labels: string[]; tagdict: Record<string, number>; vocabulary: string[]; frequent: number[]; rows: number; nnz: number };
  const pad = (x: number) => (x + 3) & ~3;
  let at = pad(4 + len);
  const keys = new Int32Array(bytes.buffer, at, header.rows);
  at += header.rows * 4;
  const weights = new Int16Array(bytes.buffer, at, header.nnz);
  at += pad(header.nnz * 2);
  const rowLen = new Uint8Array(bytes.buffer, at, header.rows);
  at += pad(header.rows);
  const tags = new Uint8Array(bytes.buffer, at, header.nnz);
  return { model: { labels: header.labels, tagdict: header.tagdict, vocabulary: header.vocabulary, frequent: header.frequent, keys, rowLen, tags, weights }, header };
}
