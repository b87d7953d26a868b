/**
 * A sample article for the store tests (written for them, about 250 words), and helpers that turn a text into
 * a document the way the pipeline would hand it to the store.
 */
import { createDoc, makeSpan, TextViewBuilder, type Doc, type DocOrigin, type Entity } from '../../src/core/index.js';

/** A news-like article long enough for SimHash to be meaningful. */
export const ARTICLE = `Ukraine says its forces are holding positions near Bakhmut

KYIV, May 12, 2023 — Ukrainian forces pushed Russian troops back along parts of the front near the eastern city of Bakhmut on Thursday, Deputy Defence Minister Hanna Maliar said on Telegram, while the head of the Wagner group claimed his fighters were still advancing inside the city.

“The enemy did not achieve its goals and suffered losses,” Maliar wrote, adding that fighting continued in the western districts and that Ukrainian units had recaptured several positions on the northern and southern flanks.

Yevgeny Prigozhin, whose mercenaries have led the Russian assault on the city for months, said in an audio message that the flanks were “crumbling” but that his men controlled most of the town. He again accused the Russian Defence Ministry of failing to supply enough ammunition.

The Russian Defence Ministry denied that its front had been broken, saying in a statement that units of the southern group of forces had repelled eleven attacks and inflicted heavy losses on the Ukrainian side.

Independent verification of the battlefield reports was not possible. Analysts at the Institute for the Study of War said the Ukrainian counterattacks were likely local and limited, but that they had exploited weaknesses in the Russian lines caused by the rotation of units around the city.

Overnight, Russian drones struck infrastructure in the Kyiv region, the regional governor said, with debris damaging several houses. No casualties were reported, he added.
`;

/** Wraps a text as a plain-text document with optional origin and boilerplate ranges. */
export function textDoc(id: string, input: string, origin: DocOrigin = {}, excluded: [number, number][] = []): Doc {
  const doc = createDoc({ id, input, format: 'text', origin });
  return { ...doc, excluded: excluded.map(([s, e]) => makeSpan(input, s, e, 'clean/test-boilerplate')) };
}

/**
 * Renders a text as a small HTML page (paragraphs, curly quotes as entities, a "Read more" line) and builds its
 * view the way an HTML reader does: tags become separators, entities decode, the "Read more" line is excluded.
 */
export function htmlTwin(id: string, text: string): Doc {
  const paragraphs = text.trim().split(/\n\s*\n/);
  let html = '<!doctype html><html><head><title>Article</title></head><body><article>';
  const pieces: { kind: 'text' | 'entity' | 'tag'; value: string; decoded?: string }[] = [];
  const emit = (kind: 'text' | 'entity' | 'tag', value: string, decoded?: string) => pieces.push({ kind, value, decoded });
  for (const p of paragraphs) {
    emit('tag', '<p>');
    for (const part of p.split(/([“”—])/)) {
      if (part === '“') emit('entity', '&ldquo;', '“');
      else if (part === '”') emit('entity', '&rdquo;', '”');
      else if (part === '—') emit('entity', '&mdash;', '—');
      else if (part) emit('text', part);
    }
    emit('tag', '</p>\n');
  }
  emit('tag', '<p class="more">');
  emit('text', 'Read more: Russia-Ukraine war latest');
  emit('tag', '</p></article></body></html>\n');
  const prefix = html;
  html += pieces.map((p) => p.value).join('');
  const view = new TextViewBuilder(html);
  let at = prefix.length;
  let readMore: [number, number] | undefined;
  for (const p of pieces) {
    const start = at;
    at += p.value.length;
    if (p.kind === 'text') {
      if (p.value.startsWith('Read more')) readMore = [start, at];
      view.verbatim(start, at);
    } else if (p.kind === 'entity') view.replaced(p.decoded!, start, at);
    else if (p.value.startsWith('</p>')) view.replaced('\n\n', start, at);
  }
  const doc = createDoc({ id, input: html, format: 'html', view: view.build() });
  return { ...doc, excluded: readMore ? [makeSpan(html, readMore[0], readMore[1], 'clean/read-more')] : [] };
}

/** Adds person entities to a document, one mention per occurrence of each surface form. */
export function withPeople(doc: Doc, people: { id: string; name: string; forms: string[]; side?: string }[]): Doc {
  const entities: Entity[] = people.map((p) => ({
    id: p.id,
    kind: 'person',
    name: p.name,
    side: p.side,
    mentions: p.forms.flatMap((form) => {
      const found = [];
      for (let i = doc.input.indexOf(form); i !== -1; i = doc.input.indexOf(form, i + form.length)) {
        found.push({ ...makeSpan(doc.input, i, i + form.length, 'entities/test'), sentence: 0 });
      }
      return found;
    }),
  }));
  return { ...doc, entities };
}

/** A second, different article (about 120 words) mentioning some of the same people. */
export const ARTICLE_2 = `Wagner chief threatens to pull fighters out of Bakhmut

May 5, 2023 — Yevgeny Prigozhin said in a video posted on Telegram that his fighters would leave their positions on
May 10 unless they received more shells, standing in front of rows of bodies he said were his men. The Russian Defence
Ministry did not respond to the video. In Kyiv, Hanna Maliar said the statement showed divisions among Russian
commanders and that Ukrainian units continued to hold the road to Chasiv Yar. Military analysts cautioned that
similar threats had been made before and withdrawn within days, and that the supply dispute was a long-running feud.
`;
