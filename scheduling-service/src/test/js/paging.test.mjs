// The web app's lists shown a page at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newestAnswers, oneAtATime, reloadLimit, withNextPage } from '../../main/resources/META-INF/resources/app/paging.js';

const items = n => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));

test('a reload asks for what is shown: at least a page, at most the API\'s largest', () => {
  assert.equal(reloadLimit(items(0), 50), 50);
  assert.equal(reloadLimit(items(120), 50), 120);
  assert.equal(reloadLimit(items(500), 50), 200);
  assert.equal(reloadLimit(100, 50), 100, 'or as far into the list as the pages shown reach');
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

const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

test('a page opened with "Show more" while a reload is on its way stays open', async () => {
  const loads = oneAtATime();
  const server = items(4);
  let shown = items(2);
  const reload = () => loads.reload(async () => {
    const limit = reloadLimit(shown, 2);
    await delay(30);
    shown = server.slice(0, limit);
  });
  const more = () => loads.next(async () => {
    const offset = shown.length;
    await delay(0);
    shown = withNextPage(shown, server.slice(offset, offset + 2));
  });
  await Promise.all([reload(), more()]);
  assert.deepEqual(shown.map(x => x.id), ['r0', 'r1', 'r2', 'r3']);
});

test('reloads asked while one waits for its turn are that one; a failed load does not stop the next', async () => {
  const loads = oneAtATime();
  const ran = [];
  const failing = loads.next(async () => { await delay(10); throw new Error('network'); });
  const asked = [1, 2, 3].map(n => loads.reload(async () => { ran.push(n); }));
  await assert.rejects(failing);
  await Promise.all(asked);
  assert.deepEqual(ran, [1]);
  await loads.reload(async () => { ran.push(4); });
  assert.deepEqual(ran, [1, 4]);
});
