// Independent check of the invitations notification-service generates: parses every .ics in a folder with Mozilla's
// ical.js (the parser in Thunderbird) and checks what RFC 5545/5546 and docs/notifications.md require of an iTIP
// REQUEST or CANCEL. Exits non-zero on any failure. Usage: node check.mjs <folder-with-ics-files>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check.mjs <folder-with-ics-files>');
  process.exit(2);
}

function checkFile(file) {
  const problems = [];
  const raw = readFileSync(file);
  const text = raw.toString('utf8');

  // Wire format: CRLF line ends, folded at 75 octets.
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('has a line end that is not CRLF');
  for (const line of text.split('\r\n')) {
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) problems.push(`line longer than 75 octets (${octets}): ${line.slice(0, 40)}...`);
  }

  let vcalendar;
  try {
    vcalendar = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    return [`ical.js cannot parse it: ${e.message}`];
  }
  if (vcalendar.name !== 'vcalendar') return [`top component is ${vcalendar.name}, not vcalendar`];

  const method = vcalendar.getFirstPropertyValue('method');
  if (method !== 'REQUEST' && method !== 'CANCEL') problems.push(`METHOD is ${method}, expected REQUEST or CANCEL`);
  if (!vcalendar.getFirstPropertyValue('prodid')) problems.push('PRODID missing');
  if (vcalendar.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION is not 2.0');

  const vevents = vcalendar.getAllSubcomponents('vevent');
  if (vevents.length !== 1) {
    problems.push(`expected exactly one VEVENT, found ${vevents.length}`);
    return problems;
  }
  const vevent = vevents[0];
  const event = new ICAL.Event(vevent);

  if (!event.uid) problems.push('UID missing');
  const sequence = vevent.getFirstPropertyValue('sequence');
  if (sequence === null || !Number.isInteger(sequence) || sequence < 0) problems.push(`SEQUENCE missing or invalid: ${sequence}`);
  for (const name of ['dtstamp', 'dtstart', 'dtend']) {
    const value = vevent.getFirstPropertyValue(name);
    if (!value) {
      problems.push(`${name.toUpperCase()} missing`);
    } else if (value.zone !== ICAL.Timezone.utcTimezone) {
      problems.push(`${name.toUpperCase()} is not in UTC`);
    }
  }
  if (event.startDate && event.endDate && event.endDate.compare(event.startDate) <= 0) problems.push('DTEND is not after DTSTART');
  if (!event.summary) problems.push('SUMMARY missing');

  const organizer = vevent.getFirstProperty('organizer');
  if (!organizer) {
    problems.push('ORGANIZER missing');
  } else {
    if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(organizer.getFirstValue())) problems.push(`ORGANIZER is not a mailto: URI: ${organizer.getFirstValue()}`);
    if (!organizer.getParameter('cn')) problems.push('ORGANIZER has no CN');
  }
  const attendees = vevent.getAllProperties('attendee');
  if (attendees.length === 0) problems.push('ATTENDEE missing');
  for (const attendee of attendees) {
    if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(attendee.getFirstValue())) problems.push(`ATTENDEE is not a mailto: URI: ${attendee.getFirstValue()}`);
    for (const param of ['cn', 'role', 'partstat']) {
      if (!attendee.getParameter(param)) problems.push(`ATTENDEE has no ${param.toUpperCase()}`);
    }
  }

  const status = vevent.getFirstPropertyValue('status');
  // A REQUEST is CONFIRMED, or TENTATIVE while its booking waits for the host's confirmation (RFC 5545 3.8.1.11); the
  // samples of tentative invitations say so in their names.
  const expectedStatus = method === 'CANCEL' ? 'CANCELLED' : /tentative/.test(file) ? 'TENTATIVE' : 'CONFIRMED';
  if (status !== expectedStatus) problems.push(`STATUS is ${status}, expected ${expectedStatus} for METHOD ${method}`);
  return problems;
}

let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.ics')).sort().map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
} catch (e) {
  console.error(`ics-check: cannot read ${dir}: ${e.message}`);
  console.log('ics-check: 0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const file of files) {
  const problems = checkFile(file);
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${file}`);
  } else {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`     - ${p}`);
  }
}
if (files.length === 0) {
  console.error(`ics-check: no .ics files in ${dir} (run the notification-service tests first)`);
  failed = 1;
}
console.log(`ics-check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
