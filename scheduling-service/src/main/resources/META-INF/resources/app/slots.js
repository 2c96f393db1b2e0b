// Availability: publish a week of slots in one request, book other people's open slots, cancel your own. Kept up to
// date from the room stream: a booked slot becomes a room, so a room change may change the lists.
import { allowingOwnClash, call } from './api.js';
import { h, show, notice, busy } from './dom.js';
import { formatWhen, minutesBetween, occurrencesOf, toLocalValue } from './time.js';
import { reloadOnRoomChanges } from './stream.js';
import { oneAtATime, reloadLimit, withNextPage } from './paging.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const PAGE = 100;

export function slotsView(app, failed) {
  const token = app.session.idToken;
  const week = h('input', { type: 'date', id: 'week-start', required: true, value: nextMonday(app.zone) });
  const from = h('input', { type: 'time', id: 'day-from', required: true, value: '09:00' });
  const to = h('input', { type: 'time', id: 'day-to', required: true, value: '12:00' });
  const length = h('select', { id: 'slot-length' }, ...[30, 45, 60].map(m => h('option', { value: m, selected: m === 60 }, `${m} minutes`)));
  const dayBoxes = DAYS.map((d, i) => h('input', { type: 'checkbox', id: `day-${i}`, checked: i < 5 }));
  const publish = h('button', { type: 'submit', id: 'publish-week' }, 'Publish the week');
  const form = h('form', { class: 'card', id: 'publish-form' },
    h('h2', {}, 'Publish your availability for a week'),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'week-start' }, 'Week starting'), week),
      h('div', {}, h('label', { for: 'day-from' }, `From (${app.zone})`), from),
      h('div', {}, h('label', { for: 'day-to' }, `Until (${app.zone})`), to),
      h('div', {}, h('label', { for: 'slot-length' }, 'Each slot'), length)),
    h('fieldset', { class: 'days' }, h('legend', {}, 'Days'), ...DAYS.map((d, i) => h('label', { for: `day-${i}` }, dayBoxes[i], d))),
    publish);
  form.addEventListener('submit', event => {
    event.preventDefault();
    notice(null);
    let windows;
    try {
      windows = weekWindows(week.value, from.value, to.value, Number(length.value), dayBoxes.map(b => b.checked), app.zone);
    } catch (e) {
      notice(e.message);
      return;
    }
    busy(publish, `Publishing ${windows.length} slots…`, async () => {
      const made = await allowingOwnClash(allow => call('POST', `/api/slots${allow ? '?allowConflicts=true' : ''}`, windows, token), app.zone);
      notice(`Published ${made.length} slots.`, 'info');
      await reload();
    }).catch(failed);
  });

  const openList = h('ul', { class: 'sessions', id: 'open-slots' });
  const mineList = h('ul', { class: 'sessions', id: 'my-slots' });
  // Both lists come a page at a time (paging.js).
  const lists = {
    open: { query: 'status=open', el: openList, shown: [], empty: 'Nobody has open slots right now.',
      more: h('button', { type: 'button', class: 'secondary', id: 'more-open-slots', hidden: true }, 'Show more open slots') },
    mine: { query: 'mine=true', el: mineList, shown: [], empty: 'You have not published any slots.',
      more: h('button', { type: 'button', class: 'secondary', id: 'more-my-slots', hidden: true }, 'Show more of your slots') },
  };
  for (const list of Object.values(lists)) {
    list.loads = oneAtATime();
    list.more.addEventListener('click', () => busy(list.more, 'Loading…', () => list.loads.next(async () => {
      const next = await call('GET', `/api/slots?${list.query}&limit=${PAGE}&offset=${list.shown.length}`, undefined, token);
      showSlots(list, withNextPage(list.shown, next), next.length === PAGE);
    })).catch(failed));
  }
  show('slots', h('h1', {}, 'Availability'), form,
    h('div', { class: 'card' }, h('h2', {}, 'Open slots you can book'), openList, lists.open.more),
    h('div', { class: 'card' }, h('h2', {}, 'Your slots'), mineList, lists.mine.more));

  async function reload() {
    await Promise.all(Object.values(lists).map(list => list.loads.reload(async () => {
      const limit = reloadLimit(list.shown, PAGE);
      const slots = await call('GET', `/api/slots?${list.query}&limit=${limit}`, undefined, token);
      showSlots(list, slots, slots.length === limit);
    })));
  }

  function showSlots(list, slots, more) {
    list.shown = slots;
    list.el.replaceChildren(...(slots.length ? slots.map(s => slotItem(s, list === lists.mine)) : [h('li', { class: 'empty' }, list.empty)]));
    list.more.hidden = !more;
  }

  function slotItem(slot, mine) {
    const minutes = minutesBetween(slot.startTs, slot.endTs);
    const actions = h('div', { class: 'actions' });
    const when = formatWhen(slot.startTs, app.zone);
    if (!mine && slot.status === 'open') {
      const b = h('button', { type: 'button', 'data-action': 'book-slot', 'aria-label': `Book the slot of ${when}` }, 'Book');
      b.addEventListener('click', () => busy(b, 'Booking…', async () => {
        await allowingOwnClash(allow => call('POST', `/api/slots/${encodeURIComponent(slot.id)}/book${allow ? '?allowConflicts=true' : ''}`,
          undefined, token), app.zone);
        notice(`Booked: ${when}. It is in your sessions and on your Google Calendar.`, 'info');
        await reload();
      }).catch(e => {
        failed(e);
        reload().catch(() => {});
      }));
      actions.append(b);
    }
    if (mine && slot.status === 'open') {
      const b = h('button', { type: 'button', class: 'danger', 'data-action': 'cancel-slot', 'aria-label': `Cancel the slot of ${when}` }, 'Cancel');
      b.addEventListener('click', () => busy(b, 'Cancelling…', async () => {
        await call('DELETE', `/api/slots/${encodeURIComponent(slot.id)}`, undefined, token);
        await reload();
      }).catch(failed));
      actions.append(b);
    }
    return h('li', { 'data-slot': slot.id },
      h('div', {}, h('div', { class: 'when' }, when, h('span', { class: slot.status === 'open' ? 'badge' : 'badge booked' }, slot.status)),
        h('div', { class: 'muted' }, !mine && slot.host ? `${minutes} minutes with ${slot.host.name}` : `${minutes} minutes`)),
      actions);
  }

  const stop = reloadOnRoomChanges(token, () => reload().catch(failed), { onExpired: failed });
  reload().catch(failed);
  return stop;
}

