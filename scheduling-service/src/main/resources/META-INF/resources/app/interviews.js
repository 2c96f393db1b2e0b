// Interviews: the list, the 6-step scheduling wizard (step indicator, per-step validation), the detail with its
// one-click join link and guests, and team management for admins.
import { allowingOwnClash, call, friendly, ApiError } from './api.js';
import { h, show, notice, busy } from './dom.js';
import { dayInZone, formatTimeOfDay, formatWhen, toLocalValue } from './time.js';
import { newestAnswers, oneAtATime, withNextPage } from './paging.js';
import { interviewChangeCard } from './interview-change.js';
import { editInRow, savedNotice } from './row-edit.js';
import { noteContent, noteForEditing } from './notes.js';
import { correctionHint, guestInvitation, guestsChangeable, mailLine, mailsLookAgainIn, mailsOnTheirWay, mailTrouble } from './invitation-mails.js';
import { markdownEdit } from './markdown-edit.js';
import {
  busyLine, eventTypeLabel, freeHostsLine, hostNames, inMeetingZone, interviewWhen, meetingSummary, teamNotHostingLine,
} from './wizard-lines.js';
import { guestEditor } from './guest-editor.js';

const STEPS = ['Startup', 'Team', 'Time', 'Guests', 'Details', 'Send'];
// Where the meeting takes place (the API's meetingProvider); a plain link names none.
const PROVIDERS = { 'cal-video': 'Cal Video', 'google-meet': 'Google Meet', zoom: 'Zoom', 'ms-teams': 'Microsoft Teams' };

export function interviewsView(app, failed) {
  const id = window.location.hash.split('/')[2];
  if (id) {
    detailView(app, failed, decodeURIComponent(id));
  } else {
    listView(app, failed);
  }
}

const AVAILABILITY_DAYS = 7;

/** Step 2: when each active team member is busy in the next days (their bookings here and their Google calendars). */
async function showAvailability(section, interviewId, token) {
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const to = new Date(from.getTime() + AVAILABILITY_DAYS * 86_400_000);
  const team = await call('GET', `/api/interviews/${encodeURIComponent(interviewId)}/options/team?from=${encodeURIComponent(from.toISOString())}`
    + `&to=${encodeURIComponent(to.toISOString())}`, undefined, token);
  section.replaceChildren(h('h3', {}, `When they are busy in the next ${AVAILABILITY_DAYS} days (${team.timeZone})`),
    h('ul', { class: 'availability' }, ...team.members.map(m => h('li', { 'data-availability': m.id },
      h('strong', {}, m.name), ` (${m.role}): ${busyLine(m, team.timeZone, AVAILABILITY_DAYS)}`))));
}

