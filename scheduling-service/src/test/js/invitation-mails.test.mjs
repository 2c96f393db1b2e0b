// An interview's mails, one line per address: who, what became of the mail, when, and why when it failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionHint, guestInvitation, guestsChangeable, mailLine, mailsLookAgainIn, mailsOnTheirWay, mailTrouble } from '../../main/resources/META-INF/resources/app/invitation-mails.js';

const grace = { email: 'grace@acme.test', name: 'Grace Hopper', role: 'contact', kind: 'invitation', sequence: 0, state: 'delivered',
  at: '2026-12-07T09:12:00Z', detail: null };

test('a delivered invitation names the person, their part and when, in the viewer\'s zone', () => {
  assert.equal(mailLine(grace, 'Europe/Berlin'),
    'Grace Hopper <grace@acme.test>, contact: invitation delivered (Mon, 7 Dec 2026, 10:12 CET (Europe/Berlin))');
  assert.equal(mailTrouble(grace), false);
});

test('a bounce says why, and is marked', () => {
  const bounced = { ...grace, role: 'guest', state: 'bounced', detail: '550 5.1.1 mailbox unavailable' };
  assert.equal(mailLine(bounced, 'UTC'),
    'Grace Hopper <grace@acme.test>, guest: invitation bounced (Mon, 7 Dec 2026, 09:12 UTC (UTC)) — 550 5.1.1 mailbox unavailable');
  assert.equal(mailTrouble(bounced), true);
  assert.equal(mailTrouble({ ...grace, state: 'retrying' }), true);
  assert.equal(mailTrouble({ ...grace, state: 'undeliverable' }), true);
  assert.equal(mailTrouble({ ...grace, state: 'waiting' }), false);
});

test('the cancellation to an address since corrected says the interview no longer names it', () => {
  assert.equal(mailLine({ ...grace, email: 'grace@acme.tset', name: null, role: null, kind: 'cancellation', state: 'sent' }, 'UTC'),
    '<grace@acme.tset> (no longer in this interview): cancellation sent (Mon, 7 Dec 2026, 09:12 UTC (UTC))');
});

test('a state this page does not know yet is shown as the API names it', () => {
  assert.equal(mailLine({ ...grace, state: 'teleported', at: null }, 'UTC'), 'Grace Hopper <grace@acme.test>, contact: invitation teleported');
});

test('the page looks again while nothing is mailed yet or a mail waits for the mail server, not once all are taken', () => {
  assert.equal(mailsOnTheirWay([]), true);
  assert.equal(mailsOnTheirWay([grace, { ...grace, state: 'waiting' }]), true);
  assert.equal(mailsOnTheirWay([{ ...grace, state: 'retrying' }]), true);
  assert.equal(mailsOnTheirWay([grace, { ...grace, state: 'sent' }, { ...grace, state: 'bounced' }]), false);
  assert.equal(mailsOnTheirWay([grace, { ...grace, state: 'sent' }], 0), false, 'the latest change is mailed');
  assert.equal(mailsOnTheirWay([grace, { ...grace, state: 'sent' }], 1), true, 'the guests just changed: nothing at SEQUENCE 1 yet');
  assert.equal(mailsOnTheirWay([grace, { ...grace, state: 'sent', sequence: 1 }], 1), false);
});

test('a contact\'s mail that did not arrive points to their startup\'s page, a member\'s to the admins; others to nothing', () => {
  const iv = { startup: { id: 'a b', name: 'Acme' } };
  assert.deepEqual(correctionHint({ ...grace, state: 'bounced' }, iv),
    { text: 'Correct Grace Hopper\'s address on Acme\'s page', href: '#/startups/a%20b' });
  assert.deepEqual(correctionHint({ ...grace, state: 'undeliverable', role: 'interviewer' }, iv),
    { text: 'An admin corrects Grace Hopper\'s address in the team table', href: null });
  assert.equal(correctionHint(grace, iv), null, 'delivered');
  assert.equal(correctionHint({ ...grace, state: 'retrying' }, iv), null, 'still on its way');
  assert.equal(correctionHint({ ...grace, state: 'bounced', role: 'guest' }, iv), null, 'a guest, for who may not change the guests');
  assert.deepEqual(correctionHint({ ...grace, state: 'bounced', role: 'guest' }, { ...iv, changeable: true }),
    { text: 'Correct Grace Hopper\'s address with Change guests, above', href: null });
  assert.equal(correctionHint({ ...grace, state: 'bounced', name: null, role: null }, iv), null, 'no longer in the interview');
  assert.equal(correctionHint({ ...grace, state: 'bounced' }, {}), null, 'no startup');
});

test('the page looks again often for a minute, then less often, and stops after half an hour', () => {
  assert.equal(mailsLookAgainIn(1), 3000);
  assert.equal(mailsLookAgainIn(20), 3000);
  assert.deepEqual([21, 22, 23, 24, 25].map(mailsLookAgainIn), [15_000, 30_000, 60_000, 120_000, 120_000]);
  let reads = 1;
  let waited = 0;
  while (mailsLookAgainIn(reads) !== null) {
    waited += mailsLookAgainIn(reads);
    reads++;
  }
  assert.ok(waited >= 30 * 60_000 && waited < 32 * 60_000, `looked for ${waited} ms`);
  assert.equal(mailsLookAgainIn(0), null);
});

test('a guest\'s cell says what became of their mail once the mails are read, and what the interview says before', () => {
  const gus = { name: 'Gus', email: 'Gus@Guest.test', invitationStatus: 'sent', invitationSentAt: '2026-12-07T09:10:00Z' };
  assert.deepEqual(guestInvitation(gus, [], 'UTC'), { text: 'sent (Mon, 7 Dec 2026, 09:10 UTC (UTC))', trouble: false });
  assert.deepEqual(guestInvitation({ ...gus, invitationStatus: 'pending', invitationSentAt: null }, undefined, 'UTC'),
    { text: 'pending', trouble: false });
  const mails = [grace, { ...grace, email: 'gus@guest.test', name: 'Gus', role: 'guest', state: 'bounced', detail: '550 no such user' }];
  assert.deepEqual(guestInvitation(gus, mails, 'UTC'), { text: 'invitation bounced (Mon, 7 Dec 2026, 09:12 UTC (UTC))', trouble: true },
    'the Mails section\'s words, not "sent"');
  assert.deepEqual(guestInvitation(gus, [{ ...mails[1], state: 'delivered' }], 'UTC'),
    { text: 'invitation delivered (Mon, 7 Dec 2026, 09:12 UTC (UTC))', trouble: false });
  assert.deepEqual(guestInvitation(gus, [grace], 'UTC'), { text: 'sent (Mon, 7 Dec 2026, 09:10 UTC (UTC))', trouble: false },
    'no mail to that address: the interview\'s word');
});

test('the guests of a sent interview are changed by who may move it, unless its host asked for another time or Cal.com booked it', () => {
  assert.equal(guestsChangeable({ changeable: true, origin: 'flow' }), true);
  assert.equal(guestsChangeable({ changeable: false, origin: 'flow' }), false);
  assert.equal(guestsChangeable({ changeable: true, origin: 'flow', awaitingNewTime: true }), false);
  assert.equal(guestsChangeable({ changeable: true, origin: 'calcom' }), false);
  assert.equal(correctionHint({ ...grace, state: 'bounced', role: 'guest' }, { changeable: true, origin: 'calcom' }), null);
});
