import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, isUnreal } from '../../src/stages/events/rules/context-cues.js';

function cuesAt(sentence: string, trigger: string) {
  return contextOf(sentence, sentence.indexOf(trigger));
}

test('negation, future, modality, hypothetical, purpose, habit and topic make a trigger unreal', () => {
  const unreal: [string, string, string][] = [
    ['The army did not launch airstrikes.', 'airstrikes', 'negation'],
    ['Kyiv denied shelling the town.', 'shelling', 'negation'],
    ['The rebels plan to attack the base.', 'attack', 'future'],
    ['Troops will capture the city soon.', 'capture', 'future'],
    ['Militants could strike again.', 'strike', 'modality'],
    ['If talks fail, fighting would resume.', 'fighting', 'hypothetical'],
    ['They launched operations to retake the city.', 'retake', 'purpose'],
    ['Russia regularly launches shelling of the towns.', 'shelling', 'habitual'],
    ['Thousands marched in a protest against police brutality.', 'brutality', 'topic'],
  ];
  for (const [sentence, trigger, kind] of unreal) {
    const cues = cuesAt(sentence, trigger);
    assert.ok(cues.includes(kind as never), `${sentence}: ${cues.join(',')}`);
    assert.ok(isUnreal(cues), sentence);
  }
});

test('real happenings are not unreal (negative cases)', () => {
  const real: [string, string][] = [
    ['There were no casualties after the grenade blast.', 'blast'],
    ['Gunmen attacked the village on Monday.', 'attacked'],
    ['Russia said it shot down two drones over Istra.', 'shot down'],
    ['Wagner claimed to have captured Bakhmut.', 'captured'],
    ['Clashes broke out due to clashes over land.', 'clashes over'],
    ['Fighting continued in response to the shelling.', 'Fighting'],
  ];
  for (const [sentence, trigger] of real) assert.equal(isUnreal(cuesAt(sentence, trigger)), false, sentence);
});

test('history and background are real but marked', () => {
  assert.ok(cuesAt('Decades ago, years ago the army shelled the village.', 'shelled').includes('history'));
  assert.ok(cuesAt('The militants had captured the town.', 'captured').includes('background'));
  assert.equal(isUnreal(['history', 'background']), false);
});

test('history is found after the trigger too', () => {
  assert.ok(cuesAt('The rebels seized the town years ago.', 'seized').includes('history'));
});

test('what protesters demand is their topic, not a happening', () => {
  assert.ok(cuesAt('They demanded the release of demonstrators detained last week.', 'detained').includes('topic'));
});
