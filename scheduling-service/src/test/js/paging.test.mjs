// The web app's lists shown a page at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newestAnswers, reloadLimit, withNextPage } from '../../main/resources/META-INF/resources/app/paging.js';

const items = n => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));

test('a reload asks for what is shown: at least a page, at most the API\'s largest', () => {
  assert.equal(reloadLimit(items(0), 50), 50);
  assert.equal(reloadLimit(items(120), 50), 120);
  assert.equal(reloadLimit(items(500), 50), 200);
});

test('the next page follows what is shown, without showing one twice', () => {
  assert.deepEqual(withNextPage(items(2), [{ id: 'r1' }, { id: 'r7' }]).map(x => x.id), ['r0', 'r1', 'r7']);
});

test('of two reloads answered out of order, only the newer answer is shown', async () => {
  const ask = newestAnswers();
  const shown = [];
  const reload = async (answer, delay) => {
    const isNewest = ask();
    await new Promise(resolve => setTimeout(resolve, delay));
    if (isNewest()) {
      shown.push(answer);
    }
  };
  await Promise.all([reload('before the move', 30), reload('after the move', 0)]);
  assert.deepEqual(shown, ['after the move']);
  await reload('the next change', 0);
  assert.deepEqual(shown, ['after the move', 'the next change']);
});