function listView(app, failed) {
  const token = app.session.idToken;
  const body = h('tbody', { id: 'interview-rows' });
  const start = h('button', { type: 'button', id: 'new-interview' }, 'Schedule an interview');
  // Closed before it was sent, the wizard leaves a draft: the list shows it.
  start.addEventListener('click', () => wizard(app, failed, null, () => loads.reload(() => { shown = []; return load(); }).catch(failed)));
  const team = h('div', { id: 'team-admin' });
  // A page at a time (by start, latest first; drafts without a time last): "Show more interviews" brings the next.
  const PAGE = 50;
  let shown = [];
  // The first page again after the wizard, and "Show more", one at a time (paging.js): neither undoes the other.
  const loads = oneAtATime();
  const more = h('button', { type: 'button', class: 'secondary', id: 'more-interviews', hidden: true }, 'Show more interviews');
  // Which interviews: all, or those in one state; a change starts the list again.
  const status = h('select', { id: 'interview-status' }, ...[['', 'All'], ['draft', 'Drafts'], ['scheduled', 'Scheduled'],
    ['confirmed', 'Confirmed'], ['cancelled', 'Cancelled']].map(([value, label]) => h('option', { value }, label)));
  status.addEventListener('change', () => loads.reload(() => { shown = []; return load(); }).catch(failed));
  show('interviews', h('h1', {}, 'Interviews'), h('div', { class: 'card' },
    h('div', { class: 'row', style: 'justify-content:space-between' }, start,
      h('div', {}, h('label', { for: 'interview-status' }, 'Show'), status)),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Startup'), h('th', {}, `When (${app.zone})`), h('th', {}, 'Status'))), body), more),
  team);
  const load = async () => {
    const next = await call('GET', `/api/interviews?limit=${PAGE}&offset=${shown.length}${status.value ? `&status=${status.value}` : ''}`,
      undefined, token);
    shown = withNextPage(shown, next);
    more.hidden = next.length < PAGE;
    body.replaceChildren(...(shown.length ? shown.map(iv => h('tr', {},
      h('td', {}, h('a', { href: `#/interviews/${encodeURIComponent(iv.id)}` }, iv.startup ? iv.startup.name : (iv.title || 'Interview'))),
      h('td', {}, iv.startAt ? formatWhen(iv.startAt, app.zone) : '—'),
      h('td', { class: 'state' }, iv.over ? `${iv.status}, over` : iv.awaitingHostConfirmation ? `${iv.status}, awaiting the host` : iv.status))) : [h('tr', {}, h('td', { colspan: 3, class: 'empty' },
      status.value ? `No ${status.value === 'draft' ? 'drafts' : `${status.value} interviews`}.` : 'No interviews yet.'))]));
  };
  more.addEventListener('click', () => busy(more, 'Loading…', () => loads.next(load)).catch(failed));
  loads.next(load).catch(failed);
  teamAdmin(app, failed, team);
}

/**
 * Admins see every member, add members (linked to a Cal.com user or not), change each one's Cal.com user and deactivate
 * them; for anyone else this stays empty.
 */
function teamAdmin(app, failed, container) {
  const token = app.session.idToken;
  call('GET', '/api/team-members?includeInactive=true', undefined, token).then(async members => {
    // The Cal.com users to link (the hosts of Cal.com's event types); the team is managed without them when Cal.com
    // cannot be asked, only the links wait.
    const hosts = await call('GET', '/api/team-members/calcom-users', undefined, token).catch(e => {
      notice(`Cal.com's users could not be read, so members cannot be linked now: ${friendly(e)}`);
      return null;
    });
    // A member's choices: not linked, the Cal.com users nobody else is linked to, and their own link.
    const calcomChoices = member => {
      const own = member ? member.calcomUserId : null;
      const free = (hosts || []).filter(u => !u.teamMember || (member && u.teamMember.id === member.id));
      const options = free.map(u => h('option', { value: u.calcomUserId, selected: u.calcomUserId === own }, `${u.name} (Cal.com ${u.calcomUserId})`));
      if (own !== null && !free.some(u => u.calcomUserId === own)) {
        options.push(h('option', { value: own, selected: true }, `Cal.com user ${own}`));
      }
      return [h('option', { value: '' }, 'Not linked'), ...options];
    };
    const name = h('input', { id: 'member-name', required: true, autocomplete: 'off' });
    const email = h('input', { id: 'member-email', type: 'email', required: true, autocomplete: 'off' });
    const role = h('input', { id: 'member-role', required: true, autocomplete: 'off' });
    const calcom = h('select', { id: 'member-calcom', disabled: hosts === null }, ...calcomChoices(null));
    const add = h('button', { type: 'submit', id: 'add-member' }, 'Add member');
    const form = h('form', { class: 'row' },
      h('div', {}, h('label', { for: 'member-name' }, 'Name'), name),
      h('div', {}, h('label', { for: 'member-email' }, 'Email'), email),
      h('div', {}, h('label', { for: 'member-role' }, 'Role'), role),
      h('div', {}, h('label', { for: 'member-calcom' }, 'Cal.com user (optional)'), calcom), add);
    form.addEventListener('submit', event => {
      event.preventDefault();
      busy(add, 'Adding…', async () => {
        await call('POST', '/api/team-members', { name: name.value, email: email.value, role: role.value,
          ...(calcom.value ? { calcomUserId: Number(calcom.value) } : {}) }, token);
        notice(`${name.value} is on the team.`, 'info');
        form.reset();
        teamAdmin(app, failed, container);
      }).catch(failed);
    });
    const rows = members.map(m => {
      const toggle = h('button', { type: 'button', class: 'secondary' }, m.active ? 'Deactivate' : 'Activate');
      toggle.addEventListener('click', () => busy(toggle, 'Saving…', async () => {
        await call('PATCH', `/api/team-members/${encodeURIComponent(m.id)}`, { active: !m.active }, token);
        teamAdmin(app, failed, container);
      }).catch(failed));
      const link = h('select', { 'data-member-calcom': m.id, 'aria-label': `Cal.com user of ${m.name}`, disabled: hosts === null },
        ...calcomChoices(m));
      link.addEventListener('change', () => call('PATCH', `/api/team-members/${encodeURIComponent(m.id)}`,
        { calcomUserId: link.value ? Number(link.value) : null }, token)
        .then(() => {
          notice(link.value ? `${m.name} is linked to ${link.selectedOptions[0].textContent}.` : `${m.name} is no longer linked to Cal.com.`, 'info');
          teamAdmin(app, failed, container);
        })
        .catch(e => {
          failed(e);
          teamAdmin(app, failed, container);
        }));
      const edit = h('button', { type: 'button', class: 'secondary', 'data-member-edit': m.id }, 'Edit');
      const cells = [h('td', {}, m.name), h('td', {}, m.email), h('td', {}, m.role)];
      edit.addEventListener('click', () => editInRow({ cells, fields: [{ key: 'name' }, { key: 'email', type: 'email' }, { key: 'role' }],
        current: m, owner: m.name, button: edit, failed, done: () => teamAdmin(app, failed, container),
        save: async changes => {
          await call('PATCH', `/api/team-members/${encodeURIComponent(m.id)}`, changes, token);
          notice(savedNotice(changes.name || m.name, changes), 'info');
          teamAdmin(app, failed, container);
        } }));
      return h('tr', { 'data-member-row': m.id }, ...cells, h('td', {}, link),
        h('td', { class: 'state' }, m.active ? 'active' : 'inactive'), h('td', {}, edit, ' ', toggle));
    });
    // Every change in a row redraws the table: what is being typed into "Add member" meanwhile stays.
    for (const input of [name, email, role]) {
      const typed = container.querySelector(`#${input.id}`);
      if (typed) {
        input.value = typed.value;
      }
    }
    container.replaceChildren(h('div', { class: 'card' }, h('h2', {}, 'Team (admins)'), form,
      h('table', { id: 'team-members' }, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Email'), h('th', {}, 'Role'),
        h('th', {}, 'Cal.com user'), h('th', {}, 'State'), h('th', {}, ''))), h('tbody', {}, ...rows))));
  }).catch(e => {
    if (!(e instanceof ApiError && e.status === 403)) {
      failed(e);
    }
  });
}

