// What the interview wizard says of its choices: when team members are busy (step 2), who is free at a time (step 3), how
// many take part (step 4), when the meeting is in its own zone (steps 5 and 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  busyLine, busySpan, eventTypeLabel, freeHostsLine, guestCountLine, hostNames, inMeetingZone, interviewWhen, meetingSummary, teamNotHostingLine,
} from '../../main/resources/META-INF/resources/app/wizard-lines.js';

const ivy = { calcomUserId: 7, name: 'ivy-cal', teamMember: { id: 'm1', name: 'Ivy Interviewer', role: 'Partner' } };
const bo = { calcomUserId: 8, name: 'Bo on Cal.com', teamMember: null };
const at = (start, end) => ({ start, end });

test('hosts go by their team member\'s name, else by Cal.com\'s', () => {
  assert.equal(hostNames([ivy, bo]), 'Ivy Interviewer, Bo on Cal.com');
});

test('at a time of a round-robin type, the hosts Cal.com lists free then, the same instant written in any offset', () => {
  const free = { everyHostAttends: false, members: [
    { member: ivy, slots: [at('2031-03-03T09:00:00+01:00', '2031-03-03T09:30:00+01:00')] },
    { member: bo, slots: [at('2031-03-03T08:00:00Z', '2031-03-03T08:30:00Z'), at('2031-03-03T09:00:00Z', '2031-03-03T09:30:00Z')] }] };
  assert.equal(freeHostsLine(free, '2031-03-03T08:00:00Z'), 'Free then: Ivy Interviewer, Bo on Cal.com (Cal.com assigns one).');
  assert.equal(freeHostsLine(free, '2031-03-03T10:00:00+01:00'), 'Free then: Bo on Cal.com.');
  assert.equal(freeHostsLine(free, '2031-03-03T12:00:00Z'), '');
});

test('a collective type names every host', () => {
  const free = { everyHostAttends: true, members: [{ member: ivy, slots: [] }, { member: bo, slots: [] }] };
  assert.equal(freeHostsLine(free, '2031-03-03T08:00:00Z'), 'Every host takes part: Ivy Interviewer, Bo on Cal.com.');
});

test('step 4 counts the guests, everyone taking part and the length', () => {
  assert.equal(guestCountLine(0, 2, 30), '0 guests · 2 taking part · 30 minutes');
  assert.equal(guestCountLine(1, 2, 45), '1 guest · 3 taking part · 45 minutes');
  assert.equal(guestCountLine(2, 3, null), '2 guests · 5 taking part');
});

test('an event type is named with its length, or the lengths a booking may choose, unless its title says it', () => {
  assert.equal(eventTypeLabel({ title: 'Interview (30 min)', lengthInMinutes: 30, lengthOptions: [30] }), 'Interview (30 min)');
  assert.equal(eventTypeLabel({ title: 'Intro', lengthInMinutes: 20 }), 'Intro · 20 min');
  assert.equal(eventTypeLabel({ title: 'Interview (flexible)', lengthInMinutes: 30, lengthOptions: [30, 60] }), 'Interview (flexible) · 30 or 60 min');
  assert.equal(eventTypeLabel({ title: '', lengthInMinutes: 30, lengthOptions: [30, 45, 60] }), 'Meeting · 30, 45 or 60 min');
});

test('step 2 names a member\'s first three busy times in the zone asked for, then how many more', () => {
  const busy = [at('2030-03-12T09:00:00Z', '2030-03-12T10:30:00Z'), at('2030-03-12T22:00:00Z', '2030-03-13T01:00:00Z'),
    at('2030-03-14T08:00:00Z', '2030-03-14T08:30:00Z'), at('2030-03-15T08:00:00Z', '2030-03-15T09:00:00Z')];
  assert.equal(busyLine({ busy: busy.slice(0, 1), googleCalendar: 'read' }, 'Europe/Berlin', 7), 'Busy Tue 12 Mar 10:00–11:30.');
  assert.equal(busyLine({ busy, googleCalendar: 'read' }, 'UTC', 7),
    'Busy Tue 12 Mar 09:00–10:30, Tue 12 Mar 22:00 – Wed 13 Mar 01:00, Thu 14 Mar 08:00–08:30 and 1 more.');
  assert.equal(busySpan('2030-03-12T23:30:00Z', '2030-03-13T00:30:00Z', 'Asia/Tokyo'), 'Wed 13 Mar 08:30–09:30');
});

