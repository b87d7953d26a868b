/**
 * Clauses over chunks: one per verb group, with boundaries at subordinators, relative pronouns, coordinating
 * conjunctions and clause punctuation; then subject, object, agent, negation, modality, tense, aspect, voice,
 * question and reported speech. Each decision is a named rule in an ordered list; the names applied are recorded
 * in `clause.rules`.
 */
import vocab from './data/clauses.json' with { type: 'json' };
import type { Chunk, Clause, Modality, Word } from './types.js';

const MODALS = new Map<string, Modality>(Object.entries(vocab.modals) as Array<[string, Modality]>);
const CATENATIVES = new Map<string, string | null>(Object.entries(vocab.catenatives));
const PREDICATIVES = new Map<string, string>(Object.entries(vocab.predicatives));
const NEGATORS = new Set(vocab.negators);
/** Words after a negator that make it a focus on more ("not only"), no negation. */
export const NOT_ONLY: ReadonlySet<string> = new Set(vocab.notOnly);
const NEGATOR_PAIRS = vocab.negatorPairs;
const SUBORDINATORS = new Set(vocab.subordinators);
const CONDITIONALS = new Set(vocab.conditionals);
const GERUND_NOUNS = new Map<string, string>(Object.entries(vocab.gerundNouns));
const MANDATIVES = new Set(vocab.mandatives);
const RELATIVES = new Set(vocab.relatives);
const SPEECH = new Set(vocab.speech);
const QUESTION_VERBS = new Set(vocab.questionVerbs);

/** What the clause rules see of one sentence. */
export interface SentenceView {
  readonly words: readonly Word[];
  readonly chunks: readonly Chunk[];
  readonly first: number;
  readonly end: number;
  /** Chunk indices of this sentence, `[chunkFirst, chunkEnd)`. */
  readonly chunkFirst: number;
  readonly chunkEnd: number;
  readonly sentence: number;
}

/** A clause under construction (the rules mutate it). */
export type ClauseDraft = Clause;

/** A clause rule: adjusts the clauses of one sentence (already in word order). */
export interface ClauseRule {
  readonly name: string;
  apply(s: SentenceView, clauses: ClauseDraft[]): void;
}

function note(c: ClauseDraft, rule: string): void {
  c.rules.push(rule);
}

function vgWords(s: SentenceView, c: ClauseDraft): Word[] {
  const out: Word[] = [];
  if (c.auxGroup >= 0) for (let k = s.chunks[c.auxGroup].first; k < s.chunks[c.auxGroup].end; k++) out.push(s.words[k]);
  if (c.verbGroup >= 0) for (let k = s.chunks[c.verbGroup].first; k < s.chunks[c.verbGroup].end; k++) out.push(s.words[k]);
  return out;
}

/** Inverted auxiliary: "Did Russia capture …", "Has Ukraine withdrawn …": the auxiliary joins the later verb. */
const invertedAux: ClauseRule = {
  name: 'lang/clause/inverted-aux',
  apply(s, clauses) {
    for (let k = 0; k + 1 < clauses.length; k++) {
      const a = clauses[k];
      const b = clauses[k + 1];
      const ag = s.chunks[a.verbGroup];
      const bg = s.chunks[b.verbGroup];
      const allAux = s.words.slice(ag.first, ag.end).every((w) => w.tag === 'AUX' || w.xtag === 'MD' || NEGATORS.has(w.fold));
      if (!allAux || s.words[bg.head].tag !== 'VERB') continue;
      // Only a noun phrase (the subject) between them, and the auxiliary opens its clause or follows a wh-word.
      const np = s.chunks.slice(s.chunkFirst, s.chunkEnd).findIndex((ch) => ch.kind === 'NP' && ch.first === ag.end && ch.end === bg.first);
      if (np < 0) continue;
      const before = ag.first - 1;
      // (A transcript's question label, "Q Has X fallen?", is a list marker: the auxiliary still opens the clause.)
      if (!(before < s.first || s.words[before].xtag.startsWith('W') || s.words[before].tag === 'PUNCT' || s.words[before].tag === 'CCONJ' || s.words[before].xtag === 'LS')) continue;
      clauses[k + 1] = { ...b, first: a.first, auxGroup: a.verbGroup, subject: s.chunkFirst + np, marker: a.marker, rules: [...a.rules, this.name] };
      clauses.splice(k, 1);
    }
  },
};