/** Every slot of the chosen days of the week still ahead of now, each [from, until) cut into slots of the given length, in the zone. */
export function weekWindows(weekStart, from, until, minutes, days, zone, now = Date.now()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart || '')) {
    throw new Error('Pick the first day of the week.');
  }
  const [fh, fm] = from.split(':').map(Number);
  const [uh, um] = until.split(':').map(Number);
  if (uh * 60 + um - (fh * 60 + fm) < minutes) {
    throw new Error(`"Until" must be at least ${minutes} minutes after "From".`);
  }
  const windows = [];
  const base = new Date(`${weekStart}T00:00:00Z`);
  for (let d = 0; d < 7; d++) {
    const day = new Date(base.getTime() + d * 86_400_000);
    if (!days[(day.getUTCDay() + 6) % 7]) {
      continue;
    }
    const date = day.toISOString().slice(0, 10);
    const end = `${date}T${hhmm(uh * 60 + um)}`;
    // Each time on the wall from "from" on, as often as the clocks read it: none on the night they go forward, twice
    // in the hour repeated on the night they go back. A slot lasts its minutes even when the clocks change during it,
    // and the wall clock reads no later than "until" before it ends (its last minute is before "until"): so a slot may
    // end as the clocks jump forward over an "until" that never comes that night.
    for (let t = fh * 60 + fm; t + minutes <= uh * 60 + um; t += minutes) {
      for (const start of occurrencesOf(`${date}T${hhmm(t)}`, zone)) {
        const slot = { startTs: start, endTs: new Date(Date.parse(start) + minutes * 60_000).toISOString() };
        const lastMinute = new Date(Date.parse(slot.endTs) - 60_000).toISOString();
        if (toLocalValue(lastMinute, zone) < end && Date.parse(start) > now) {
          windows.push(slot);
        }
      }
    }
  }
  // Slots longer than the repeated hour would overlap their repeats: the earlier one stays.
  windows.sort((a, b) => a.startTs.localeCompare(b.startTs));
  for (let i = 1; i < windows.length; i++) {
    if (windows[i].startTs < windows[i - 1].endTs) {
      windows.splice(i--, 1);
    }
  }
  if (!days.some(Boolean)) {
    throw new Error('Choose at least one day.');
  }
  if (windows.length === 0) {
    throw new Error('No slot fits between "From" and "Until" on the chosen days that is still ahead.');
  }
  if (windows.length > 100) {
    throw new Error(`That is ${windows.length} slots; at most 100 can be published at once.`);
  }
  return windows;
}

function hhmm(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The date of the coming Monday on the viewer's calendar (not UTC's, which is a day off near midnight). */
export function nextMonday(zone, now = Date.now()) {
  const today = new Date(toLocalValue(new Date(now).toISOString(), zone).slice(0, 10) + 'T00:00:00Z');
  today.setUTCDate(today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7));
  return today.toISOString().slice(0, 10);
}
