// What became of an interview's invitation mails, one line per address, as notification-service knows it.
import { formatWhen } from './time.js';

const STATES = {
  waiting: 'waiting to be sent',
  retrying: 'not taken by the mail server yet; tried again',
  sent: 'sent',
  delivered: 'delivered',
  delayed: 'delayed on its way',
  bounced: 'bounced',
  complained: 'marked as spam by its recipient',
  undeliverable: 'cannot be sent to this address',
  left_to_google: 'sent by Google Calendar',
};
const ROLES = { contact: 'contact', guest: 'guest', interviewer: 'interviewer' };

/** Whether the mail did not reach its recipient (yet): the page marks these lines. */
export function mailTrouble(mail) {
  return ['retrying', 'bounced', 'complained', 'undeliverable'].includes(mail.state);
}

/**
 * Whether the page should look again soon: nothing mailed yet (just sent), a mail not yet taken by the mail server, or none
 * yet for the interview's latest change ({@code sequence}: e.g. its guests were just changed, and the updated invitations
 * are still on their way to notification-service).
 */
export function mailsOnTheirWay(mails, sequence) {
  return mails.length === 0 || mails.some(m => m.state === 'waiting' || m.state === 'retrying')
    || (Number.isInteger(sequence) && !mails.some(m => m.sequence >= sequence));
}

/**
 * How long the page waits before it reads the mails again, after {@code reads} reads: every 3 s for the first minute (a mail
 * usually leaves within seconds), then 15 s, 30 s, 1 min and every 2 min after that — a mail the mail server refuses is
 * tried again for longer than a minute — until the page has looked for half an hour; then null (reloading looks again).
 */
export function mailsLookAgainIn(reads) {
  const FAST = 20;
  const delays = [];
  let waited = 0;
  for (let i = 0; waited < 30 * 60_000; i++) {
    const delay = i < FAST ? 3000 : Math.min(120_000, 15_000 * 2 ** (i - FAST));
    delays.push(delay);
    waited += delay;
  }
  return reads >= 1 && reads <= delays.length ? delays[reads - 1] : null;
}

/**
 * "Grace Hopper <grace@acme.test>, contact: invitation delivered (Mon, 7 Dec 2026, 10:12 CET (Europe/Berlin))", with the
 * mail server's or provider's reason after a dash. An address the interview no longer names says so.
 */
export function mailLine(mail, zone) {
  const who = mail.name ? `${mail.name} <${mail.email}>, ${ROLES[mail.role] || mail.role}` : `<${mail.email}> (no longer in this interview)`;
  return `${who}: ${mailFate(mail, zone)}${mail.detail ? ` — ${mail.detail}` : ''}`;
}

/** What became of one mail, and when: "invitation bounced (Mon, 7 Dec 2026, 10:12 CET (Europe/Berlin))". */
function mailFate(mail, zone) {
  const what = `${mail.kind === 'cancellation' ? 'cancellation' : 'invitation'} ${STATES[mail.state] || mail.state}`;
  return `${what}${mail.at ? ` (${formatWhen(mail.at, zone)})` : ''}`;
}

/**
 * A guest's "Invitation" cell in the guest table: once the page has read the interview's mails, what became of the mail to
 * their address, in the Mails section's words (so the two never disagree: a bounced invitation does not read "sent" there);
 * before that, or when no mail went to that address, what the interview says of them ("pending", or "sent" and when).
 * {@code trouble} marks the cell as the Mails section marks its line.
 */
export function guestInvitation(guest, mails, zone) {
  const mail = (mails || []).find(m => m.email.toLowerCase() === String(guest.email).toLowerCase());
  if (mail) {
    return { text: mailFate(mail, zone), trouble: mailTrouble(mail) };
  }
  return { text: guest.invitationStatus + (guest.invitationSentAt ? ` (${formatWhen(guest.invitationSentAt, zone)})` : ''), trouble: false };
}

/**
 * Whether the caller may change the guests of this sent interview now (the API says the same, 409 otherwise): they may
 * move or cancel it, its host did not ask for another time, and it was not booked on Cal.com directly.
 */
export function guestsChangeable(iv) {
  return Boolean(iv.changeable) && !iv.awaitingNewTime && iv.origin !== 'calcom';
}

/**
 * Where the address of a mail that did not arrive is corrected, when the page can say: a contact's on their startup's page
 * (the interview then invites the corrected address at once); a team member's by an admin, in the team table; a guest's
 * with "Change guests", for who may change them now ({@link guestsChangeable}). Null otherwise (a mail on its way, delivered or
 * marked as spam, a guest for someone else, an address the interview no longer names).
 */
export function correctionHint(mail, iv) {
  if (mail.state !== 'bounced' && mail.state !== 'undeliverable') {
    return null;
  }
  if (mail.role === 'contact' && iv.startup) {
    return { text: `Correct ${mail.name}'s address on ${iv.startup.name}'s page`, href: `#/startups/${encodeURIComponent(iv.startup.id)}` };
  }
  if (mail.role === 'interviewer') {
    return { text: `An admin corrects ${mail.name}'s address in the team table`, href: null };
  }
  if (mail.role === 'guest' && guestsChangeable(iv)) {
    return { text: `Correct ${mail.name}'s address with Change guests, above`, href: null };
  }
  return null;
}