/** A verb group that is a bare participle ("soldiers armed with …", "retake lost ground", "close to capturing")
 * or a to-infinitive is non-finite: it modifies or complements another clause. */
const nonFinite: ClauseRule = {
  name: 'lang/clause/non-finite',
  apply(s, clauses) {
    for (const c of clauses) {
      const g = s.chunks[c.verbGroup];
      const first = s.words[g.first];
      const bare = g.end - g.first === 1 && (first.xtag === 'VBN' || first.xtag === 'VBG');
      if (bare || first.xtag === 'TO') {
        c.finite = false;
        note(c, this.name);
      }
    }
  },
};

/** Reduced relative: "soldiers armed with rocket launchers stood guard", "troops sent to the front were …": a
 * bare past form right after a noun, followed by a preposition, with another verb group later and no clause
 * boundary between them, is a participle modifying the noun, not the predicate. */
const reducedRelative: ClauseRule = {
  name: 'lang/clause/reduced-relative',
  apply(s, clauses) {
    for (let k = 0; k + 1 < clauses.length; k++) {
      const c = clauses[k];
      if (!c.finite) continue;
      const g = s.chunks[c.verbGroup];
      const v = s.words[g.first];
      if (g.end - g.first !== 1 || (v.xtag !== 'VBD' && v.xtag !== 'VBN') || g.first === s.first) continue;
      const prev = s.words[g.first - 1];
      if (prev.tag !== 'NOUN' && prev.tag !== 'PROPN') continue;
      if (g.end >= s.end || s.words[g.end].tag !== 'ADP') continue;
      const next = s.chunks[clauses[k + 1].verbGroup];
      let boundary = false;
      for (let j = g.end; j < next.first; j++) {
        const w = s.words[j];
        if (w.tag === 'PUNCT' || w.tag === 'CCONJ' || w.tag === 'SCONJ' || SUBORDINATORS.has(w.fold) && w.tag !== 'ADP') boundary = true;
      }
      if (boundary) continue;
      c.finite = false;
      note(c, this.name);
    }
  },
};

/** Boundaries: a finite clause starts at its subordinator, after a conjunction or clause punctuation, or at the
 * subject before its verb group; non-finite clauses start at their verb and end before the next verb group or
 * clause punctuation. */
const boundaries: ClauseRule = {
  name: 'lang/clause/boundaries',
  apply(s, clauses) {
    const finite = clauses.filter((c) => c.finite);
    let prevEnd = s.first;
    for (let k = 0; k < finite.length; k++) {
      const c = finite[k];
      const vgFirst = s.chunks[c.auxGroup >= 0 ? c.auxGroup : c.verbGroup].first;
      let start = k === 0 ? s.first : -1;
      for (let j = vgFirst - 1; j >= prevEnd; j--) {
        const w = s.words[j];
        if (SUBORDINATORS.has(w.fold) && (w.tag === 'SCONJ' || w.xtag.startsWith('W') || w.xtag === 'IN' || w.xtag === 'DT' && w.fold === 'that' && j + 1 < s.end && s.words[j + 1].tag !== 'NOUN')) {
          if (w.tag === 'ADP' && w.fold !== 'that' && w.fold !== 'if' && w.fold !== 'whether' && !(j + 1 < vgFirst && s.words[j + 1].tag !== 'NOUN' && s.words[j + 1].tag !== 'PROPN' && s.words[j + 1].tag !== 'DET')) continue;
          start = j;
          c.marker = w.fold;
          break;
        }
        if (w.tag === 'CCONJ' || w.xtag === ':' || w.fold === ';' || w.xtag === '``' || w.xtag === "''" || w.xtag === '-LRB-') {
          if (k > 0) start = j + 1;
          if (w.tag === 'CCONJ') note(c, 'lang/clause/coordinated');
          break;
        }
        if (w.xtag === ',' && k > 0) {
          start = j + 1;
          // "stated that for all intents and purposes, Bakhmut has been occupied": the marker before the comma.
          for (let m = prevEnd; m < j && m < prevEnd + 2; m++) {
            const x = s.words[m];
            if (SUBORDINATORS.has(x.fold) && (x.tag === 'SCONJ' || x.fold === 'that')) {
              start = m;
              c.marker = x.fold;
              break;
            }
          }
          break;
        }
      }
      if (start < 0) {
        // No marker: start at the subject noun phrase just before the verb group ("said the town had fallen").
        start = vgFirst;
        for (let ch = s.chunkEnd - 1; ch >= s.chunkFirst; ch--) {
          const x = s.chunks[ch];
          if (x.kind === 'NP' && x.end === vgFirst && x.first >= prevEnd) {
            start = x.first;
            break;
          }
        }
      }
      c.first = start;
      prevEnd = s.chunks[c.verbGroup].end;
    }
    for (let k = 0; k < finite.length; k++) finite[k].end = k + 1 < finite.length ? finite[k + 1].first : s.end;
    // The first clause takes the words before it (an opening adverbial, a headline fragment).
    if (finite.length && finite[0].first > s.first && finite[0].marker === null) finite[0].first = s.first;
    for (const c of clauses) {
      if (c.finite) continue;
      const g = s.chunks[c.verbGroup];
      c.first = g.first;
      const before = s.words[g.first - 1];
      if (g.first > s.first && (before.tag === 'ADP' || before.tag === 'SCONJ') && before.xtag !== 'TO') {
        c.first = g.first - 1;
        c.marker = before.fold;
      }
      let e = g.end;
      while (e < s.end) {
        const w = s.words[e];
        if (w.xtag === ',' || w.xtag === '.' || w.xtag === ':' || w.tag === 'CCONJ' || w.tag === 'SCONJ' || w.tag === 'VERB' || w.tag === 'AUX') break;
        e++;
      }
      c.end = e;
    }
  },
};