function detailView(app, failed, id) {
  const token = app.session.idToken;
  show('interview', h('p', { class: 'muted' }, 'Loading…'));
  call('GET', `/api/interviews/${encodeURIComponent(id)}`, undefined, token).then(iv => {
    const team = iv.team ? [iv.team.primary, ...(iv.team.additional || [])].filter(Boolean) : [];
    const guestRows = (iv.guests || []).map(guest => ({ guest, invitation: h('td', { 'data-label': 'Invitation' }) }));
    const showGuestInvitations = (mails) => guestRows.forEach(({ guest, invitation }) => {
      const shown = guestInvitation(guest, mails, app.zone);
      invitation.textContent = shown.text;
      invitation.classList.toggle('trouble', shown.trouble);
    });
    showGuestInvitations([]);
    show('interview', h('p', {}, h('a', { href: '#/interviews' }, '← All interviews')),
      h('div', { class: 'card', id: 'interview-detail' },
        h('h1', {}, iv.startup ? `Interview with ${iv.startup.name}` : (iv.title || 'Interview'), h('span', { class: 'badge' }, iv.status)),
        iv.status === 'draft' ? h('p', {}, h('button', { type: 'button', id: 'continue-interview',
          onclick: () => wizard(app, failed, iv, () => detailView(app, failed, iv.id)) },
          'Continue scheduling')) : null,
        h('p', { class: 'when', id: 'interview-when' }, interviewWhen(iv.startAt, iv.endAt, iv.durationMinutes, app.zone)),
        inMeetingZone(iv.startAt, iv.timeZone, app.zone) ? h('p', { class: 'muted', id: 'interview-meeting-zone' },
          inMeetingZone(iv.startAt, iv.timeZone, app.zone)) : null,
        iv.status === 'cancelled' ? h('p', { id: 'interview-state' }, `Cancelled${iv.cancellationReason ? `: ${iv.cancellationReason}` : '.'}`)
          : iv.awaitingNewTime ? h('p', { id: 'interview-state' }, 'The host asked on Cal.com for another time; this one no longer holds.')
            : iv.over ? h('p', { id: 'interview-state' }, 'This interview is over; it can no longer be moved or cancelled.')
              : iv.awaitingHostConfirmation ? h('p', { id: 'interview-state' }, 'Waiting for the host to confirm this booking on Cal.com. '
                + 'The invitations went out; everyone hears again once it is confirmed or declined.')
                : null,
        // A cancelled meeting, one whose time the host gave up on, or one that is over, has no link to join. Cal.com's
        // location may be a place rather than a web address: shown as words, never followed as a link.
        iv.meetingUrl && iv.status !== 'cancelled' && !iv.awaitingNewTime && !iv.over ? (/^https?:\/\//i.test(iv.meetingUrl)
          ? h('p', {}, h('a', { class: 'button', id: 'join', href: iv.meetingUrl, target: '_blank', rel: 'noopener' },
            PROVIDERS[iv.meetingProvider] ? `Join the meeting on ${PROVIDERS[iv.meetingProvider]}` : 'Join the meeting'))
          : h('p', { id: 'meeting-place' }, `Where: ${iv.meetingUrl}`)) : null,
        iv.calcomBookingUid ? h('p', { class: 'muted', id: 'calcom-booking' }, `Cal.com booking ${iv.calcomBookingUid}`) : null,
        // Sent, an interview is Cal.com's booking of whoever sent it: they (and admins) move or cancel it here; the
        // others see who can, and that a change made on Cal.com shows here by itself.
        !iv.changeable && !iv.over && (iv.status === 'scheduled' || iv.status === 'confirmed') ? h('p', { class: 'muted', id: 'interview-change-hint' },
          'Only who sent it, or an admin, can move or cancel it here; a change made on Cal.com shows here and reaches everyone by itself.') : null,
        iv.contact ? h('p', { id: 'interview-contact' }, `Contact: ${iv.contact.name} `, h('span', { class: 'address' }, `<${iv.contact.email}>`),
          iv.contact.role ? `, ${iv.contact.role}` : '') : null,
        team.length ? h('p', { id: 'interview-team' }, `Team: ${team.map((m, i) => `${m.name} (${[m.role, i === 0 && iv.team.primary ? 'primary interviewer' : null]
          .filter(Boolean).join(', ')})`).join(', ')}`) : null,
        h('h2', {}, 'Guests'),
        (iv.guests || []).length ? h('table', { id: 'guests', class: 'stacked' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, 'Company'), h('th', {}, 'Email'),
            h('th', {}, 'Invitation'))),
          h('tbody', {}, ...guestRows.map(({ guest: g, invitation }) => h('tr', {}, h('td', { 'data-label': 'Name' }, g.name),
            h('td', { 'data-label': 'Role' }, g.role || '—'), h('td', { 'data-label': 'Company' }, g.company || '—'),
            h('td', { 'data-label': 'Email' }, g.email), invitation))))
          : h('p', { class: 'muted' }, 'No guests.'),
        guestsChangeable(iv) ? changeGuests(app, failed, iv, () => detailView(app, failed, iv.id)) : null,
        iv.status !== 'draft' ? invitationMails(iv, token, app.zone, showGuestInvitations) : null,
        iv.prepNotes ? h('div', {}, h('h2', {}, 'Preparation notes'), h('div', { id: 'interview-notes' },
          ...noteContent(iv.prepNotes, html => new DOMParser().parseFromString(html, 'text/html').body,
            (tag, attrs, children) => h(tag, attrs, ...children)))) : null,
        (iv.customQuestions || []).length ? h('div', {}, h('h2', {}, 'Questions'), h('ol', {}, ...iv.customQuestions.map(q => h('li', {}, q)))) : null),
      iv.changeable ? interviewChangeCard(app, failed, iv, () => detailView(app, failed, iv.id)) : null);
  }).catch(failed);
}

