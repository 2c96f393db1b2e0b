// Coming back from Google to the page the person was on: only the app's own pages, and only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map();
globalThis.sessionStorage = {
  getItem: key => (stored.has(key) ? stored.get(key) : null),
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: key => stored.delete(key),
};
globalThis.window = { location: { hash: '' } };
const { appPage, rememberPage, rememberedPage, tokenZone } = await import('../../main/resources/META-INF/resources/app/auth.js');

test('the page an interview link or an expired sign-in was on is the page after signing in, once', () => {
  window.location.hash = '#/interviews/0b6c2f1e-7a40-4b1a-9d0e-3f2a1c5b7e90';
  rememberPage();
  window.location.hash = '';
  assert.equal(rememberedPage(''), '#/interviews/0b6c2f1e-7a40-4b1a-9d0e-3f2a1c5b7e90');
  assert.equal(rememberedPage('#/sessions'), '#/sessions', 'used once');
});

test('a fragment that is not one of the app\'s pages is not come back to', () => {
  for (const hash of ['', '#calendar=connected', '#calendar-error=consent_denied', '#/x"><script>', 'javascript:alert(1)']) {
    window.location.hash = hash;
    rememberPage();
    assert.equal(rememberedPage('#/sessions'), '#/sessions', hash);
  }
  assert.equal(appPage('#/slots'), '#/slots');
  assert.equal(appPage('#/interviews?status=draft'), '#/interviews?status=draft');
});

test('a page remembered earlier is forgotten when a round trip starts from no page', () => {
  window.location.hash = '#/slots';
  rememberPage();
  window.location.hash = '';
  rememberPage();
  assert.equal(rememberedPage(''), '');
});

test('the zone a sign-in token states, and none for a token without one (Google\'s)', () => {
  const token = claims => ['eyJhbGciOiJSUzI1NiJ9', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'c2ln'].join('.');
  assert.equal(tokenZone(token({ sub: '1', zoneinfo: 'Asia/Tokyo', name: 'Zoë' })), 'Asia/Tokyo');
  assert.equal(tokenZone(token({ sub: '1', email: 'a@example.com', name: 'Ünal Über' })), null);
  assert.equal(tokenZone(token({ sub: '1', zoneinfo: 7 })), null);
  assert.equal(tokenZone('not a token'), null);
  assert.equal(tokenZone(undefined), null);
});