/** Parents: a clause opened by a subordinator or with no marker after a speech verb hangs on the clause before
 * it; a subordinate clause opening the sentence hangs on the next; coordinated clauses share their neighbour's
 * parent; non-finite clauses hang on the clause that contains them. */
const parents: ClauseRule = {
  name: 'lang/clause/parent',
  apply(s, clauses) {
    const finite = clauses.filter((c) => c.finite);
    for (let k = 0; k < finite.length; k++) {
      const c = finite[k];
      const prev = k > 0 ? finite[k - 1] : null;
      if (c.marker !== null) {
        // The governing clause is the nearest verb before the marker, finite or not ("announcing … that …").
        let gov: ClauseDraft | null = null;
        for (const x of clauses) if (x !== c && s.chunks[x.verbGroup].end <= c.first && (!gov || s.chunks[x.verbGroup].end > s.chunks[gov.verbGroup].end)) gov = x;
        const before = s.words[c.first - 1];
        if (prev && prev.marker !== null && before && before.tag === 'CCONJ' && prev.parent >= 0) {
          c.parent = prev.parent;
          note(c, 'lang/clause/coordinated');
        } else if (gov) c.parent = gov.index;
        else if (finite[k + 1]) c.parent = finite[k + 1].index;
      } else if (prev && c.rules.includes('lang/clause/coordinated')) {
        c.parent = prev.parent;
      } else if (prev && SPEECH.has(s.words[prev.predicate].lemma) && c.first === s.chunks[prev.verbGroup].end) {
        c.parent = prev.index;
      }
    }
    for (const c of clauses) {
      if (c.finite) continue;
      let best: ClauseDraft | null = null;
      for (const f of finite) if (f.first <= c.first && c.first < f.end && (!best || f.first >= best.first)) best = f;
      if (!best) for (const f of finite) if (f.first > c.first) { best = f; break; }
      if (best) c.parent = best.index;
    }
  },
};

/** Subject: the nearest noun phrase before the verb group inside the clause, outside prepositional phrases and
 * non-finite clauses; for a relative clause without one, the noun phrase the relative pronoun follows. */
