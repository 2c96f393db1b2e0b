// The live room stream: a sign-in that has expired ends it, once, instead of retrying forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchRooms } from '../../main/resources/META-INF/resources/app/stream.js';

test('a 401 from the stream stops it and says the sign-in expired, once', async () => {
  const asked = [];
  globalThis.fetch = async (url, init) => {
    asked.push(init.headers.Authorization);
    return new Response('{"code":"unauthorized"}', { status: 401 });
  };
  const expired = [];
  const states = [];
  const stop = watchRooms('old-token', () => assert.fail('no event'), on => states.push(on), e => expired.push(e));
  await new Promise(resolve => setTimeout(resolve, 1500));
  stop();

  assert.deepEqual(asked, ['Bearer old-token'], 'asked once, not again after the back-off');
  assert.equal(expired.length, 1);
  assert.equal(expired[0].status, 401);
  assert.equal(expired[0].code, 'unauthorized');
  assert.deepEqual(states, [false]);
});

test('another failure is tried again after a back-off', async () => {
  let asked = 0;
  globalThis.fetch = async () => {
    asked++;
    return new Response('', { status: 503 });
  };
  const stop = watchRooms('token', () => {}, () => {}, () => assert.fail('not an expiry'));
  await new Promise(resolve => setTimeout(resolve, 1200));
  stop();

  assert.ok(asked >= 2, `asked ${asked} time(s)`);
});
