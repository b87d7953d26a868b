/**
 * The gender a text gives its persons, for pronoun agreement ("she" never points back at a man the text calls "he").
 * Read from the text only (`gender` in `data/speakers.json`): a title right before a mention ("Mrs. Ortiz") or in the
 * entity's role ("spokeswoman"), and the first third-person pronoun after a mention in its sentence before any other
 * person, quote mark or sentence end ("Ortiz said she would run"). The majority of the evidence decides.
 */
import { partitionPoint, type Entity } from '../../../core/index.js';
import speakers from '../data/speakers.json' with { type: 'json' };

export type Gender = 'male' | 'female';

const WORDS: Record<Gender, { pronouns: Set<string>; titles: Set<string> }> = {
  male: { pronouns: new Set(speakers.gender.male.pronouns), titles: new Set(speakers.gender.male.titles) },
  female: { pronouns: new Set(speakers.gender.female.pronouns), titles: new Set(speakers.gender.female.titles) },
};
const GENDERS: readonly Gender[] = ['male', 'female'];
/** The subject pronouns, the evidence after a mention ("Ortiz said she …"; "his" and "her" as often own an object's). */
const SUBJECT = /\b(?:he|she)\b/;
/**
 * Where the look-ahead after a mention stops: a sentence end, a quote mark (a quote speaks of others), a new line, or
 * a capitalised word (a name the entities stage may have missed: "Ortiz questioned Hale, who said he …").
 */
const STOP = /[.!?]\s|[“”"«»„]|\n|\s\p{Lu}/u;
/** Text before a mention that opens its clause: a sentence or clause start, a conjunction, then only capitalised words (titles). */
const CLAUSE_OPEN = /(?:^|[.!?:;,—–(“"]\s*|\b(?:and|but|when|while|as|after|before|because|since|if|though|although|so)\s+)(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u;
/** How far after a mention a pronoun is looked for (characters). */
const LOOK_AHEAD = 160;

const genderOfWord = (w: string): Gender | undefined => GENDERS.find((g) => WORDS[g].pronouns.has(w) || WORDS[g].titles.has(w));

/** The gender of each person entity of `entities` that the text `input` (their mentions' offsets) marks, by id. */
export function personGenders(input: string, entities: readonly Entity[]): Map<string, Gender> {
  const persons = entities.filter((e) => e.kind === 'person');
  const starts = persons.flatMap((e) => e.mentions.map((m) => m.start)).sort((a, b) => a - b);
  const out = new Map<string, Gender>();
  for (const e of persons) {
    const votes = { male: 0, female: 0 };
    for (const w of (e.role ?? '').toLowerCase().split(/[^\p{L}.]+/u)) {
      const g = genderOfWord(w);
      if (g && WORDS[g].titles.has(w)) votes[g] += 2;
    }
    for (const m of e.mentions) {
      // A title right before the name: "Mrs. Ortiz", "Sir Alan Reed".
      const before = /([\p{L}.]+)\s+$/u.exec(input.slice(Math.max(0, m.start - 16), m.start));
      const title = before?.[1].toLowerCase();
      const tg = title ? GENDERS.find((g) => WORDS[g].titles.has(title)) : undefined;
      if (tg) votes[tg] += 2;
      // The first pronoun after the name in its sentence, before another person is named, when the name opens its
      // clause ("Ortiz said she …", "…, and Ortiz said she …"; not "told Ortiz that he", not "Ortiz's aide said he").
      if (!CLAUSE_OPEN.test(input.slice(Math.max(0, m.start - 40), m.start)) || /^['’]s\b/.test(input.slice(m.end, m.end + 3))) continue;
      let end = Math.min(input.length, m.end + LOOK_AHEAD);
      const next = starts[partitionPoint(starts, (s) => s >= m.end)];
      if (next !== undefined && next < end) end = next;
      let after = input.slice(m.end, end);
      const stop = STOP.exec(after);
      if (stop) after = after.slice(0, stop.index);
      const p = SUBJECT.exec(after);
      const pg = p ? genderOfWord(p[0].toLowerCase()) : undefined;
      if (pg) votes[pg] += 1;
    }
    if (votes.male !== votes.female) out.set(e.id, votes.male > votes.female ? 'male' : 'female');
  }
  return out;
}

/** The gender a pronoun asks for ("he" → male), or undefined ("they", "it", "I"). */
export function pronounGender(pronoun: string): Gender | undefined {
  const w = pronoun.toLowerCase();
  return GENDERS.find((g) => WORDS[g].pronouns.has(w));
}