const subject: ClauseRule = {
  name: 'lang/clause/subject',
  apply(s, clauses) {
    const inPP = new Set<number>();
    for (let ch = s.chunkFirst; ch < s.chunkEnd; ch++) if (s.chunks[ch].kind === 'PP') inPP.add(ch + 1);
    const embedded = clauses.filter((c) => !c.finite);
    for (const c of clauses) {
      if (c.subject >= 0 || !c.finite) continue;
      const vgFirst = s.chunks[c.auxGroup >= 0 ? c.auxGroup : c.verbGroup].first;
      // "The Institute for War Research, a Washington-based think tank, noted": subject and apposition between
      // commas; the one headed by a name is the subject, else the first.
      if (vgFirst - 1 > c.first && s.words[vgFirst - 1].xtag === ',') {
        let c1 = -1;
        for (let j = vgFirst - 2; j >= c.first; j--) if (s.words[j].xtag === ',') { c1 = j; break; }
        let np1 = -1;
        let np2 = -1;
        for (let ch = s.chunkFirst; ch < s.chunkEnd; ch++) {
          const x = s.chunks[ch];
          if (x.kind !== 'NP' || inPP.has(ch)) continue;
          if (c1 >= 0 && x.first === c1 + 1) np2 = ch;
          if (x.first >= c.first && x.end <= (c1 >= 0 ? c1 : vgFirst - 1) && np1 < 0 && (c1 < 0 || x.end === c1 || s.words[x.end].tag === 'ADP')) np1 = ch;
        }
        const named = (ch: number) => ch >= 0 && s.words[s.chunks[ch].head].tag === 'PROPN';
        const pick = np1 >= 0 && (named(np1) || !named(np2)) ? np1 : np2;
        if (pick >= 0) {
          c.subject = pick;
          note(c, 'lang/clause/apposition-subject');
          continue;
        }
      }
      for (let ch = s.chunkEnd - 1; ch >= s.chunkFirst; ch--) {
        const x = s.chunks[ch];
        if (x.kind !== 'NP' || x.end > vgFirst || x.first < c.first || inPP.has(ch)) continue;
        if (embedded.some((e) => x.first >= e.first && x.first < e.end)) continue;
        if (s.words[x.first].tag === 'NUM' && x.end - x.first === 1 && x.first > c.first && s.words[x.first - 1].xtag === ',') continue;
        c.subject = ch;
        note(c, this.name);
        break;
      }
      if (c.subject < 0 && c.rules.includes('lang/clause/coordinated')) {
        // "Russian troops captured the village and advanced on the town": the conjunct shares the subject.
        const prev = clauses.filter((x) => x.finite && x.first < c.first).pop();
        if (prev && prev.subject >= 0) {
          c.subject = prev.subject;
          note(c, 'lang/clause/shared-subject');
        }
      }
      if (c.subject < 0 && c.marker && RELATIVES.has(c.marker) || c.subject < 0 && c.marker === 'that' && s.words[c.first].xtag === 'WDT') {
        for (let ch = s.chunkEnd - 1; ch >= s.chunkFirst; ch--) {
          const x = s.chunks[ch];
          if (x.kind === 'NP' && x.end <= c.first) {
            c.subject = ch;
            note(c, 'lang/clause/relative-subject');
            break;
          }
        }
      }
    }
  },
};

/** Object and agent: the first noun phrase after the verb group in the clause, not in a prepositional phrase; the
 * agent of a passive is the noun phrase of a following "by" phrase. */
const object: ClauseRule = {
  name: 'lang/clause/object',
  apply(s, clauses) {
    for (const c of clauses) {
      const vgEnd = s.chunks[c.verbGroup].end;
      for (let ch = s.chunkFirst; ch < s.chunkEnd; ch++) {
        const x = s.chunks[ch];
        if (x.first < vgEnd) continue;
        if (x.first >= c.end) break;
        if (x.kind === 'VG') break;
        if (x.kind === 'PP') {
          if (c.passive && c.agent < 0 && s.words[x.first].fold === 'by') {
            c.agent = ch + 1;
            note(c, 'lang/clause/agent');
          }
          ch++;
          continue;
        }
        if (x.kind === 'NP' && c.object < 0 && !c.passive && x.first === vgEnd) {
          c.object = ch;
          note(c, this.name);
        }
      }
    }
  },
};