/**
 * "Change guests" under a sent interview's guest table: the guests as rows to edit, saved as one list; when their
 * addresses change, everyone named now is told (a new guest invited, one taken off told it no longer stands).
 */
function changeGuests(app, failed, iv, changed) {
  const token = app.session.idToken;
  const open = h('button', { type: 'button', class: 'secondary', id: 'change-guests' }, 'Change guests');
  const section = h('div', { id: 'guests-change' }, open);
  open.addEventListener('click', () => busy(open, 'Loading…', async () => {
    const editor = await guestEditor(iv, token);
    const save = h('button', { type: 'button', id: 'save-guests' }, 'Save guests');
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'cancel-guests' }, 'Cancel');
    cancel.addEventListener('click', () => section.replaceChildren(open));
    save.addEventListener('click', () => busy(save, 'Saving…', async () => {
      const saved = await call('PUT', `/api/interviews/${encodeURIComponent(iv.id)}/guests`, { guests: editor.listed() }, token);
      notice(saved.sequence > iv.sequence ? 'Guests saved. Everyone in the interview gets the updated invitation; '
        + 'a guest taken off is told it no longer stands.' : 'Guests saved.', 'info');
      changed();
    }).catch(failed));
    section.replaceChildren(h('p', { class: 'muted' }, 'Cal.com\'s booking keeps the guests it was made with; the invitations '
      + 'come from here.'), editor.element, h('div', { class: 'row' }, save, cancel));
  }).catch(failed));
  return section;
}

/**
 * What became of each mail the interview sent. Read after the page shows (the page does not wait for it), and read again
 * while a mail is still on its way (mailsLookAgainIn: often at first, then less, for half an hour), as long as the page shows it.
 * {@code mailsRead} is given every answer's mails (the guest table shows them too).
 */
function invitationMails(iv, token, zone, mailsRead) {
  const section = h('div', { id: 'invitation-mails' }, h('h2', {}, 'Mails'), h('p', { class: 'muted' }, 'Reading what became of the mails…'));
  const read = (reads) => call('GET', `/api/interviews/${encodeURIComponent(iv.id)}/invitation-mails`, undefined, token).then(answer => {
    section.replaceChildren(h('h2', {}, 'Mails'), answer.mails.length
      ? h('ul', { class: 'mails' }, ...answer.mails.map(m => h('li', mailTrouble(m) ? { 'data-mail': m.email, class: 'trouble' } : { 'data-mail': m.email },
        mailLine(m, zone), correction(correctionHint(m, iv)))))
      : h('p', { class: 'muted' }, iv.origin === 'calcom' ? 'Booked on Cal.com directly: Cal.com mails its people, not this app.'
        : 'No mails yet.'));
    mailsRead(answer.mails);
    const wait = mailsLookAgainIn(reads);
    if (wait !== null && iv.origin !== 'calcom' && mailsOnTheirWay(answer.mails, iv.sequence)) {
      setTimeout(() => section.isConnected && read(reads + 1), wait);
    }
  }).catch(() => section.replaceChildren(h('h2', {}, 'Mails'),
    h('p', { class: 'muted', id: 'invitation-mails-unavailable' }, 'What became of the mails cannot be read right now; reload the page to try again.')));
  read(1);
  return section;
}

/** A mail's correction hint: a link to where the address is corrected, or a line saying who corrects it. */
function correction(hint) {
  if (!hint) {
    return null;
  }
  return h('span', { class: 'correction' }, ' — ', hint.href ? h('a', { href: hint.href }, hint.text) : hint.text, '.');
}

