// Open sessions, my sessions and my past sessions; the shown list is updated live from the room stream; offer, book,
// reschedule, privacy, leave, delete.
import { allowingOwnClash, call, callPage, friendly } from './api.js';
import { h, show, notice, busy } from './dom.js';
import { formatWhen, minutesBetween, toInstant, toLocalValue } from './time.js';
import { reloadOnRoomChanges } from './stream.js';
import { oneAtATime, reloadLimit, withNextPage } from './paging.js';

export function sessionsView(app, failed) {
  const token = app.session.idToken;
  const PAGE = 50;
  // Only the list on screen is asked for (again on every room change): the other tabs load when chosen.
  // `covered`: how far into the list the pages shown reach (offset + limit of the last): an open page may show fewer
  // rooms than it covers (the API leaves out rooms whose host is booked elsewhere then), so the next page starts there.
  const state = { tab: 'open', rooms: { open: [], mine: [], past: [] }, more: { open: false, mine: false, past: false },
    covered: { open: 0, mine: 0, past: 0 }, editing: null };
  // Reloads (live changes, tabs, the person's own changes) and "Show more" run one at a time (paging.js).
  const loads = oneAtATime();
  // The open reschedule form, kept across re-renders: any room change anyone makes re-renders the list, and must not
  // wipe the new time the host is typing.
  let editor = null;
  const live = h('span', { class: 'live', id: 'live-state' }, 'connecting…');
  const list = h('ul', { class: 'sessions', id: 'session-list', 'aria-live': 'polite' });
  const tabOpen = h('button', { type: 'button', role: 'tab', id: 'tab-open' }, 'Open sessions');
  const tabMine = h('button', { type: 'button', role: 'tab', id: 'tab-mine' }, 'My sessions');
  const tabPast = h('button', { type: 'button', role: 'tab', id: 'tab-past' }, 'Past sessions');
  const tabs = { open: tabOpen, mine: tabMine, past: tabPast };
  const choose = tab => { state.tab = tab; render(); reload().catch(failed); };
  tabOpen.addEventListener('click', () => choose('open'));
  tabMine.addEventListener('click', () => choose('mine'));
  tabPast.addEventListener('click', () => choose('past'));
  // Every list comes a page at a time: the next page follows what is shown (past: earlier ones; mine: later ones).
  const MORE = { open: 'Show more open sessions', mine: 'Show later sessions', past: 'Show earlier sessions' };
  const more = h('button', { type: 'button', class: 'secondary', id: 'more-open', hidden: true }, MORE.open);
  more.addEventListener('click', () => busy(more, 'Loading…', () => loads.next(async () => {
    const tab = state.tab;
    const offset = state.covered[tab];
    const next = await callPage(`/api/practice-rooms?scope=${tab}&limit=${PAGE}&offset=${offset}`, token);
    state.rooms[tab] = withNextPage(state.rooms[tab], next.items);
    state.covered[tab] = offset + PAGE;
    state.more[tab] = next.more;
    if (state.tab === tab) {
      render();
    }
  })).catch(failed));

  const startInput = h('input', { type: 'datetime-local', id: 'offer-start', required: true, value: toLocalValue(nextHour(), app.zone) });
  const privateInput = h('input', { type: 'checkbox', id: 'offer-private' });
  const offerButton = h('button', { type: 'submit', id: 'offer' }, 'Offer session');
  // Offered to one person (someone from an earlier session): private, so only they see it and can book it.
  let offerTo = null;
  const offerToName = h('strong', {});
  const anyone = h('button', { type: 'button', class: 'link', id: 'offer-to-anyone' }, 'Offer to anyone instead');
  const offerToLine = h('p', { id: 'offer-to', hidden: true }, 'Only for ', offerToName, ' (private: nobody else sees it). ', anyone);
  const offerToPerson = person => {
    offerTo = person;
    offerToLine.hidden = !person;
    offerToName.textContent = person ? person.name : '';
    privateInput.checked = Boolean(person);
    privateInput.disabled = Boolean(person);
  };
  anyone.addEventListener('click', () => offerToPerson(null));
  const offerForm = h('form', { class: 'card', id: 'offer-form' },
    h('h2', {}, 'Offer a session'),
    offerToLine,
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'offer-start' }, `Starts (${app.zone})`), startInput),
      h('div', {}, h('label', { for: 'offer-private' }, h('span', {}, 'Private '), privateInput)),
      offerButton));
  offerForm.addEventListener('submit', event => {
    event.preventDefault();
    notice(null);
    busy(offerButton, 'Offering your session…', async () => {
      const room = await call('POST', '/api/practice-room/create', offerTo
        ? { datetimeUtc: toInstant(startInput.value, app.zone), private: true, offerTo: offerTo.id }
        : { datetimeUtc: toInstant(startInput.value, app.zone), private: privateInput.checked }, token);
      notice(`Session offered${offerTo ? ` to ${offerTo.name}` : ''} for ${formatWhen(room.datetimeUtc, app.zone)}.`, 'info');
      offerToPerson(null);
      state.tab = 'mine';
      await reload();
    }).catch(failed);
  });

  show('sessions', h('h1', {}, 'Sessions ', live), offerForm,
    h('div', { class: 'card' }, h('div', { class: 'tabs', role: 'tablist' }, tabOpen, tabMine, tabPast), list, more));

  let loading = 0;
  function reload() {
    loading++;
    list.setAttribute('aria-busy', 'true');
    return loads.reload(async () => {
      const tab = state.tab;
      const limit = reloadLimit(state.covered[tab], PAGE);
      const page = await callPage(`/api/practice-rooms?scope=${tab}&limit=${limit}`, token);
      state.rooms[tab] = page.items;
      state.covered[tab] = limit;
      state.more[tab] = page.more;
      if (state.tab === tab) {
        render();
      }
    }).finally(() => {
      if (--loading === 0) {
        list.removeAttribute('aria-busy');
      }
    });
  }

  const EMPTY = {
    open: 'No open sessions right now. New ones appear here as soon as someone offers them.',
    mine: 'You have no sessions coming up. Offer one above, or book an open one.',
    past: 'No past sessions yet.',
  };

  function render() {
    for (const [tab, button] of Object.entries(tabs)) {
      button.setAttribute('aria-selected', String(state.tab === tab));
    }
    more.id = `more-${state.tab}`;
    more.textContent = MORE[state.tab];
    more.hidden = !state.more[state.tab];
    const rooms = state.rooms[state.tab];
    if (rooms.length === 0) {
      list.replaceChildren(h('li', { class: 'empty' }, EMPTY[state.tab]));
      return;
    }
    // Every change re-renders the list: the control that had the focus gets it back in its new row (a reused element,
    // as the reschedule form, keeps it), so a keyboard user is not sent back to the top of the page.
    const focused = document.activeElement;
    const row = focused && list.contains(focused) ? focused.closest('[data-room]') : null;
    const action = focused && focused.getAttribute ? focused.getAttribute('data-action') : null;
    list.replaceChildren(...rooms.map(room => item(room, state.tab === 'past')));
    if (row && document.activeElement !== focused) {
      const again = list.contains(focused) ? focused
        : action && list.querySelector(`[data-room="${row.getAttribute('data-room')}"] [data-action="${action}"]`);
      if (again) {
        again.focus();
      }
    }
  }

  function item(room, past) {
    const hosting = room.hostId === app.me.id;
    const status = room.booked ? h('span', { class: 'badge booked' }, 'Booked') : h('span', { class: 'badge' }, past ? 'Not booked' : 'Open');
    const length = room.endUtc ? `${minutesBetween(room.datetimeUtc, room.endUtc)} minutes · ` : '';
    const who = length + (hosting
      ? (room.guest ? `You host · ${room.guest.name} booked it` : 'You host')
      : `Hosted by ${room.host ? room.host.name : 'someone'}${room.guestId === app.me.id ? ' · you booked it' : ''}`);
    const actions = h('div', { class: 'actions' });
    // A past session is only shown: it can no longer be booked, moved or left.
    const act = past ? () => {} : (label, cls, run) => {
      const b = h('button', { type: 'button', class: cls, 'data-action': label.toLowerCase(), 'aria-label': `${label} session ${formatWhen(room.datetimeUtc, app.zone)}` }, label);
      b.addEventListener('click', () => { notice(null); busy(b, `${label}…`, run).catch(failed); });
      actions.append(b);
    };
    if (!hosting && !room.booked) {
      act('Book', '', async () => {
        await allowingOwnClash(allow => call('POST', '/api/practice-room/update',
          { roomId: room.id, guestId: null, allowConflicts: allow }, token), app.zone);
        notice(`Booked: ${formatWhen(room.datetimeUtc, app.zone)}. It is on your Google Calendar.`, 'info');
        state.tab = 'mine';
        await reload();
      });
    }
    if (hosting) {
      act('Reschedule', 'secondary', async () => { state.editing = room.id; render(); });
      act(room.private ? 'Make public' : 'Make private', 'secondary', async () => {
        await call('POST', '/api/practice-room/update', { roomId: room.id, private: !room.private }, token);
        await reload();
      });
      act('Delete', 'danger', async () => {
        if (!window.confirm(`Delete the session of ${formatWhen(room.datetimeUtc, app.zone)}?${room.booked ? ' Your guest gets a cancellation.' : ''}`)) {
          return;
        }
        await call('DELETE', `/api/practice-room/${encodeURIComponent(room.id)}`, undefined, token);
        notice('Session deleted.', 'info');
        await reload();
      });
    } else if (room.guestId === app.me.id) {
      act('Leave', 'danger', async () => {
        await call('DELETE', `/api/practice-room/${encodeURIComponent(room.id)}/booking`, undefined, token);
        notice('You left the session; it is open again.', 'info');
        await reload();
      });
    }
    // The other person of a session (also a past one) can be offered the next one.
    const other = hosting ? (room.guestId ? { id: room.guestId, name: room.guest ? room.guest.name : 'your guest' } : null)
      : (room.guestId === app.me.id ? { id: room.hostId, name: room.host ? room.host.name : 'your host' } : null);
    if (other) {
      const b = h('button', { type: 'button', class: 'secondary', 'data-action': 'offer-again' }, `Offer ${other.name} a session`);
      b.addEventListener('click', () => {
        offerToPerson(other);
        offerForm.scrollIntoView({ block: 'start' });
        startInput.focus();
      });
      actions.append(b);
    }
    const li = h('li', { 'data-room': room.id },
      h('div', {}, h('div', { class: 'when' }, formatWhen(room.datetimeUtc, app.zone), status, room.private ? h('span', { class: 'badge' }, room.offeredToPerson ? `Private · only for ${room.offeredToPerson.name}` : 'Private') : null),
        h('div', { class: 'muted' }, who), room.roomUrl ? h('a', { href: room.roomUrl, target: '_blank', rel: 'noopener' }, 'Join video') : null),
      actions);
    if (state.editing === room.id) {
      if (!editor || editor.roomId !== room.id) {
        editor = { roomId: room.id, form: rescheduleForm(room) };
      }
      li.append(editor.form);
    }
    return li;
  }

  function rescheduleForm(room) {
    const id = `reschedule-${room.id}`;
    const input = h('input', { type: 'datetime-local', id, value: toLocalValue(room.datetimeUtc, app.zone), required: true });
    const save = h('button', { type: 'submit' }, 'Save new time');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => { state.editing = null; editor = null; render(); });
    const form = h('form', { class: 'row', id: 'reschedule-form' },
      h('div', {}, h('label', { for: id }, `New start (${app.zone})`), input), save, cancel);
    form.addEventListener('submit', event => {
      event.preventDefault();
      notice(null);
      busy(save, 'Moving the session…', async () => {
        const start = toInstant(input.value, app.zone);
        const moved = await allowingOwnClash(allow => call('POST', '/api/practice-room/update',
          { roomId: room.id, datetimeUtc: start, allowConflicts: allow }, token), app.zone);
        state.editing = null;
        editor = null;
        notice(`Moved to ${formatWhen(moved.datetimeUtc, app.zone)}. Your guest gets the updated invitation.`, 'info');
        await reload();
      }).catch(failed);
    });
    setTimeout(() => input.focus(), 0);
    return form;
  }

  const stop = reloadOnRoomChanges(token, () => reload().catch(failed), {
    onExpired: failed,
    // Past sessions are not changed by what happens now; reloading them would also drop the pages the person opened.
    skip: () => state.tab === 'past',
    onState: on => {
      live.textContent = on ? 'live' : 'reconnecting…';
      live.className = on ? 'live on' : 'live';
    },
  });
  reload().catch(e => notice(friendly(e)));
  return stop;
}

function nextHour() {
  const d = new Date(Date.now() + 24 * 3600_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}
