// A change refused because the sign-in had ended: kept across the renewal, offered again to the same person only.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map();
globalThis.sessionStorage = {
  getItem: key => (stored.has(key) ? stored.get(key) : null),
  setItem: (key, value) => stored.set(key, String(value)),
  removeItem: key => stored.delete(key),
};
const { describeChange, forgetUnsaved, keepUnsaved, takeUnsaved } = await import('../../main/resources/META-INF/resources/app/unsaved.js');

const NOW = Date.parse('2030-01-01T10:00:00Z');
const STEP = { method: 'PUT', url: '/api/interviews/0b6c/steps/details', body: { prepNotes: 'Read the deck', timeZone: 'UTC' } };

test('a write refused for the sign-in is offered once, to the same person, with what they typed', () => {
  keepUnsaved(STEP, 'ada', NOW);
  assert.deepEqual(takeUnsaved('ada', NOW + 60_000), { ...STEP, userId: 'ada', at: NOW });
  assert.equal(takeUnsaved('ada', NOW + 60_000), null, 'once');
});

test('nobody else is offered it, nor anyone after 15 minutes', () => {
  keepUnsaved(STEP, 'ada', NOW);
  assert.equal(takeUnsaved('ben', NOW), null);
  assert.equal(takeUnsaved('ada', NOW), null, 'taken by the wrong person, it is gone');
  keepUnsaved(STEP, 'ada', NOW);
  assert.equal(takeUnsaved('ada', NOW + 15 * 60_000), null);
});

test('reads, other sites, the zone the app keeps by itself and an unknown person are not kept', () => {
  for (const request of [{ method: 'GET', url: '/api/interviews', body: null },
    { method: 'DELETE', url: 'http://localhost:8082/api/calendar/connection', body: null },
    { method: 'POST', url: '//evil.example/api/x', body: null },
    { method: 'PUT', url: '/api/me/time-zone', body: { timeZone: 'UTC' } }]) {
    keepUnsaved(request, 'ada', NOW);
    assert.equal(takeUnsaved('ada', NOW), null, request.url);
  }
  keepUnsaved(STEP, undefined, NOW);
  assert.equal(takeUnsaved(undefined, NOW), null);
});

test('signing out forgets it; a kept change that is not one is ignored', () => {
  keepUnsaved(STEP, 'ada', NOW);
  forgetUnsaved();
  assert.equal(takeUnsaved('ada', NOW), null);
  sessionStorage.setItem('schedulr.unsaved-change', '{not json');
  assert.equal(takeUnsaved('ada', NOW), null);
  sessionStorage.setItem('schedulr.unsaved-change', JSON.stringify({ method: 'POST', url: 'https://evil.example/', userId: 'ada', at: NOW }));
  assert.equal(takeUnsaved('ada', NOW), null);
});

test('the change is named as the page it came from names it', () => {
  assert.equal(describeChange(STEP), 'a step of an interview');
  assert.equal(describeChange({ url: '/api/interviews/0b6c/reschedule' }), 'moving an interview');
  assert.equal(describeChange({ url: '/api/practice-room/create' }), 'a new session');
  assert.equal(describeChange({ url: '/api/practice-room/update' }), 'a change to a session');
  assert.equal(describeChange({ url: '/api/me/preferences' }), 'your reminder settings');
  assert.equal(describeChange({ url: '/api/slots/7/book' }), 'booking a slot');
  assert.equal(describeChange({ url: '/api/slots' }), 'a change to your availability');
  assert.equal(describeChange({ url: '/api/whatever' }), 'your last change');
});
