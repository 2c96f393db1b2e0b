// Lines the interview wizard writes from what the API answered (no page needed: tested as script).
import { formatSpan, formatWhen, isZone } from './time.js';

/** Step 4's line: how many guests, how many take part in all (the team and the contact besides), for how long. */
export function guestCountLine(guests, others, minutes) {
  return `${guests} ${guests === 1 ? 'guest' : 'guests'} · ${guests + others} taking part${minutes ? ` · ${minutes} minutes` : ''}`;
}

/** Hosts by our team member's name when linked, else Cal.com's. */
export function hostNames(hosts) {
  return hosts.map(x => (x.teamMember ? x.teamMember.name : x.name)).join(', ');
}

/** Who of the type's hosts is free at a time: all of them for a collective type, else those Cal.com lists free then. */
export function freeHostsLine(free, start) {
  const at = new Date(start).getTime();
  const hosts = free.everyHostAttends ? free.members.map(m => m.member)
    : free.members.filter(m => m.slots.some(s => new Date(s.start).getTime() === at)).map(m => m.member);
  if (!hosts.length) {
    return '';
  }
  return free.everyHostAttends ? `Every host takes part: ${hostNames(hosts)}.` : `Free then: ${hostNames(hosts)}${hosts.length > 1
    ? ' (Cal.com assigns one).' : '.'}`;
}

/**
 * Step 3, for the type chosen: who of the interview's team is not one of its hosts on Cal.com. Cal.com keeps a time free
 * for the type's hosts only (its slots are theirs); schedulr still invites the whole team and leaves out the times that
 * clash with their calendars. Empty when every member hosts it, or Cal.com named no hosts.
 */
export function teamNotHostingLine(type, team) {
  if (!type || !type.hosts || !type.hosts.length || !team) {
    return '';
  }
  const hosting = new Set(type.hosts.filter(x => x.teamMember).map(x => x.teamMember.id));
  const outside = [team.primary, ...(team.additional || [])].filter(m => m && !hosting.has(m.id)).map(m => m.name);
  if (!outside.length) {
    return '';
  }
  const names = outside.length > 1 ? `${outside.slice(0, -1).join(', ')} and ${outside[outside.length - 1]}` : outside[0];
  return `${names} ${outside.length > 1 ? 'are not hosts' : 'is not a host'} of this type on Cal.com, which keeps the time free for its `
    + `hosts only; schedulr still invites ${outside.length > 1 ? 'them' : 'them too'} and leaves out the times their calendars are busy.`;
}

/** An event type's title, with its length (or the lengths a booking may choose) unless the title says it ("Interview (30 min)"). */
export function eventTypeLabel(type) {
  const lengths = type.lengthOptions && type.lengthOptions.length > 1 ? type.lengthOptions : [type.lengthInMinutes];
  const length = `${lengths.length > 1 ? `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]}` : lengths[0]} min`;
  const title = type.title || 'Meeting';
  return title.toLowerCase().includes(length) ? title : `${title} · ${length}`;
}

const CALENDAR_NOTES = {
  not_connected: 'no Google calendar connected: bookings here only',
  not_answering: 'Google calendar did not answer: bookings here only',
};

/**
 * Step 2's line for a team member: when they are busy in the days shown (the first three times, then how many more), and
 * whether their Google calendar is in it.
 */
export function busyLine(member, zone, days) {
  if (member.googleCalendar === 'not_checked') {
    return 'Availability is not checked here.';
  }
  const note = CALENDAR_NOTES[member.googleCalendar];
  if (!member.busy.length) {
    return note ? `Nothing booked here in the next ${days} days (${note}).` : `Free all of the next ${days} days.`;
  }
  const shown = member.busy.slice(0, 3).map(b => busySpan(b.start, b.end, zone));
  const more = member.busy.length - shown.length;
  return `Busy ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}${note ? ` (${note})` : ''}.`;
}

/** "Tue 8 Dec 10:00–11:00", or with both days when it runs past midnight: "Tue 8 Dec 22:00 – Wed 9 Dec 01:00". */
export function busySpan(start, end, zone) {
  const day = instant => new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(instant)).replace(',', '');
  const time = instant => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
  return day(start) === day(end) ? `${day(start)} ${time(start)}–${time(end)}` : `${day(start)} ${time(start)} – ${day(end)} ${time(end)}`;
}

/**
 * Steps 5 and 6: when the meeting is in its own zone and how long, and, when the viewer's zone differs, when that is for
 * them. A zone the browser does not know is said so (the API refuses it too).
 */
export function meetingSummary(startAt, minutes, meetingZone, viewerZone) {
  if (!isZone(meetingZone)) {
    return 'Name the meeting\'s time zone as a place, e.g. Europe/Berlin or America/New_York.';
  }
  const length = minutes ? ` · ${minutes} minutes` : '';
  if (!startAt) {
    return `In ${meetingZone}${length}.`;
  }
  const yours = viewerZone && viewerZone !== meetingZone && isZone(viewerZone) ? ` (for you: ${formatWhen(startAt, viewerZone)})` : '';
  return `${formatWhen(startAt, meetingZone)}${length}${yours}`;
}

/**
 * The interview page's time: when it starts and ends in the viewer's zone, and how long ("… 09:00 CET (Europe/Berlin)
 * until 10:00 · 60 minutes").
 */
export function interviewWhen(startAt, endAt, minutes, viewerZone) {
  if (!startAt) {
    return 'No time yet';
  }
  return `${endAt ? formatSpan(startAt, endAt, viewerZone) : formatWhen(startAt, viewerZone)}${minutes ? ` · ${minutes} minutes` : ''}`;
}

/** The interview page's second line of its time: in the meeting's own zone, when the viewer's differs (else empty). */
export function inMeetingZone(startAt, meetingZone, viewerZone) {
  return startAt && meetingZone && meetingZone !== viewerZone && isZone(meetingZone) ? `In the meeting's zone: ${formatWhen(startAt, meetingZone)}` : '';
}
