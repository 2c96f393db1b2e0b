// The week of slots the availability page publishes, on weeks when the clocks change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMonday, weekWindows } from '../../main/resources/META-INF/resources/app/slots.js';

const sundayOnly = [false, false, false, false, false, false, true];
const NOW = Date.parse('2026-01-01T00:00:00Z');

test('an ordinary day: every slot in the zone, each as long as asked', () => {
  assert.deepEqual(weekWindows('2026-12-07', '09:00', '10:00', 30, [true, false, false, false, false, false, false], 'Europe/Berlin', NOW), [
    { startTs: '2026-12-07T08:00:00.000Z', endTs: '2026-12-07T08:30:00.000Z' },
    { startTs: '2026-12-07T08:30:00.000Z', endTs: '2026-12-07T09:00:00.000Z' },
  ]);
});

test('the clocks go forward: the skipped times are no slots, the rest keep their length', () => {
  // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST.
  assert.deepEqual(weekWindows('2026-03-23', '01:30', '03:30', 30, sundayOnly, 'Europe/Berlin', NOW), [
    { startTs: '2026-03-29T00:30:00.000Z', endTs: '2026-03-29T01:00:00.000Z' },
    { startTs: '2026-03-29T01:00:00.000Z', endTs: '2026-03-29T01:30:00.000Z' },
  ]);
});

test('the clocks go back: every slot lasts its minutes, none overlaps another', () => {
  // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00–03:00 comes twice.
  const windows = weekWindows('2026-10-19', '01:30', '03:30', 30, sundayOnly, 'Europe/Berlin', NOW);
  for (const w of windows) {
    assert.equal(Date.parse(w.endTs) - Date.parse(w.startTs), 30 * 60_000, JSON.stringify(w));
  }
  const sorted = windows.map(w => [Date.parse(w.startTs), Date.parse(w.endTs)]).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i][0] >= sorted[i - 1][1], 'overlap at ' + new Date(sorted[i][0]).toISOString());
  }
  // 01:30 CEST, then the repeated hour twice (02:00 and 02:30 CEST, 02:00 and 02:30 CET), then 03:00 CET.
  assert.deepEqual(windows.map(w => w.startTs), ['2026-10-24T23:30:00.000Z', '2026-10-25T00:00:00.000Z',
    '2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z', '2026-10-25T02:00:00.000Z']);
});

test('the clocks go back under slots longer than the repeated hour: the repeats that would overlap are left out', () => {
  const windows = weekWindows('2026-10-19', '01:00', '04:00', 90, sundayOnly, 'Europe/Berlin', NOW);
  // 01:00 CEST, 02:30 CEST; 02:30 CET would overlap the slot before it; the wall's 04:00 CET ends the window.
  assert.deepEqual(windows, [
    { startTs: '2026-10-24T23:00:00.000Z', endTs: '2026-10-25T00:30:00.000Z' },
    { startTs: '2026-10-25T00:30:00.000Z', endTs: '2026-10-25T02:00:00.000Z' },
  ]);
});

test('the clocks go forward under a slot: it still ends by "until" on the wall', () => {
  // 01:30 CET plus 60 minutes is 03:30 CEST, after 03:00.
  assert.throws(() => weekWindows('2026-03-23', '01:30', '03:00', 60, sundayOnly, 'Europe/Berlin', NOW), /No slot fits/);
});

test('"until" in the hour the clocks skip: the slot that ends as they jump is made', () => {
  // 02:30 never comes on 29 March 2026 in Berlin; 01:30 CET plus 30 minutes is the jump to 03:00 CEST.
  assert.deepEqual(weekWindows('2026-03-23', '01:00', '02:30', 30, sundayOnly, 'Europe/Berlin', NOW), [
    { startTs: '2026-03-29T00:00:00.000Z', endTs: '2026-03-29T00:30:00.000Z' },
    { startTs: '2026-03-29T00:30:00.000Z', endTs: '2026-03-29T01:00:00.000Z' },
  ]);
  // A 45-minute slot from 01:45 CET would run to 03:30 CEST, past the jump and past "until": not made.
  assert.throws(() => weekWindows('2026-03-23', '01:45', '02:30', 45, sundayOnly, 'Europe/Berlin', NOW), /No slot fits/);
});

test('a week already begun: the times already past are left out', () => {
  const monday = [true, false, false, false, false, false, false];
  const now = Date.parse('2026-12-07T08:30:00Z'); // Monday 09:30 in Berlin: the slots of 09:00 and 09:30 are no more
  assert.deepEqual(weekWindows('2026-12-07', '09:00', '11:00', 30, monday, 'Europe/Berlin', now).map(w => w.startTs),
    ['2026-12-07T09:00:00.000Z', '2026-12-07T09:30:00.000Z']);
  assert.throws(() => weekWindows('2026-12-07', '09:00', '11:00', 30, monday, 'Europe/Berlin', Date.parse('2026-12-08T00:00:00Z')),
    /still ahead/);
});

test('the week offered starts on the coming Monday of the viewer\'s calendar, not of UTC', () => {
  // Sunday 17:00 in Los Angeles is already Monday 01:00 in UTC: the coming Monday is tomorrow there, not in 8 days.
  assert.equal(nextMonday('America/Los_Angeles', Date.parse('2026-12-07T01:00:00Z')), '2026-12-07');
  // Monday 00:30 in Berlin is still Sunday in UTC: on Monday, the coming Monday is a week later.
  assert.equal(nextMonday('Europe/Berlin', Date.parse('2026-12-06T23:30:00Z')), '2026-12-14');
  assert.equal(nextMonday('UTC', Date.parse('2026-12-04T01:40:00Z')), '2026-12-07');
});
