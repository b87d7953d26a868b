import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../src/core/index.js';
import { cleanStage } from '../../src/stages/clean/index.js';

const excluded = (input: string) => cleanStage.run(createDoc({ id: 'x', input, format: 'text' }), {}).excluded.map((e) => [e.rule, e.text]);

test('page furniture lines are excluded with the rule that found them', () => {
  const input = [
    'Drones Hit Oil Depot Near Border',
    'The governor said on Monday that a fire broke out after the strike on the depot.',
    'PHOTO: Smoke over the depot, May 2023',
    'Share this article',
    'Source link',
    'Leave a Reply Cancel reply',
    'Subscribe to our newsletter for more.',
  ].join('\n');
  assert.deepEqual(excluded(input), [
    ['clean/caption', 'PHOTO: Smoke over the depot, May 2023'],
    ['clean/share', 'Share this article'],
    ['clean/source-link', 'Source link'],
    ['clean/leave-reply', 'Leave a Reply Cancel reply'],
    ['clean/subscribe', 'Subscribe to our newsletter for more.'],
  ]);
});

test('related headlines after the body are excluded; the headline and section titles are not', () => {
  const input = [
    'Russia Denies Breakthrough in Bakhmut',
    'Officials said on Friday that the situation was under control in the area.',
    'Invasion of Belgorod',
    'Militias launched a rare incursion into the region on Monday, officials said.',
    'Bush Does Interview Following Release Of Memoir',
    'Ten Things To Know About The Summit',
  ].join('\n');
  assert.deepEqual(excluded(input).map((e) => e[1]), ['Bush Does Interview Following Release Of Memoir', 'Ten Things To Know About The Summit']);
});

test('prose that merely starts like furniture is kept', () => {
  const long = 'Share prices of defence firms rose sharply after the ministry said it would buy more drones, ' + 'analysts said. '.repeat(20);
  assert.deepEqual(excluded(long), []);
  assert.deepEqual(excluded('Share prices rose after the announcement.'), []);
  assert.deepEqual(excluded('Photographs of the site were published by the ministry on Tuesday.'), []);
});

test('a line inside a hard-wrapped paragraph is prose even when it starts like furniture', () => {
  // Invented e-mail-style text wrapped at 72 columns: the third line opens with "subscribe", as a share line would.
  const input = [
    'The city council said on Monday evening that the warning system would be',
    'tested again at noon on Wednesday, and it asked residents to sign up or',
    'subscribe to the official alert channel and to keep their phones on',
    'before the test began, because the sirens in the old town were still out.',
    '',
    'Share this article',
  ].join('\n');
  assert.deepEqual(excluded(input), [['clean/share', 'Share this article']]);
});
