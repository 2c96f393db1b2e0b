// The web app's time helpers, run by WebAppScriptsTest with Node's own test runner (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSpan, minutesBetween, toInstant, toLocalValue } from '../../main/resources/META-INF/resources/app/time.js';

test('a wall time in a zone is the instant java.time gives it', () => {
  assert.equal(toInstant('2026-12-01T10:00', 'Europe/Berlin'), '2026-12-01T09:00:00.000Z');
  assert.equal(toInstant('2026-07-01T10:00', 'Europe/Berlin'), '2026-07-01T08:00:00.000Z');
  assert.equal(toInstant('2026-07-01T10:00', 'America/New_York'), '2026-07-01T14:00:00.000Z');
  assert.equal(toInstant('2026-07-01T10:00', 'Asia/Kolkata'), '2026-07-01T04:30:00.000Z');
});

test('a wall time the clocks pass twice is its first occurrence, east and west of UTC', () => {
  assert.equal(toInstant('2026-10-25T02:30', 'Europe/Berlin'), '2026-10-25T00:30:00.000Z');
  assert.equal(toInstant('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z');
  assert.equal(toInstant('2026-04-05T02:30', 'Australia/Sydney'), '2026-04-04T15:30:00.000Z');
  assert.equal(toInstant('2026-04-05T01:45', 'Australia/Lord_Howe'), '2026-04-04T14:45:00.000Z');
});

test('a wall time the clocks skip is moved later by the gap, east and west of UTC', () => {
  assert.equal(toInstant('2026-03-29T02:30', 'Europe/Berlin'), '2026-03-29T01:30:00.000Z');
  assert.equal(toInstant('2026-03-08T02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  assert.equal(toInstant('2026-10-04T02:30', 'Australia/Sydney'), '2026-10-03T16:30:00.000Z');
});

test('a picked instant is shown again as the same wall time', () => {
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC']) {
    assert.equal(toLocalValue(toInstant('2026-05-14T15:30', zone), zone), '2026-05-14T15:30');
  }
});

test('nothing picked is refused with words a person can read', () => {
  assert.throws(() => toInstant('', 'UTC'), /Pick a date and a time/);
  assert.throws(() => toInstant('2026-05-14', 'UTC'), /Pick a date and a time/);
});

test('lengths and spans', () => {
  assert.equal(minutesBetween('2026-05-14T10:00:00Z', '2026-05-14T10:45:00Z'), 45);
  assert.match(formatSpan('2026-12-06T11:30:00Z', '2026-12-06T12:00:00Z', 'Europe/Berlin'), /12:30 .*\(Europe\/Berlin\) until 13:00$/);
});