/** Verb-group features: tense, perfect, passive, negation and modality from auxiliaries, modals and catenatives. */
const verbFeatures: ClauseRule = {
  name: 'lang/clause/verb-features',
  apply(s, clauses) {
    for (const c of clauses) {
      const ws = vgWords(s, c);
      const pred = s.words[c.predicate];
      let tense: Clause['tense'] = 'unknown';
      let finiteSeen = false;
      for (let k = 0; k < ws.length; k++) {
        const w = ws[k];
        if (NEGATORS.has(w.fold) && !NOT_ONLY.has(s.words[s.words.indexOf(w, c.first) + 1]?.fold ?? '')) c.negated = true;
        if (k + 1 < ws.length && NEGATOR_PAIRS.some(([a, b]) => a === w.fold && b === ws[k + 1].fold)) c.negated = true;
        if (w.xtag === 'MD') {
          const m = MODALS.get(w.fold) ?? 'possible';
          c.modality ??= m === 'conditional' && c.reported ? 'future' : m;
          if (!finiteSeen) tense = m === 'future' ? 'future' : 'unknown';
          finiteSeen = true;
        } else if (!finiteSeen && (w.xtag === 'VBD' || w.xtag === 'VBZ' || w.xtag === 'VBP')) {
          tense = w.xtag === 'VBD' ? 'past' : 'present';
          finiteSeen = true;
        }
        if (w.lemma === 'have' && k + 1 < ws.length && ws.slice(k + 1).some((x) => x.xtag === 'VBN')) {
          if (!ws.slice(k + 1).some((x) => x.xtag === 'TO')) c.perfect = true;
        }
        // A catenative or "be + predicative + to" sets modality (or negation) for the infinitive after it.
        if (k + 1 < ws.length && ws[k + 1].xtag === 'TO' && w !== pred) {
          const cat = (w.tag === 'VERB' || w.tag === 'AUX') && CATENATIVES.has(w.lemma) ? CATENATIVES.get(w.lemma) : PREDICATIVES.get(w.lower);
          if (cat === 'negated') c.negated = true;
          else if (cat && cat !== 'reported') c.modality ??= cat as Modality;
          c.governor = s.words.indexOf(w, c.first);
        }
      }
      // Passive: a form of be/get followed by the predicate as a past participle; a bare participle after a noun.
      if (pred.xtag === 'VBN' || !c.finite && pred.xtag === 'VBD') {
        const before = ws.slice(0, ws.indexOf(pred));
        const aux = before.filter((w) => w.tag === 'AUX' || w.tag === 'VERB');
        const last = aux[aux.length - 1];
        if (last && (last.lemma === 'be' || last.lemma === 'get') ) c.passive = true;
        if (!c.finite && before.length === 0) c.passive = true;
      }
      if (!c.finite) tense = 'unknown';
      c.tense = tense;
      note(c, this.name);
    }
  },
};

/** Negation outside the verb group: "never" or "no longer" before it in the clause. */
const negationBefore: ClauseRule = {
  name: 'lang/clause/negation-before',
  apply(s, clauses) {
    for (const c of clauses) {
      const g = s.chunks[c.verbGroup];
      const from = c.subject >= 0 ? s.chunks[c.subject].end : c.first;
      for (let j = Math.max(from, c.first); j < g.first; j++) {
        const w = s.words[j];
        if (w.fold === 'never' || (w.fold === 'no' && j + 1 < s.end && s.words[j + 1].fold === 'longer')) {
          c.negated = true;
          note(c, this.name);
        }
      }
    }
  },
};

/** Reported speech: the complement of a speech or cognition verb, after it ("said that …", "said the town …")
 * or before it in a quotation ("“… ,” the ministry said"). */
