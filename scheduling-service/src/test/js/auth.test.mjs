// Coming back from Google to the page the person was on: only the app's own pages, and only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map();
globalThis.sessionStorage = {
  getItem: key => (stored.has(key) ? stored.get(key) : null),
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: key => stored.delete(key),
};
globalThis.window = { location: { hash: '', origin: 'http://localhost:8080', assign: url => { window.location.assigned = url; } } };
const {
  appPage, currentSession, finishSignIn, rememberPage, rememberedPage, sessionEnded, signInLapsed, signOut, silentRenewalFor,
  SilentSignInRefused, startSignIn, tokenZone,
} = await import('../../main/resources/META-INF/resources/app/auth.js');

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

test('a sign-in that ran out is renewed without a page, not endlessly, and not after signing out', () => {
  stored.clear();
  const signedIn = () => sessionStorage.setItem('schedulr.session', JSON.stringify({
    idToken: 't', email: 'ada@example.com', expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  }));
  signedIn();
  assert.equal(silentRenewalFor(), null, 'still signed in');
  for (let i = 1; i <= 3; i++) {
    sessionEnded();
    assert.equal(currentSession(), null, 'an API refused the token');
    assert.equal(silentRenewalFor(), 'ada@example.com', `renewal ${i}`);
    signedIn();
  }
  sessionEnded();
  assert.equal(silentRenewalFor(), null, 'refused again at once, a fourth time in 10 minutes: the sign-in button');
  assert.equal(signInLapsed(), true, 'and the page says why');
  stored.delete('schedulr.silent-renewals');
  signOut();
  assert.equal(silentRenewalFor(), null, 'signed out: nobody to renew');
  assert.equal(signInLapsed(), false, 'signed out: nothing to say');
});

test('a silent renewal asks Google without a page, and its refusal signs out quietly', async () => {
  stored.clear();
  const asked = [];
  globalThis.fetch = async url => {
    asked.push(String(url));
    return { ok: true, text: async () => JSON.stringify({ url: 'https://accounts.example/auth' }) };
  };
  window.location.hash = '#/slots';
  await startSignIn({ calendarSyncUrl: 'http://localhost:8082' }, 'ada@example.com');
  assert.match(asked[0], /\/api\/auth\/google\/sign-in\?.*silentFor=ada%40example.com/);
  assert.equal(window.location.assigned, 'https://accounts.example/auth');
  assert.equal(rememberedPage(''), '#/slots', 'back on the same page');

  sessionStorage.setItem('schedulr.session', JSON.stringify({ idToken: 't', email: 'ada@example.com', expiresAt: new Date(0).toISOString() }));
  const state = JSON.parse(sessionStorage.getItem('schedulr.sign-in')).state;
  await assert.rejects(finishSignIn({ calendarSyncUrl: 'http://localhost:8082' }, new URLSearchParams({ state, error: 'login_required' })),
    SilentSignInRefused);
  assert.equal(sessionStorage.getItem('schedulr.session'), null, 'nothing left to renew: the sign-in button shows');

  await startSignIn({ calendarSyncUrl: 'http://localhost:8082' });
  assert.doesNotMatch(asked[1], /silentFor/, 'the sign-in button: Google\'s account chooser');
});

test('finishing a sign-in names the device\'s zone for a calendar granted with it, not one the service does not know', async () => {
  stored.clear();
  const bodies = [];
  globalThis.fetch = async (url, init) => {
    const body = JSON.parse(init.body);
    bodies.push(body);
    if (body.timeZone === 'Mars/Olympus') {
      return { ok: false, status: 400, text: async () => JSON.stringify({ code: 'invalid_timeZone', message: 'not a zone' }) };
    }
    const signedIn = { idToken: 't', email: 'ada@example.com', expiresAt: '2100-01-01T00:00:00Z' };
    return { ok: true, status: 200, text: async () => JSON.stringify(signedIn) };
  };
  const realZone = Intl.DateTimeFormat;
  try {
    for (const zone of ['Europe/Berlin', 'Mars/Olympus']) {
      bodies.length = 0;
      globalThis.Intl.DateTimeFormat = function () { return { resolvedOptions: () => ({ timeZone: zone }) }; };
      sessionStorage.setItem('schedulr.sign-in', JSON.stringify({ verifier: 'v', state: 's', silent: false }));
      const signedIn = await finishSignIn({ calendarSyncUrl: 'http://localhost:8082' }, new URLSearchParams({ state: 's', code: 'c' }));
      assert.equal(signedIn.email, 'ada@example.com', zone);
      assert.deepEqual(bodies.map(b => b.timeZone), zone === 'Europe/Berlin' ? ['Europe/Berlin'] : ['Mars/Olympus', undefined]);
      assert.equal(bodies.at(-1).code, 'c');
    }
  } finally {
    globalThis.Intl.DateTimeFormat = realZone;
  }
});
