// The reminders page's reading and wording of lead times, and what its calendar card says and offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarCardState, describe, fromMinutes, minutesOf } from '../../main/resources/META-INF/resources/app/reminders.js';

test('minutes are shown in the largest unit that keeps them whole', () => {
  assert.deepEqual(fromMinutes(10), { amount: 10, unit: 'minutes' });
  assert.deepEqual(fromMinutes(60), { amount: 1, unit: 'hours' });
  assert.deepEqual(fromMinutes(90), { amount: 90, unit: 'minutes' });
  assert.deepEqual(fromMinutes(2880), { amount: 2, unit: 'days' });
});

test('the rows become minutes, largest first', () => {
  assert.deepEqual(minutesOf([{ amount: '10', unit: 'minutes' }, { amount: '1', unit: 'days' }, { amount: '2', unit: 'hours' }]),
    [1440, 120, 10]);
  assert.deepEqual(minutesOf([]), []);
});

test('what the API would refuse is said before sending', () => {
  assert.throws(() => minutesOf([{ amount: '', unit: 'minutes' }]), /whole number/);
  assert.throws(() => minutesOf([{ amount: '1.5', unit: 'hours' }]), /whole number/);
  assert.throws(() => minutesOf([{ amount: '0', unit: 'minutes' }]), /whole number/);
  assert.throws(() => minutesOf([{ amount: '8', unit: 'days' }]), /at most 7 days/);
  assert.throws(() => minutesOf([{ amount: '60', unit: 'minutes' }, { amount: '1', unit: 'hours' }]), /same time/);
  assert.throws(() => minutesOf([1, 2, 3, 4].map(n => ({ amount: String(n), unit: 'minutes' }))), /At most 3/);
});

test('the choice in words', () => {
  assert.equal(describe([60, 10], 'email'), '1 hour and 10 minutes before each session, by email');
  assert.equal(describe([2880, 120, 1], 'popup'), '2 days, 2 hours and 1 minute before each session, as pop-ups in your Google Calendar');
  assert.equal(describe([], 'email'), 'no reminders');
});

test('a connected calendar is said so and offered to disconnect, warned that the gate will ask for it again', () => {
  const gated = calendarCardState('connected', true);
  assert.equal(gated.text, 'Connected: schedulr puts your sessions in the calendar "Schedulr Meetings" of your Google Calendar.');
  assert.equal(gated.offers, 'disconnect');
  assert.match(gated.warning, /^Disconnect your Google Calendar\? .* You will need to connect it again to book or offer sessions\.$/);
  const ungated = calendarCardState('connected', false);
  assert.equal(ungated.offers, 'disconnect');
  assert.doesNotMatch(ungated.warning, /connect it again/, 'without the gate nothing is asked again');
});

test('a calendar withdrawn in Google, or never connected, is said so and offered to connect', () => {
  assert.deepEqual(calendarCardState('revoked', true),
    { text: 'Disconnected in Google: schedulr can no longer reach your calendar.', offers: 'connect' });
  assert.deepEqual(calendarCardState('not_connected', false), { text: 'Not connected.', offers: 'connect' });
  assert.deepEqual(calendarCardState(undefined, false), { text: 'Not connected.', offers: 'connect' }, 'a status not known here');
});
