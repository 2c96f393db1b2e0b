// Times in the viewer's own zone, always with the zone named; a date-time picked in that zone back to an instant.
export function viewerZone(profileZone) {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isZone(profileZone) ? profileZone : browser || 'UTC';
}

/** Whether the browser knows the name as a zone. */
export function isZone(zone) {
  if (!zone) {
    return false;
  }
  try {
    Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch (e) {
    return false;
  }
}

export function formatWhen(instant, zone) {
  const d = new Date(instant);
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
  return `${text} (${zone})`;
}

/**
 * A span of time, its end as a time of day: "Sun, 6 Dec 2026, 12:30 CET (Europe/Berlin) until 13:00". When the clocks
 * change during it, the end names its own zone ("… 02:30 CEST (Europe/Berlin) until 02:15 CET"), or it would read as
 * ending before it starts, or as an hour longer than it is.
 */
export function formatSpan(start, end, zone) {
  const changed = zoneName(start, zone) !== zoneName(end, zone);
  return `${formatWhen(start, zone)} until ${formatTimeOfDay(end, zone, changed)}`;
}

function zoneName(instant, zone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(instant))
    .find(p => p.type === 'timeZoneName').value;
}

/**
 * A calendar day ("2030-10-27") in a zone as the instants it runs between: midnight to the next midnight, which is 23 or
 * 25 hours apart on a day the clocks change. {from, to, hours}.
 */
export function dayInZone(dateValue, zone) {
  const next = new Date(Date.parse(`${dateValue}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  const from = toInstant(`${dateValue}T00:00`, zone);
  const to = toInstant(`${next}T00:00`, zone);
  return { from, to, hours: (Date.parse(to) - Date.parse(from)) / 3_600_000 };
}

/** A time of day in a zone, "14:30"; with the zone's name ("02:30 CEST") when asked, e.g. on a day the clocks change. */
export function formatTimeOfDay(instant, zone, withZoneName) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hour: '2-digit', minute: '2-digit', ...(withZoneName ? { timeZoneName: 'short' } : {}),
  }).format(new Date(instant));
}

/** Whole minutes from one instant to another (a session's or a slot's length). */
export function minutesBetween(start, end) {
  return Math.round((Date.parse(end) - Date.parse(start)) / 60000);
}

/** The wall-clock fields of an instant in a zone. */
function fields(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = type => Number(parts.find(p => p.type === type).value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * "2030-01-15T10:00" meant in zone → ISO instant (UTC). A wall time that happens twice (the clocks going back) is its
 * first occurrence; one that never happens (the clocks going forward) is moved later by the gap — as RFC 5545 and
 * java.time resolve them, so the picker and the server's invitations agree.
 */
export function toInstant(localValue, zone) {
  const { wall, before, occurrences } = readWall(localValue, zone);
  return new Date(occurrences.length ? occurrences[0] : wall - before).toISOString();
}

/** Every instant the wall clock in zone reads localValue, earliest first: none, one, or two (the clocks going back). */
export function occurrencesOf(localValue, zone) {
  return readWall(localValue, zone).occurrences.map(t => new Date(t).toISOString());
}

function readWall(localValue, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localValue || '');
  if (!m) {
    throw new Error('Pick a date and a time.');
  }
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offsets a day before and a day after: the wall time lies between them, and at most one change does.
  const before = fields(wall - DAY, zone) - (wall - DAY);
  const after = fields(wall + DAY, zone) - (wall + DAY);
  const occurrences = [...new Set([wall - before, wall - after])].filter(t => fields(t, zone) === wall).sort((a, b) => a - b);
  return { wall, before, occurrences };
}

const DAY = 86_400_000;

/** An instant as the value of an <input type="datetime-local"> in zone. */
export function toLocalValue(instant, zone) {
  return new Date(fields(Date.parse(instant), zone)).toISOString().slice(0, 16);
}
