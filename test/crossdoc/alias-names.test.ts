import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNameForm } from '../../src/crossdoc/entity-index.js';

test('titles, common nouns and a first name alone are not names of a person', () => {
  for (const form of ['president', 'President', 'PRESIDENT', 'Minister', 'Vladimir', 'the president']) {
    assert.equal(isNameForm(form, 'Vladimir Putin', 'person'), false, form);
  }
  for (const form of ['Putin', 'PUTIN', 'Vladimir Putin', 'Volodymyr Putin', 'President Putin']) {
    assert.equal(isNameForm(form, 'Vladimir Putin', 'person'), true, form);
  }
  assert.equal(isNameForm('Zelenskyy', 'Volodymyr Zelensky', 'person'), true, 'a variant ending of the surname');
  assert.equal(isNameForm('Hannah Malial', 'Hanna Maliar', 'person'), true);
  assert.equal(isNameForm('Prigozhin', 'Prigozhin', 'person'), true, 'a one-word name');
});

test('a place or organisation keeps abbreviations and short forms, but not a form in lower case', () => {
  assert.equal(isNameForm('DPRK', 'North Korea', 'place'), true);
  assert.equal(isNameForm('Donetsk Oblast', 'Donetsk', 'place'), true);
  assert.equal(isNameForm('the region', 'Donetsk', 'place'), false);
  assert.equal(isNameForm('ministry', 'Ministry of Defence', 'organization'), false);
});
