/**
 * The shipped tagger model (`data/tagger.bin.gz`), loaded once per process on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Lemmatizer } from './lemma.js';
import { Tagger, decodeModel } from './tagger.js';

const FILE = 'tagger.bin.gz';

/** The folder of the shipped model, beside the module or, from a build, in the sources. */
function modelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'data', FILE), join(here, '..', '..', '..', 'src', 'core', 'lang', 'data', FILE)];
  for (const file of candidates) if (existsSync(file)) return file;
  throw new Error(`lang: the tagger model is missing (looked in ${candidates.join(' and ')}); reinstall sitrep`);
}

let loaded: { tagger: Tagger; lemmatizer: Lemmatizer; header: Record<string, unknown> } | null = null;

/** The tagger and lemmatiser, loaded on first call. */
export function languageModel(): { tagger: Tagger; lemmatizer: Lemmatizer; header: Record<string, unknown> } {
  if (!loaded) {
    const { model, header } = decodeModel(gunzipSync(readFileSync(modelPath())));
    loaded = { tagger: new Tagger(model), lemmatizer: new Lemmatizer((header.lemmaExceptions ?? {}) as Record<string, string>), header };
  }
  return loaded;
}