/**
 * The 6-step modal: each step is saved on the draft when it is left, and the API's refusal is shown on the step. A draft
 * left before it was sent is continued from its first step not yet done. Opened from a startup's page, a new one has that
 * startup chosen in its first step (nothing is saved before Next, so closing it at once leaves no draft).
 */
export function wizard(app, failed, draft = null, closed = () => {}, startup = null) {
  const token = app.session.idToken;
  const state = { step: 0, interview: draft, eventType: null, length: null, start: null };
  if (draft) {
    state.eventType = draft.eventTypeId;
    state.length = draft.customDurationMinutes || null;
    state.start = draft.startAt ? new Date(draft.startAt).toISOString() : null;
    const done = ['startup', 'team', 'bookingType', 'guests', 'details'].map(step => draft.steps && draft.steps[step] && draft.steps[step].complete);
    state.step = done.includes(false) ? done.indexOf(false) : 5;
  }
  const indicator = h('ol', { class: 'steps', 'aria-label': 'Steps' });
  const content = h('div', {});
  const error = h('div', { class: 'field-error', role: 'alert', id: 'step-error' });
  const back = h('button', { type: 'button', class: 'secondary', id: 'step-back' }, 'Back');
  const next = h('button', { type: 'button', id: 'step-next' }, 'Next');
  const close = h('button', { type: 'button', class: 'link', id: 'wizard-close', 'aria-label': 'Close' }, 'Close');
  const dialog = h('dialog', { id: 'wizard', 'aria-labelledby': 'wizard-title' },
    h('div', { class: 'row', style: 'justify-content:space-between' }, h('h2', { id: 'wizard-title' }, 'Schedule an interview'), close),
    indicator, content, error, h('div', { class: 'row', style: 'justify-content:flex-end;margin-top:1rem' }, back, next));
  document.body.append(dialog);
  close.addEventListener('click', () => { dialog.close(); dialog.remove(); closed(); });
  dialog.addEventListener('cancel', () => { dialog.remove(); closed(); });
  back.addEventListener('click', () => { if (state.step > 0) { state.step--; render(); } });
  // The shown step's save; null while the step loads (or when it could not): Next then does nothing, so no step is
  // skipped and no earlier step saved twice.
  let save = null;
  let renders = 0;
  next.addEventListener('click', () => {
    if (!save) {
      return;
    }
    error.textContent = '';
    busy(next, state.step === 5 ? 'Booking on Cal.com and inviting everyone…' : 'Saving…', async () => {
      await save();
      if (state.step === 5) {
        dialog.close();
        dialog.remove();
        const shown = `#/interviews/${encodeURIComponent(state.interview.id)}`;
        if (window.location.hash === shown) {
          detailView(app, failed, state.interview.id);
        } else {
          // The notice after the page change, which clears the notices of the page left.
          await new Promise(resolve => {
            window.addEventListener('hashchange', resolve, { once: true });
            window.location.hash = shown;
          });
        }
        notice('Interview scheduled. Everyone gets the invitation by email.', 'info');
        return;
      }
      state.step++;
      render();
    }).catch(e => {
      if (e instanceof ApiError && e.status < 500 && e.status !== 401) {
        error.textContent = friendly(e);
      } else {
        failed(e);
      }
    });
  });

  const put = async (step, body) => {
    state.interview = await call('PUT', `/api/interviews/${encodeURIComponent(state.interview.id)}/steps/${step}`, body, token);
  };
  const field = (id, label, input) => h('div', {}, h('label', { for: id }, label), input);

  async function render() {
    indicator.replaceChildren(...STEPS.map((name, i) => h('li', { class: i < state.step ? 'done' : '', 'aria-current': i === state.step ? 'step' : false },
      `${i + 1}. ${name}`)));
    back.disabled = state.step === 0;
    next.textContent = state.step === 5 ? 'Send invitations' : 'Next';
    error.textContent = '';
    content.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    const mine = ++renders;
    save = null;
    try {
      const loaded = await STEP_VIEWS[state.step]();
      if (mine === renders) {
        save = loaded;
      }
    } catch (e) {
      if (mine === renders) {
        content.replaceChildren(h('p', { class: 'field-error', id: 'step-failed' }, 'This step could not be loaded. ',
          h('button', { type: 'button', class: 'secondary', id: 'step-retry', onclick: () => render() }, 'Try again')));
      }
      failed(e);
    }
  }

  const STEP_VIEWS = [
    async () => {
      const startups = await call('GET', '/api/startups?limit=100', undefined, token);
      // The startup saved before is chosen again, also when it is not among the first 100.
      const saved = (state.interview && state.interview.startup) || startup;
      if (saved && !startups.some(s => s.id === saved.id)) {
        startups.unshift(saved);
      }
      const pick = h('select', { id: 'startup' }, h('option', { value: '' }, 'Choose a startup…'),
        ...startups.map(s => h('option', { value: s.id, selected: saved && saved.id === s.id }, s.name)));
      const newName = h('input', { id: 'startup-new', placeholder: 'or a new startup', autocomplete: 'off' });
      const contact = h('select', { id: 'contact' }, h('option', { value: '' }, 'New contact (below)'));
      const cName = h('input', { id: 'contact-name', autocomplete: 'off' });
      const cEmail = h('input', { id: 'contact-email', type: 'email', autocomplete: 'off' });
      const cRole = h('input', { id: 'contact-role', autocomplete: 'off' });
      const chosen = state.interview && state.interview.contact ? state.interview.contact.id : null;
      const askContacts = newestAnswers();
      const loadContacts = async () => {
        const isNewest = askContacts();
        const contacts = pick.value ? await call('GET', `/api/startups/${encodeURIComponent(pick.value)}/contacts`, undefined, token) : [];
        if (!isNewest()) {
          return; // another startup was chosen meanwhile
        }
        contact.replaceChildren(h('option', { value: '' }, 'New contact (below)'),
          ...contacts.map(c => h('option', { value: c.id, selected: c.id === chosen }, `${c.name} <${c.email}>`)));
      };
      pick.addEventListener('change', () => loadContacts().catch(failed));
      // The list holds the first 100 by name; part of a name typed here lists those that have it, and chooses the one
      // that does when only one does.
      const find = h('input', { id: 'startup-find', type: 'search', placeholder: 'Part of its name', autocomplete: 'off' });
      const askStartups = newestAnswers();
      find.addEventListener('input', () => (async () => {
        const isNewest = askStartups();
        const q = find.value.trim();
        const found = await call('GET', `/api/startups?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`, undefined, token);
        if (!isNewest()) {
          return;
        }
        const before = pick.value;
        pick.replaceChildren(h('option', { value: '' }, found.length ? 'Choose a startup…' : 'No startup has that in its name'),
          ...found.map(s => h('option', { value: s.id, selected: s.id === before }, s.name)));
        if (found.length === 1) {
          pick.value = found[0].id;
        }
        if (pick.value !== before) {
          await loadContacts();
        }
      })().catch(failed));
      // The list holds the first 100 by name. A name typed that a startup has already (any case) chooses that one,
      // older ones too, and stops here so its contacts can be picked.
      const chooseExisting = async (refused, name) => {
        if (!(refused instanceof ApiError) || refused.code !== 'startup_name_taken') {
          throw refused;
        }
        const found = await call('GET', `/api/startups?q=${encodeURIComponent(name)}&limit=200`, undefined, token);
        const existing = found.find(s => s.name.toLowerCase() === name.toLowerCase());
        if (!existing) {
          throw refused;
        }
        if (![...pick.options].some(o => o.value === existing.id)) {
          pick.append(h('option', { value: existing.id }, existing.name));
        }
        pick.value = existing.id;
        newName.value = '';
        await loadContacts();
        throw new ApiError(409, 'startup_chosen', `${existing.name} exists already and is chosen above. Pick its contact or add one, then press Next.`);
      };
      // Back on this step: the startup and contact saved before are chosen again.
      await loadContacts();
      content.replaceChildren(h('div', { class: 'row' }, field('startup-find', 'Find a startup', find), field('startup', 'Startup', pick),
        field('startup-new', 'New startup', newName)),
        h('div', { class: 'row' }, field('contact', 'Contact', contact)),
        h('div', { class: 'row' }, field('contact-name', 'Contact name', cName), field('contact-email', 'Contact email', cEmail),
          field('contact-role', 'Contact role', cRole)));
      return async () => {
        let startupId = pick.value || (state.newStartup && state.newStartup.name === newName.value.trim() ? state.newStartup.id : null);
        if (!startupId && !newName.value.trim()) {
          throw new ApiError(400, 'invalid_startupId', 'Choose a startup, or name a new one.');
        }
        if (!startupId) {
          // Made once: a refused contact below does not make the startup twice when Next is pressed again.
          state.newStartup = await call('POST', '/api/startups', { name: newName.value.trim() }, token)
            .catch(e => chooseExisting(e, newName.value.trim()));
          startupId = state.newStartup.id;
        }
        // In the form's words (the API names the field only 'name'), and before a draft is made.
        if (!contact.value && !cName.value.trim()) {
          throw new ApiError(400, 'invalid_name', 'Choose a contact, or enter the new contact\'s name and email.');
        }
        if (!contact.value && !cEmail.value.trim()) {
          throw new ApiError(400, 'invalid_email', 'Enter the new contact\'s email address.');
        }
        if (!state.interview) {
          state.interview = await call('POST', '/api/interviews', { startupId }, token);
        }
        await put('startup', contact.value ? { startupId, contactId: contact.value }
          : { startupId, newContact: { name: cName.value, email: cEmail.value, role: cRole.value || null } });
      };
    },
    async () => {
      const members = await call('GET', '/api/team-members', undefined, token);
      const team = (state.interview && state.interview.team) || {};
      const primaryId = team.primary ? team.primary.id : null;
      const extraIds = (team.additional || []).map(m => m.id);
      const primary = h('select', { id: 'primary-member' }, h('option', { value: '' }, 'Choose the interviewer…'),
        ...members.map(m => h('option', { value: m.id, selected: m.id === primaryId }, `${m.name} (${m.role})`)));
      const extras = members.map(m => h('label', {},
        h('input', { type: 'checkbox', value: m.id, 'data-member': m.id, checked: extraIds.includes(m.id) }), ` ${m.name}`));
      // The primary interviewer is not offered again as one more.
      const offerOthers = () => extras.forEach(label => {
        const box = label.querySelector('input');
        label.hidden = box.value === primary.value;
        box.checked = box.checked && !label.hidden;
      });
      primary.addEventListener('change', offerOthers);
      offerOthers();
      const availability = h('section', { id: 'team-availability', 'aria-live': 'polite' },
        h('p', { class: 'muted' }, 'Reading when they are busy…'));
      content.replaceChildren(field('primary-member', 'Primary interviewer', primary),
        h('fieldset', { class: 'days' }, h('legend', {}, 'More interviewers (optional)'), ...extras), availability);
      // Choosing does not wait for it: a calendar that is slow or a refusal only leaves this section saying so.
      showAvailability(availability, state.interview.id, token)
        .catch(e => availability.replaceChildren(h('p', { class: 'muted' }, `When they are busy could not be read: ${friendly(e)}`)));
      return async () => put('team', {
        primaryMemberId: primary.value || null,
        additionalMemberIds: extras.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value),
      });
    },
    async () => {
      const types = await call('GET', `/api/interviews/${encodeURIComponent(state.interview.id)}/options/event-types`, undefined, token);
      const typeChoices = h('div', { class: 'choices', role: 'group', 'aria-label': 'Meeting type' });
      // The day of the time chosen before (back on this step), else tomorrow.
      const day = h('input', { type: 'date', id: 'interview-day',
        value: toLocalValue(state.start || new Date(Date.now() + 86_400_000).toISOString(), app.zone).slice(0, 10) });
      const slotChoices = h('div', { class: 'choices', id: 'interview-slots', role: 'group', 'aria-label': 'Free times' });
      const whoIsFree = h('p', { class: 'muted', id: 'slot-hosts', 'aria-live': 'polite' });
      const notHosting = h('p', { class: 'muted', id: 'type-not-hosting', 'aria-live': 'polite' });
      const sayWhoIsNotHosting = t => {
        notHosting.textContent = teamNotHostingLine(t, state.interview.team);
      };
      // A type that offers more than one length: which one (its own unless another was chosen).
      const lengthField = h('div', {});
      const chooseLength = t => {
        const lengths = t.lengthOptions || [t.lengthInMinutes];
        if (!lengths.includes(state.length)) {
          state.length = t.lengthInMinutes;
        }
        if (lengths.length < 2) {
          lengthField.replaceChildren();
          return;
        }
        const pick = h('select', { id: 'interview-length' },
          ...lengths.map(m => h('option', { value: m, selected: m === state.length }, `${m} minutes`)));
        pick.addEventListener('change', () => {
          state.length = Number(pick.value);
          loadSlots().catch(failed);
        });
        lengthField.replaceChildren(field('interview-length', 'Length', pick));
      };
      // Only the times of the day and type chosen last are shown, whichever answer comes back last.
      const ask = newestAnswers();
      const loadSlots = async () => {
        if (!state.eventType || !day.value) {
          return;
        }
        // The day in the viewer's zone (23 or 25 hours when the clocks change; then each time names its zone, as a
        // time of day can come twice).
        const { from, to, hours } = dayInZone(day.value, app.zone);
        const isNewest = ask();
        // A length is named only for a type that offers a choice (the API then checks it against Cal.com's types); any
        // other type has its one length.
        const type = types.find(t => t.id === state.eventType);
        const named = type && (type.lengthOptions || []).length > 1 && state.length ? `&lengthInMinutes=${state.length}` : '';
        const free = await call('GET', `/api/interviews/${encodeURIComponent(state.interview.id)}/options/slots?eventTypeId=${state.eventType}`
          + `${named}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
          + '&fitsCalendars=true', undefined, token);
        if (!isNewest()) {
          return;
        }
        const sayWhoIsFree = s => {
          whoIsFree.textContent = s ? freeHostsLine(free, s.start) : '';
        };
        slotChoices.replaceChildren(...(free.slots.length ? free.slots.map(s => {
          const b = h('button', { type: 'button', 'aria-pressed': String(state.start === new Date(s.start).toISOString()), 'data-start': s.start },
            formatTimeOfDay(s.start, app.zone, hours !== 24));
          b.addEventListener('click', () => {
            state.start = new Date(s.start).toISOString();
            slotChoices.querySelectorAll('button').forEach(x => x.setAttribute('aria-pressed', String(x === b)));
            sayWhoIsFree(s);
          });
          return b;
        }) : [h('span', { class: 'muted' }, 'No free times that day that fit the team\'s calendars.')]));
        sayWhoIsFree(free.slots.find(s => new Date(s.start).toISOString() === state.start));
      };
      typeChoices.append(...types.map(t => {
        const b = h('button', { type: 'button', 'aria-pressed': String(state.eventType === t.id), 'data-event-type': t.id }, eventTypeLabel(t),
          t.description ? h('small', {}, t.description) : null, t.hosts && t.hosts.length ? h('small', {}, `Hosts: ${hostNames(t.hosts)}`) : null);
        b.addEventListener('click', () => {
          state.eventType = t.id;
          typeChoices.querySelectorAll('button').forEach(x => x.setAttribute('aria-pressed', String(x === b)));
          chooseLength(t);
          sayWhoIsNotHosting(t);
          loadSlots().catch(failed);
        });
        return b;
      }));
      const chosen = types.find(t => t.id === state.eventType);
      if (chosen) {
        chooseLength(chosen);
        sayWhoIsNotHosting(chosen);
      }
      day.addEventListener('change', () => loadSlots().catch(failed));
      content.replaceChildren(h('p', {}, 'Meeting type'), typeChoices, notHosting, lengthField,
        field('interview-day', `Day (${app.zone})`, day),
        h('p', {}, 'Free times'), h('p', { class: 'muted' }, 'Cal.com\'s free times, without those that clash with the team\'s calendars.'),
        slotChoices, whoIsFree);
      await loadSlots();
      return async () => {
        if (!state.eventType || !state.start) {
          throw new ApiError(400, 'invalid_start', 'Choose a meeting type and one of the free times.');
        }
        // A length other than the type's own is a custom one; the type's own is not named.
        const type = types.find(t => t.id === state.eventType);
        const custom = type && state.length && state.length !== type.lengthInMinutes ? { customDurationMinutes: state.length } : {};
        await put('booking-type', { eventTypeId: state.eventType, start: state.start, ...custom });
      };
    },
    async () => {
      const editor = await guestEditor(state.interview, token);
      content.replaceChildren(h('p', { class: 'muted' }, 'Guests get the invitation too (optional).'), editor.element);
      return async () => put('guests', { guests: editor.listed() });
    },
    async () => {
      const notes = h('textarea', { id: 'prep-notes', rows: 8 });
      notes.value = noteForEditing(state.interview.prepNotes);
      const format = (kind, label) => {
        const b = h('button', { type: 'button', class: 'secondary', 'data-format': kind }, label);
        b.addEventListener('click', () => {
          const edited = markdownEdit(notes.value, notes.selectionStart, notes.selectionEnd, kind);
          notes.value = edited.value;
          notes.focus();
          notes.setSelectionRange(edited.start, edited.end);
        });
        return b;
      };
      const toolbar = h('div', { class: 'row', role: 'toolbar', 'aria-label': 'Format the notes' }, format('bold', 'Bold'),
        format('italic', 'Italic'), format('heading', 'Heading'), format('list', 'List'), format('link', 'Link'));
      const questions = h('textarea', { id: 'questions' });
      questions.value = (state.interview.customQuestions || []).join('\n');
      const zone = h('input', { id: 'meeting-zone', value: state.interview.timeZone || app.zone, autocomplete: 'off' });
      // The meeting's time and length in the zone typed, as it is typed.
      const summary = h('p', { class: 'muted', id: 'meeting-summary', 'aria-live': 'polite' });
      const sayWhen = () => {
        summary.textContent = meetingSummary(state.interview.startAt, state.interview.durationMinutes, zone.value.trim(), app.zone);
      };
      zone.addEventListener('input', sayWhen);
      sayWhen();
      content.replaceChildren(field('prep-notes', 'Preparation notes for the team', notes), toolbar,
        h('p', { class: 'muted' }, 'Markdown: **bold**, *italic*, ## headings, - lists, [links](https://…); the interview\'s page shows them formatted.'),
        field('questions', 'Questions (one per line)', questions), field('meeting-zone', 'Meeting time zone', zone), summary);
      return async () => put('details', {
        prepNotes: notes.value, customQuestions: questions.value.split('\n').map(q => q.trim()).filter(Boolean), timeZone: zone.value.trim(),
      });
    },
    async () => {
      const iv = state.interview;
      content.replaceChildren(h('div', { id: 'review' },
        h('p', {}, h('strong', {}, iv.startup ? iv.startup.name : ''), iv.contact ? ` · ${iv.contact.name}` : ''),
        h('p', { id: 'review-when' }, iv.timeZone ? meetingSummary(iv.startAt, iv.durationMinutes, iv.timeZone, app.zone)
          : `${iv.startAt ? formatWhen(iv.startAt, app.zone) : ''}${iv.durationMinutes ? ` · ${iv.durationMinutes} minutes` : ''}`),
        h('p', {}, `${iv.summary ? iv.summary.participantCount : ''} participants, ${iv.summary ? iv.summary.guestCount : 0} guests`)));
      return async () => {
        state.interview = await allowingOwnClash(allow => call('POST',
          `/api/interviews/${encodeURIComponent(iv.id)}/send${allow ? '?allowConflicts=true' : ''}`, undefined, token),
          app.zone);
      };
    },
  ];

  dialog.showModal();
  render();
}