test('step 2 says free only when Google was read, and what is known otherwise', () => {
  assert.equal(busyLine({ busy: [], googleCalendar: 'read' }, 'UTC', 7), 'Free all of the next 7 days.');
  assert.equal(busyLine({ busy: [], googleCalendar: 'not_connected' }, 'UTC', 7),
    'Nothing booked here in the next 7 days (no Google calendar connected: bookings here only).');
  assert.equal(busyLine({ busy: [at('2030-03-12T09:00:00Z', '2030-03-12T10:00:00Z')], googleCalendar: 'not_answering' }, 'UTC', 7),
    'Busy Tue 12 Mar 09:00–10:00 (Google calendar did not answer: bookings here only).');
  assert.equal(busyLine({ busy: [], googleCalendar: 'not_checked' }, 'UTC', 7), 'Availability is not checked here.');
});

test('steps 5 and 6 say when the meeting is in its own zone, and for the viewer when theirs differs', () => {
  assert.equal(meetingSummary('2030-03-12T08:00:00Z', 60, 'Europe/Berlin', 'Europe/Berlin'),
    'Tue, 12 Mar 2030, 09:00 CET (Europe/Berlin) · 60 minutes');
  // (The zones' short names are the browser's, e.g. "GMT-4" or "EDT".)
  assert.match(meetingSummary('2030-03-12T08:00:00Z', 30, 'America/New_York', 'Asia/Tokyo'),
    /^Tue, 12 Mar 2030, 04:00 \S+ \(America\/New_York\) · 30 minutes \(for you: Tue, 12 Mar 2030, 17:00 \S+ \(Asia\/Tokyo\)\)$/);
  assert.equal(meetingSummary(null, 45, 'UTC', 'UTC'), 'In UTC · 45 minutes.');
  assert.match(meetingSummary('2030-03-12T08:00:00Z', 60, 'Mars/Base', 'UTC'), /^Name the meeting's time zone as a place/);
  assert.match(meetingSummary('2030-03-12T08:00:00Z', 60, '', 'UTC'), /^Name the meeting's time zone/);
});

test('the interview page adds the time in the meeting\'s zone only when the viewer\'s differs', () => {
  assert.match(inMeetingZone('2030-03-12T08:00:00Z', 'America/New_York', 'Europe/Berlin'),
    /^In the meeting's zone: Tue, 12 Mar 2030, 04:00 \S+ \(America\/New_York\)$/);
  assert.equal(inMeetingZone('2030-03-12T08:00:00Z', 'Europe/Berlin', 'Europe/Berlin'), '');
  assert.equal(inMeetingZone(null, 'America/New_York', 'Europe/Berlin'), '');
  assert.equal(inMeetingZone('2030-03-12T08:00:00Z', null, 'Europe/Berlin'), '');
});

test('the interview page says when it starts and ends in the viewer\'s zone, and how long', () => {
  assert.match(interviewWhen('2030-03-12T08:00:00Z', '2030-03-12T09:00:00Z', 60, 'Europe/Berlin'),
    /^Tue, 12 Mar 2030, 09:00 \S+ \(Europe\/Berlin\) until 10:00 · 60 minutes$/);
  assert.match(interviewWhen('2030-10-27T00:30:00Z', '2030-10-27T01:15:00Z', 45, 'Europe/Berlin'),
    /02:30 CEST \(Europe\/Berlin\) until 02:15 CET · 45 minutes$/, 'the clocks go back during it');
  assert.match(interviewWhen('2030-03-12T08:00:00Z', null, null, 'UTC'), /^Tue, 12 Mar 2030, 08:00 UTC \(UTC\)$/);
  assert.equal(interviewWhen(null, null, 30, 'UTC'), 'No time yet');
});

test('step 3 names who of the team the chosen type\'s Cal.com hosts leave out', () => {
  const type = { hosts: [ivy, bo] };
  const ivyMember = { id: 'm1', name: 'Ivy Interviewer' };
  const ben = { id: 'm2', name: 'Ben Panel' };
  const cleo = { id: 'm3', name: 'Cleo Panel' };
  assert.equal(teamNotHostingLine(type, { primary: ivyMember, additional: [] }), '');
  assert.equal(teamNotHostingLine(type, { primary: ivyMember, additional: [ben] }),
    'Ben Panel is not a host of this type on Cal.com, which keeps the time free for its hosts only; '
    + 'schedulr still invites them too and leaves out the times their calendars are busy.');
  assert.match(teamNotHostingLine({ hosts: [bo] }, { primary: ivyMember, additional: [ben, cleo] }),
    /^Ivy Interviewer, Ben Panel and Cleo Panel are not hosts of this type on Cal\.com/);
  assert.equal(teamNotHostingLine({ hosts: [] }, { primary: ben }), '', 'Cal.com named no hosts: nothing to say');
  assert.equal(teamNotHostingLine(type, null), '');
});