const reported: ClauseRule = {
  name: 'lang/clause/reported',
  apply(s, clauses) {
    const byIndex = new Map(clauses.map((c) => [c.index, c]));
    for (const c of clauses) {
      const p = byIndex.get(c.parent);
      if (!c.finite || !p || c.first < s.chunks[p.verbGroup].end) continue;
      if (!SPEECH.has(s.words[p.predicate].lemma)) continue;
      if (c.marker === null || c.marker === 'that' && s.words[c.first].tag !== 'PRON' || c.marker === 'if' || c.marker === 'whether' || c.marker === 'what' || c.marker === 'how' || c.marker === 'why' || c.marker === 'when' && QUESTION_VERBS.has(s.words[p.predicate].lemma)) {
        c.reported = true;
        note(c, this.name);
        if (QUESTION_VERBS.has(s.words[p.predicate].lemma) && c.marker !== 'that') {
          c.question = true;
          note(c, 'lang/clause/indirect-question');
        }
      }
    }
    const finite = clauses.filter((c) => c.finite);
    // Attribution then quotation: 'Silsky said: “We continue to advance …”' — the top-level clauses after a
    // speech verb followed by a colon or comma and an opening quote are its reported content.
    for (const sp of finite) {
      if (!SPEECH.has(s.words[sp.predicate].lemma)) continue;
      const e = s.chunks[sp.verbGroup].end;
      if (!(e + 1 < s.end && (s.words[e].xtag === ',' || s.words[e].xtag === ':') && s.words[e + 1].xtag === '``')) continue;
      for (const c of finite) {
        if (c.first <= sp.first || c.parent >= 0 && c.parent !== sp.index) continue;
        c.parent = sp.index;
        c.reported = true;
        note(c, 'lang/clause/reported-quotation');
      }
    }
    // Quotation then attribution: "“…,” the ministry said." / "…, Sergey Cherevati, spokesman for …, said." — a
    // speech clause without marker or object after a comma or closing quote, ending the sentence or followed by
    // a comma; the top-level clauses before it are its reported content.
    for (let k = finite.length - 1; k > 0; k--) {
      const sp = finite[k];
      if (!SPEECH.has(s.words[sp.predicate].lemma) || sp.marker !== null || sp.object >= 0 || sp.parent >= 0) continue;
      const after = s.chunks[sp.verbGroup].end;
      if (after < s.end && !(s.words[after].xtag === ',' || s.words[after].xtag === '.' || s.words[after].tag === 'ADP' || s.words[after].tag === 'ADV' || s.words[after].tag === 'NOUN' || s.words[after].tag === 'PROPN')) continue;
      const subjectFirst = sp.subject >= 0 ? s.chunks[sp.subject].first : s.chunks[sp.verbGroup].first;
      const before = s.words[Math.min(sp.first, subjectFirst) - 1];
      if (!before || !(before.xtag === ',' || before.xtag === "''" || before.xtag === '``')) continue;
      if (sp.subject < 0) {
        // "…, Sergey Cherevati, spokesman for …, said": the subject is the first noun phrase after a comma
        // following the previous clause's verb group.
        const prev = finite[k - 1];
        const from = s.chunks[prev.verbGroup].end;
        for (let j = from; j < sp.first; j++) {
          if (s.words[j].xtag !== ',') continue;
          let np = -1;
          for (let ch = s.chunkFirst; ch < s.chunkEnd; ch++) if (s.chunks[ch].kind === 'NP' && s.chunks[ch].first === j + 1) np = ch;
          if (np < 0 || s.words[s.chunks[np].head].tag !== 'PROPN' && s.words[s.chunks[np].first].tag !== 'DET') continue;
          sp.subject = np;
          sp.first = j + 1;
          prev.end = j;
          note(sp, 'lang/clause/attribution-subject');
          break;
        }
      }
      for (const c of finite) {
        if (c === sp || c.first >= sp.first || c.parent >= 0 && !c.reported) continue;
        if (c.parent >= 0) continue;
        c.parent = sp.index;
        c.reported = true;
        note(c, 'lang/clause/reported-before');
      }
      // Coordinated clauses of the quotation follow their first conjunct.
      for (const c of finite) if (c.first < sp.first && !c.reported && c.parent >= 0 && finite.some((x) => x.index === c.parent && x.reported)) c.reported = true;
      break;
    }
    // "Wagner claimed to have captured Bakhmut": a speech verb governing the infinitive in the same verb group.
    for (const c of clauses) {
      if (c.governor >= 0 && CATENATIVES.get(s.words[c.governor].lemma) === 'reported') {
        c.reported = true;
        note(c, 'lang/clause/reported-infinitive');
      }
    }
  },
};

/** Conditionals: a clause opened by if/unless (not an indirect question). */
const conditional: ClauseRule = {
  name: 'lang/clause/conditional',
  apply(s, clauses) {
    for (const c of clauses) {
      if (c.marker && CONDITIONALS.has(c.marker) && !c.question) {
        c.modality = 'conditional';
        note(c, this.name);
      }
    }
  },
};

