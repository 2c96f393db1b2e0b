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

test('a reconnect sends back the last id the stream gave, as it was, whatever it looks like', async () => {
  const resumedWith = [];
  let calls = 0;
  globalThis.fetch = async (url, init) => {
    calls++;
    resumedWith.push(init.headers['Last-Event-ID'] ?? null);
    if (calls > 1) {
      return new Response('', { status: 503 });
    }
    // A change with the stream's resume point as its id, then a heartbeat without one; then the connection drops.
    return new Response('id: v1:0=15,2=7\ndata: {"type":"io.schedulr.room.created.v1","eventId":"e-1"}\n\n'
      + 'data: {"type":"heartbeat"}\n\n', { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  const stop = watchRooms('token', () => {}, () => {}, () => assert.fail('not an expiry'));
  await new Promise(resolve => setTimeout(resolve, 800));
  stop();

  assert.deepEqual(resumedWith.slice(0, 2), [null, 'v1:0=15,2=7']);
});
