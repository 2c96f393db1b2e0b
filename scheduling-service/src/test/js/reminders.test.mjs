// The reminders page's reading and wording of lead times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, fromMinutes, minutesOf } from '../../main/resources/META-INF/resources/app/reminders.js';

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
