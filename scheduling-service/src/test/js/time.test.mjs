// The web app's time helpers, run by WebAppScriptsTest with Node's own test runner (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayInZone, formatSpan, formatTimeOfDay, minutesBetween, occurrencesOf, toInstant, toLocalValue } from '../../main/resources/META-INF/resources/app/time.js';

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

test('a span during which the clocks change names the end\'s own zone', () => {
  // The names are ICU's (CET/CEST, GMT-4/GMT-5 in en-GB): what matters is that each time carries its own.
  const cases = [
    ['2030-10-27T00:30:00Z', '2030-10-27T01:15:00Z', 'Europe/Berlin', '02:30', '02:15'],
    ['2030-03-31T00:30:00Z', '2030-03-31T01:15:00Z', 'Europe/Berlin', '01:30', '03:15'],
    ['2030-11-03T05:30:00Z', '2030-11-03T06:15:00Z', 'America/New_York', '01:30', '01:15'],
  ];
  for (const [start, end, zone, from, until] of cases) {
    const m = new RegExp(`${from} (\\S+) \\(${zone.replace('/', '\\/')}\\) until ${until} (\\S+)$`).exec(formatSpan(start, end, zone));
    assert.ok(m, formatSpan(start, end, zone));
    assert.notEqual(m[1], m[2]);
  }
  assert.match(formatSpan('2030-10-28T00:30:00Z', '2030-10-28T01:15:00Z', 'Europe/Berlin'), /until 02:15$/);
});

test('a day in a zone runs from midnight to midnight, 23 or 25 hours when the clocks change', () => {
  assert.deepEqual(dayInZone('2030-10-27', 'Europe/Berlin'), { from: '2030-10-26T22:00:00.000Z', to: '2030-10-27T23:00:00.000Z', hours: 25 });
  assert.deepEqual(dayInZone('2030-03-31', 'Europe/Berlin'), { from: '2030-03-30T23:00:00.000Z', to: '2030-03-31T22:00:00.000Z', hours: 23 });
  assert.deepEqual(dayInZone('2030-12-31', 'America/New_York'), { from: '2030-12-31T05:00:00.000Z', to: '2031-01-01T05:00:00.000Z', hours: 24 });
});

test('a time of day that comes twice is told apart by its zone name', () => {
  const first = formatTimeOfDay('2030-10-27T00:30:00Z', 'Europe/Berlin', true);
  const second = formatTimeOfDay('2030-10-27T01:30:00Z', 'Europe/Berlin', true);
  assert.match(first, /^02:30 \S+$/);
  assert.match(second, /^02:30 \S+$/);
  assert.notEqual(first, second);
  assert.equal(formatTimeOfDay('2030-10-28T13:30:00Z', 'Europe/Berlin', false), '14:30');
});

test('a wall time happens once, twice when the clocks go back, never when they go forward', () => {
  assert.deepEqual(occurrencesOf('2026-12-01T10:00', 'Europe/Berlin'), ['2026-12-01T09:00:00.000Z']);
  assert.deepEqual(occurrencesOf('2026-10-25T02:30', 'Europe/Berlin'), ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  assert.deepEqual(occurrencesOf('2026-03-29T02:30', 'Europe/Berlin'), []);
});
