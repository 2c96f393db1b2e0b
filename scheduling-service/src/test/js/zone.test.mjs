// The zone kept for someone whose sign-in states none, and the calendar consent asked in it: what is sent, and what a refusal does.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map();
globalThis.sessionStorage = {
  getItem: key => (stored.has(key) ? stored.get(key) : null),
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: key => stored.delete(key),
};
const local = new Map();
globalThis.localStorage = {
  getItem: key => (local.has(key) ? local.get(key) : null),
  setItem: (key, value) => local.set(key, String(value)),
  removeItem: key => local.delete(key),
};
/** Requests sent, as "METHOD url body", answered in turn by {@code answers} (status and JSON body). */
let sent = [];
let answers = [];
globalThis.fetch = async (url, init) => {
  sent.push(`${init.method} ${url}${init.body ? ` ${init.body}` : ''}`);
  const [status, body] = answers.shift();
  return { ok: status < 300, status, text: async () => JSON.stringify(body) };
};
const { chooseZone, consentUrl, keepZone, knownZones, pickZone, pickedZone, shownZone } =
  await import('../../main/resources/META-INF/resources/app/zone.js');
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

beforeEach(() => {
  stored.clear();
  local.clear();
  sent = [];
  answers = [];
});

test('the zone is kept once per tab and zone, and again when it changes', async () => {
  answers = [[200, { timeZone: 'Europe/Berlin' }], [200, { timeZone: 'America/Denver' }]];
  await keepZone('ada', 'Europe/Berlin', 't');
  await keepZone('ada', 'Europe/Berlin', 't');
  await keepZone('ada', 'America/Denver', 't');
  assert.deepEqual(sent, ['PUT /api/me/time-zone {"timeZone":"Europe/Berlin"}', 'PUT /api/me/time-zone {"timeZone":"America/Denver"}']);
});

test('a zone the service refuses leaves the one kept and the app goes on; it is asked again next time', async () => {
  answers = [[400, { code: 'invalid_timeZone', message: 'no' }], [503, { code: 'unavailable' }]];
  await keepZone('ada', 'Mars/Olympus', 't');
  await keepZone('ada', 'Mars/Olympus', 't');
  assert.equal(sent.length, 2);
});

test('a refused sign-in is passed on, to be renewed', async () => {
  answers = [[401, { code: 'unauthorized' }]];
  await assert.rejects(keepZone('ada', 'Europe/Berlin', 't'), e => e.status === 401);
});

test('the consent is asked in the zone, and again without it when calendar-sync-service does not know the name', async () => {
  answers = [[200, { url: 'https://google/consent?a' }]];
  assert.deepEqual(await consentUrl('http://sync', 'Asia/Tokyo', 't'), { url: 'https://google/consent?a' });
  assert.deepEqual(sent, ['GET http://sync/api/auth/google/start?timeZone=Asia%2FTokyo']);

  sent = [];
  answers = [[400, { code: 'invalid_timeZone', message: 'unknown' }], [200, { url: 'https://google/consent?b' }]];
  assert.deepEqual(await consentUrl('http://sync', 'Etc/Unknown', 't'), { url: 'https://google/consent?b' });
  assert.deepEqual(sent, ['GET http://sync/api/auth/google/start?timeZone=Etc%2FUnknown', 'GET http://sync/api/auth/google/start']);
});

test('any other refusal of the consent is the caller\'s', async () => {
  answers = [[503, { code: 'google_unavailable', message: 'later' }]];
  await assert.rejects(consentUrl('http://sync', 'Asia/Tokyo', 't'), e => e.code === 'google_unavailable');
  assert.equal(sent.length, 1);
});

test('a zone picked on this device is shown and kept; without one, the sign-in\'s is shown as it is, else the browser\'s is kept', () => {
  assert.deepEqual(shownZone('ada', null, null), { zone: browserZone, keep: true });
  assert.deepEqual(shownZone('ada', 'Europe/Berlin', 'Europe/Berlin'), { zone: 'Europe/Berlin', keep: false });
  pickZone('ada', 'Asia/Tokyo');
  assert.deepEqual(shownZone('ada', null, null), { zone: 'Asia/Tokyo', keep: true });
  assert.deepEqual(shownZone('ada', 'Europe/Berlin', 'Europe/Berlin'), { zone: 'Asia/Tokyo', keep: true });
  pickZone('ada', '');
  assert.deepEqual(shownZone('ada', null, null), { zone: browserZone, keep: true });
});

test('each person signing in on one device has their own pick; a name no longer a zone is no pick', () => {
  pickZone('ada', 'Asia/Tokyo');
  assert.equal(pickedZone('ben'), null);
  pickZone('ben', 'Europe/Paris');
  pickZone('ben', '');
  assert.equal(pickedZone('ada'), 'Asia/Tokyo', 'Ben following his device again leaves Ada\'s pick');
  assert.equal(pickedZone('ben'), null);
  localStorage.setItem('schedulr.zone-picked.ada', 'Mars/Olympus');
  assert.equal(pickedZone('ada'), null);
});

test('the picker offers every zone the browser knows, sorted, with the ones given and UTC once each', () => {
  const zones = knownZones('Asia/Tokyo', null, 'Asia/Tokyo');
  assert.ok(zones.includes('Asia/Tokyo') && zones.includes('UTC') && zones.includes('America/Denver'));
  assert.equal(new Set(zones).size, zones.length);
  assert.deepEqual(zones, [...zones].sort());
});

test('a zone picked is kept as the person\'s first, once; one the service refuses is not picked, and the refusal is the caller\'s', async () => {
  answers = [[200, { timeZone: 'Asia/Tokyo' }]];
  await chooseZone('ada', 'Asia/Tokyo', 'Europe/Berlin', 't');
  await keepZone('ada', 'Asia/Tokyo', 't');
  assert.deepEqual(sent, ['PUT /api/me/time-zone {"timeZone":"Asia/Tokyo"}']);
  assert.equal(pickedZone('ada'), 'Asia/Tokyo');

  answers = [[400, { code: 'invalid_timeZone', message: 'unknown' }]];
  await assert.rejects(chooseZone('ada', 'America/Ciudad_Juarez', 'Europe/Berlin', 't'), e => e.code === 'invalid_timeZone');
  assert.equal(pickedZone('ada'), 'Asia/Tokyo');
});

test('following again keeps the zone followed (the sign-in\'s or the device\'s) as the person\'s, once', async () => {
  pickZone('ada', 'Asia/Tokyo');
  answers = [[200, { timeZone: 'Europe/Berlin' }]];
  await chooseZone('ada', '', 'Europe/Berlin', 't');
  await keepZone('ada', 'Europe/Berlin', 't');
  assert.deepEqual(sent, ['PUT /api/me/time-zone {"timeZone":"Europe/Berlin"}']);
  assert.equal(pickedZone('ada'), null);
});
