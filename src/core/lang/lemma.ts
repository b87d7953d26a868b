/**
 * A small rule-based lemmatiser: irregular forms from `data/irregular.json`, exceptions learnt from the tagger's
 * training data (shipped with the tagger model), then suffix rules by Penn tag. Input is lower-case.
 */
import irregular from './data/irregular.json' with { type: 'json' };

const PAST = new Map(Object.entries(irregular.past));
const PARTICIPLE = new Map(Object.entries(irregular.participle));
const PLURAL = new Map(Object.entries(irregular.plural));
const FORMS = new Map(Object.entries(irregular.forms));

// Stems after which a stripped "-ed"/"-ing" leaves out a final e (liberat-ed → liberate, captur-ed → capture).
const NEEDS_E = /(?:[^aeiou]at|iz|ys|[aeiou]r|[^aeiou]ir|v|[^s]c|[nr]g|[aeiou]u|dg|[bcdfgkptz]l|us|os|[aeiou]s|[nr]s|ut|[^aeiou]ot|[^aeiouslf]it|[aeiou][bdkpt]e?|[aeiou]in|[^aeiou]ag)$/;
const DOUBLE = /([bdgklmnprtz])\1$/;
const KEEP_DOUBLE = /(?:ll|ss|ff|zz|rr)$/;
const LL_DOUBLED = /[aeiou][^aeiou]*(?:[^s]trol|[^s]pel|cel|vel|bel|del|uel|nal|[^s]tal|ual)l$/;

function restoreStem(stem: string): string {
  if (stem.length < 2) return stem;
  if (DOUBLE.test(stem) && !KEEP_DOUBLE.test(stem)) return stem.slice(0, -1);
  // Stressed final -l doubled before -ed/-ing (controlled, patrolled, compelled, cancelled, travelled).
  if (LL_DOUBLED.test(stem)) return stem.slice(0, -1);
  if (stem.endsWith('e') || stem.endsWith('y') || stem.endsWith('w')) return stem;
  if (NEEDS_E.test(stem) && !/(?:er|en|on|it|et)$/.test(stem.slice(-2)) || /(?:[^aeiou]at|iz|ur|ys|dg|[^s]c|[nr]g|[aeiou]v|[^aeiou][ou]s)$/.test(stem)) return stem + 'e';
  return stem;
}