/** Noun complement: an "of + -ing" clause after a noun of intention, wish or possibility is no deed ("its objective
 * of capturing the city", "at risk of falling", "in the hope of breaking through"); it takes the noun's modality. */
const nounComplement: ClauseRule = {
  name: 'lang/clause/noun-complement',
  apply(s, clauses) {
    for (const c of clauses) {
      if (c.finite || c.marker !== 'of' || c.first <= s.first || s.words[c.predicate].xtag !== 'VBG') continue;
      const m = GERUND_NOUNS.get(s.words[c.first - 1].fold);
      if (!m) continue;
      if (m === 'negated') c.negated = true;
      else c.modality ??= m as Modality;
      note(c, this.name);
    }
  },
};

/** Mandative: the that-clause of a verb of request or demand is what should happen ("requests that Russia withdraw
 * its troops from X"): modality `obligation`. */
const mandative: ClauseRule = {
  name: 'lang/clause/mandative',
  apply(s, clauses) {
    const byIndex = new Map(clauses.map((c) => [c.index, c]));
    for (const c of clauses) {
      const p = byIndex.get(c.parent);
      if (!p || c.marker !== 'that' || c.modality || !MANDATIVES.has(s.words[p.predicate].lemma)) continue;
      c.modality = 'obligation';
      note(c, this.name);
    }
  },
};

/** A participle inside the subject of a clause with a modal shares its modality ("troops moving into X would be a
 * new step", "forces crossing the river could face …"): the movement is as hypothetical as the clause. */
const subjectParticiple: ClauseRule = {
  name: 'lang/clause/subject-participle',
  apply(s, clauses) {
    const byIndex = new Map(clauses.map((c) => [c.index, c]));
    for (const c of clauses) {
      const p = byIndex.get(c.parent);
      if (c.finite || !p?.modality || c.modality || s.words[c.predicate].xtag !== 'VBG') continue;
      if (c.first < p.first || c.end > s.chunks[p.auxGroup >= 0 ? p.auxGroup : p.verbGroup].first) continue;
      c.modality = p.modality;
      note(c, this.name);
    }
  },
};

/** Questions: the clauses of a sentence ending in "?" that are not subordinate (or have an inverted auxiliary). */
const question: ClauseRule = {
  name: 'lang/clause/question',
  apply(s, clauses) {
    let e = s.end - 1;
    while (e > s.first && (s.words[e].xtag === "''" || s.words[e].xtag === '-RRB-')) e--;
    if (e < s.first || s.words[e].text !== '?') return;
    for (const c of clauses) {
      if (c.finite && (c.parent < 0 || c.auxGroup >= 0) && !c.reported) {
        c.question = true;
        note(c, this.name);
      }
    }
  },
};

/** The clause rules in the order they run over each sentence. */
export const clauseRules: readonly ClauseRule[] = [invertedAux, nonFinite, reducedRelative, boundaries, parents, subject, verbFeatures, object, negationBefore, reported, conditional, nounComplement, subjectParticiple, mandative, question];

/** Builds the clauses of one sentence (appending to `out`; clause indices are global). */
export function clausesOfSentence(s: SentenceView, out: Clause[]): void {
  const drafts: ClauseDraft[] = [];
  for (let ch = s.chunkFirst; ch < s.chunkEnd; ch++) {
    const x = s.chunks[ch];
    if (x.kind !== 'VG') continue;
    const head = s.words[x.head];
    if (head.tag !== 'VERB' && head.tag !== 'AUX') continue;
    drafts.push({
      index: -1, sentence: s.sentence, first: x.first, end: x.end, predicate: x.head, verbGroup: ch, subject: -1, object: -1,
      negated: false, modality: null, tense: 'unknown', perfect: false, passive: false, question: false, reported: false,
      parent: -1, marker: null, rules: [], auxGroup: -1, governor: -1, agent: -1, finite: true,
    });
  }
  if (!drafts.length) return;
  // Indices are given before the rules run so that `parent` can refer to them; inverted-aux merges renumber.
  const base = out.length;
  const apply = (rule: ClauseRule) => {
    drafts.forEach((d, k) => ((d as { index: number }).index = base + k));
    rule.apply(s, drafts);
  };
  for (const rule of clauseRules) apply(rule);
  for (const d of drafts) out.push(d);
}
