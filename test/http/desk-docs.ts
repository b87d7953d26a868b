/** Pipeline documents built from the hand-made cross-document articles, for the API tests. */
import { createDoc, type Doc } from '../../src/core/index.js';
import { article, bakhmut, isw, kozinka, maliar, mod, prigozhin, type TestArticle } from '../crossdoc/build-docs.js';

/** A pipeline document from a test article. */
export function testDoc(a: TestArticle): Doc {
  const s = article(a);
  return {
    ...createDoc({
      id: s.id, input: s.input, format: 'text', origin: { source: s.outlet },
      title: s.title ? { value: s.title } : undefined,
      published: s.published ? { value: s.published, rule: 'test/published' } : undefined,
    }),
    entities: s.entities, claims: s.claims, events: s.events,
  };
}

const ruHolds = { kind: 'control', holder: 'RU', polarity: 'asserts' as const, place: bakhmut };
const ruDoesNotHold = { kind: 'control', holder: 'RU', polarity: 'denies' as const, place: bakhmut };

/** Three articles: a contested Bakhmut in May, a corroborated raid on Kozinka, an unrelated analysis. */
export function deskDocs(): Doc[] {
  return [
    testDoc({
      id: 'kyiv-post/1', outlet: 'Kyiv Post', published: '2023-05-12', title: 'Russia denies breakthrough',
      claims: [{ speaker: maliar, sentence: 'Hanna Maliar said Friday that Russia does not control Bakhmut.', proposition: ruDoesNotHold, date: '2023-05-12' }],
    }),
    testDoc({
      id: 'dw#25', outlet: 'DW', published: '2023-05-25', title: 'Wagner claims Bakhmut',
      claims: [
        { speaker: prigozhin, as: 'Yevgeny Prigozin', sentence: 'Yevgeny Prigozin said they had captured Bakhmut.', proposition: ruHolds },
        { speaker: mod, as: 'Russian Defence Ministry', sentence: 'The Russian Defence Ministry announced it had conquered Bakhmut.', proposition: ruHolds },
        { speaker: maliar, as: 'Hannah Malial', sentence: 'Hannah Malial said defenders still held part of Bakhmut.', proposition: ruDoesNotHold },
      ],
      events: [{ type: 'Battles', subType: 'Armed clash', place: kozinka, sentence: 'Militias clashed with guards in Kozinka.', date: '2023-05-22' }],
    }),
    testDoc({
      id: 'bbc-3', outlet: 'BBC', published: '2023-05-23', title: 'Raid in Belgorod',
      claims: [{ speaker: isw, as: 'ISW', sentence: 'ISW said the raid on Kozinka <script>alert(1)</script> was real.' }],
      events: [{ type: 'Battles', subType: 'Armed clash', place: kozinka, sentence: 'Fighting was reported in Kozinka.', date: '2023-05-22' }],
    }),
  ];
}