/** The lemma of a lower-case word by rule alone (no exception table). */
export function ruleLemma(w: string, xtag: string): string {
  const f = FORMS.get(w);
  if (f && (xtag[0] === 'V' || xtag === 'MD' || xtag === 'RB' || xtag === 'POS' && w !== "'s")) return f;
  if (w.endsWith("'") || w.endsWith('’')) return w;
  switch (xtag) {
    case 'NNS':
    case 'NNPS': {
      const irr = PLURAL.get(w);
      if (irr) return irr;
      if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
      if (w.length > 4 && /(?:ches|shes|xes|sses|zzes)$/.test(w)) return w.slice(0, -2);
      if (w.length > 2 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
      return w;
    }
    case 'VBZ':
      if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
      if (/(?:ches|shes|xes|sses|zzes|oes)$/.test(w)) return w.slice(0, -2);
      return w.length > 2 && w.endsWith('s') ? w.slice(0, -1) : w;
    case 'VBD':
    case 'VBN': {
      const irr = xtag === 'VBD' ? PAST.get(w) ?? PARTICIPLE.get(w) : PARTICIPLE.get(w) ?? PAST.get(w);
      if (irr) return irr;
      if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
      if (w.length > 3 && w.endsWith('ed')) return w.endsWith('eed') ? w.slice(0, -1) : restoreStem(w.slice(0, -2));
      return w;
    }
    case 'VBG':
      if (w.length > 4 && w.endsWith('ying') && w.length <= 5) return w.slice(0, -4) + 'ie';
      if (w.length > 4 && w.endsWith('ing')) return restoreStem(w.slice(0, -3));
      return w;
    case 'JJR':
    case 'RBR':
      if (w.length > 4 && w.endsWith('ier')) return w.slice(0, -3) + 'y';
      if (w.length > 4 && w.endsWith('er') && w !== 'other') return DOUBLE.test(w.slice(0, -2)) ? w.slice(0, -3) : w.slice(0, -2);
      return w;
    case 'JJS':
    case 'RBS':
      if (w.length > 5 && w.endsWith('iest')) return w.slice(0, -4) + 'y';
      if (w.length > 4 && w.endsWith('est')) return DOUBLE.test(w.slice(0, -3)) ? w.slice(0, -4) : w.slice(0, -3);
      return w;
    default:
      return w;
  }
}

/** A lemmatiser with an exception table (`form|xtag` → lemma) learnt where the rules are wrong. */
/** Base forms of the irregular verbs ("lay" is one, as well as the past of "lie"). */
const BASES = new Set(PAST.values());

/** True for an irregular past tense that is no verb's base form ("took", "retook"; not "hit", "cut", "lay"). */
export function isDistinctIrregularPast(lower: string): boolean {
  const base = PAST.get(lower) ?? (lower.startsWith('re') && lower.length > 4 ? PAST.get(lower.slice(2)) : undefined);
  return base !== undefined && !BASES.has(lower) && !(lower.startsWith('re') && BASES.has(lower.slice(2)));
}

/** True for an irregular past tense ("took", "retook", "fell"), with the prefix re- too. */
export function isIrregularPast(lower: string): boolean {
  if (PAST.has(lower)) return true;
  return lower.startsWith('re') && lower.length > 4 && PAST.has(lower.slice(2));
}

/** True for an irregular past or past participle ("took", "retook", "fallen"): a verb form, never a name. */
export function isIrregularVerbForm(lower: string): boolean {
  if (isIrregularPast(lower) || PARTICIPLE.has(lower)) return true;
  return lower.startsWith('re') && lower.length > 4 && PARTICIPLE.has(lower.slice(2));
}

export class Lemmatizer {
  private readonly exceptions = new Map<string, Map<string, string>>();
  constructor(exceptions: Record<string, string> = {}) {
    for (const [key, lemma] of Object.entries(exceptions)) {
      const bar = key.lastIndexOf('|');
      const tag = key.slice(bar + 1);
      let m = this.exceptions.get(tag);
      if (!m) this.exceptions.set(tag, (m = new Map()));
      m.set(key.slice(0, bar), lemma);
    }
  }

  lemma(w: string, xtag: string): string {
    const c = xtag.charCodeAt(0);
    // Only inflecting classes (N*, V*, J*, R*) can differ from the form.
    if (c !== 78 && c !== 86 && c !== 74 && c !== 82 && xtag !== 'MD' && xtag !== 'POS') return w;
    // The hand-written irregular plurals win over the learnt table (EWT keeps some plurals: "troops").
    if (xtag === 'NNS') {
      const irr = PLURAL.get(w);
      if (irr !== undefined) return irr;
    }
    const e = this.exceptions.get(xtag)?.get(w);
    if (e !== undefined) return e;
    return ruleLemma(w, xtag);
  }
}

/** Lemma → its irregular past and participle forms ("take" → took, taken), from the same table. */
const IRREGULAR_OF = new Map<string, Set<string>>();
for (const table of [PAST, PARTICIPLE]) {
  for (const [form, lemma] of table) {
    let s = IRREGULAR_OF.get(lemma);
    if (!s) IRREGULAR_OF.set(lemma, (s = new Set()));
    s.add(form);
  }
}

/**
 * Every inflection of the verb whose past or past participle is `form` (lower-case): base, third person, -ing,
 * past and participle ("established" → establish, establishes, establishing, established; "took" → take, takes,
 * taking, took, taken; "stopped" → stop, stops, stopping, stopped). Empty when `form` is no past form (a base, an
 * -ing form, a noun), so callers inflect only what they can read as a verb.
 */
export function verbForms(form: string): string[] {
  const irregular = PAST.get(form) ?? PARTICIPLE.get(form);
  let lemma: string;
  let ing: string;
  if (irregular) {
    lemma = irregular;
    if (lemma === 'be' || lemma === 'have' || lemma === 'do') return [];
    ing = lemma.endsWith('ie') ? `${lemma.slice(0, -2)}ying`
      : /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing`
      : /^[^aeiou]*[aeiou][bdgmnpt]$/.test(lemma) ? `${lemma}${lemma.slice(-1)}ing`
      : `${lemma}ing`;
  } else if (form.length > 4 && form.endsWith('ed')) {
    lemma = ruleLemma(form, 'VBD');
    // The past keeps the doubling and the dropped e the -ing form needs (stopped → stopping, moved → moving).
    ing = form.endsWith('ied') ? `${form.slice(0, -3)}ying` : `${form.slice(0, -2)}ing`;
  } else return [];
  const third = /(?:s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  return [...new Set([lemma, third, ing, form, ...(IRREGULAR_OF.get(lemma) ?? [])])];
}
