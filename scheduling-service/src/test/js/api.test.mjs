// Calling the APIs: a list's page says whether the list may go on, and a failure reads as a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, callPage, call, friendly } from '../../main/resources/META-INF/resources/app/api.js';

const answering = (body, init) => { globalThis.fetch = async () => new Response(body, init); };

test('a page goes on while the API names a next page, however few items it holds', async () => {
  answering('[]', { status: 200, headers: { Link: '</api/practice-rooms?scope=open&limit=50&offset=50>; rel="next"' } });
  assert.deepEqual(await callPage('/api/practice-rooms?scope=open&limit=50', 't'), { items: [], more: true });
  answering('[{"id":"r1"}]', { status: 200 });
  assert.deepEqual(await callPage('/api/practice-rooms?scope=open&limit=50&offset=50', 't'), { items: [{ id: 'r1' }], more: false });
});

test('an error of ours keeps its words; a proxy page in front of a service that is down is worded here', async () => {
  answering('{"code":"room_in_past","message":"This session is over."}', { status: 409 });
  await assert.rejects(call('GET', '/x', undefined, 't'), e => e instanceof ApiError && friendly(e) === 'This session is already over.');
  answering('<html>Bad gateway</html>', { status: 502 });
  await assert.rejects(call('GET', '/x', undefined, 't'), e => e instanceof ApiError && e.code === 'http_502'
    && friendly(e) === 'The service is not answering properly right now (HTTP 502). Please try again in a moment.');
  answering('', { status: 404 });
  await assert.rejects(call('GET', '/x', undefined, 't'), e => friendly(e) === 'The request failed (HTTP 404).');
});
