// The preparation notes' formatting buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownEdit } from '../../main/resources/META-INF/resources/app/markdown-edit.js';

test('bold and italic wrap what is selected, or a placeholder selected to type over', () => {
  assert.deepEqual(markdownEdit('Read the deck', 9, 13, 'bold'), { value: 'Read the **deck**', start: 11, end: 15 });
  assert.deepEqual(markdownEdit('Read ', 5, 5, 'italic'), { value: 'Read *italic text*', start: 6, end: 17 });
});

test('a link names what is selected and selects the address to fill in', () => {
  const edited = markdownEdit('See the deck', 8, 12, 'link');
  assert.equal(edited.value, 'See the [deck](https://)');
  assert.equal(edited.value.slice(edited.start, edited.end), 'https://');
});

test('a list or a heading starts every line the selection touches, once', () => {
  assert.deepEqual(markdownEdit('Ask:\nchurn\npricing', 7, 13, 'list'), { value: 'Ask:\n- churn\n- pricing', start: 5, end: 22 });
  assert.equal(markdownEdit('Ask:\n- churn\npricing', 7, 15, 'list').value, 'Ask:\n- churn\n- pricing');
  assert.equal(markdownEdit('Before the call', 3, 3, 'heading').value, '## Before the call');
  assert.deepEqual(markdownEdit('x', 0, 1, 'nothing'), { value: 'x', start: 0, end: 1 });
});
