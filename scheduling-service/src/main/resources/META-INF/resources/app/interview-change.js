// Moving or cancelling a sent interview (who sent it, and admins): Cal.com's booking changes first, then everyone is told.
import { allowingOwnClash, call } from './api.js';
import { h, notice, busy } from './dom.js';
import { dayInZone, formatTimeOfDay, formatWhen, toLocalValue } from './time.js';
import { newestAnswers } from './paging.js';

/** The card that moves or cancels {@code iv}; {@code changed} shows the interview again afterwards. */
export function interviewChangeCard(app, failed, iv, changed) {
  const token = app.session.idToken;
  const path = `/api/interviews/${encodeURIComponent(iv.id)}`;
  const card = h('div', { class: 'card', id: 'interview-change' }, h('h2', {}, 'Move or cancel'));
  if (iv.eventTypeId) {
    card.append(rescheduleForm(app, failed, iv, path, token, changed));
  }
  const reason = h('input', { id: 'cancel-reason', maxlength: 500, autocomplete: 'off' });
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-interview' }, 'Cancel the interview');
  cancel.addEventListener('click', () => {
    if (!window.confirm('Cancel this interview? Cal.com cancels the booking and everyone gets the cancellation.')) {
      return;
    }
    busy(cancel, 'Cancelling on Cal.com…', async () => {
      await call('POST', `${path}/cancel`, reason.value.trim() ? { reason: reason.value.trim() } : {}, token);
      notice('The interview is cancelled. Everyone is told.', 'info');
      changed();
    }).catch(failed);
  });
  card.append(h('div', { class: 'row' }, h('div', {}, h('label', { for: 'cancel-reason' }, 'Reason for cancelling (optional, everyone sees it)'), reason),
    cancel));
  return card;
}

function rescheduleForm(app, failed, iv, path, token, changed) {
  const day = h('input', { type: 'date', id: 'reschedule-day', value: toLocalValue(iv.startAt, app.zone).slice(0, 10) });
  const times = h('div', { class: 'choices', id: 'reschedule-slots', role: 'group', 'aria-label': 'Free times to move to' });
  // Only the times of the day chosen last are shown, whichever answer comes back last.
  const ask = newestAnswers();
  const load = async () => {
    if (!day.value) {
      return;
    }
    const { from, to, hours } = dayInZone(day.value, app.zone);
    const isNewest = ask();
    const free = await call('GET', `${path}/options/slots?eventTypeId=${iv.eventTypeId}&from=${encodeURIComponent(from)}`
      + `&to=${encodeURIComponent(to)}&fitsCalendars=true`, undefined, token);
    if (!isNewest()) {
      return;
    }
    const others = free.slots.filter(s => Date.parse(s.start) !== Date.parse(iv.startAt));
    times.replaceChildren(...(others.length ? others.map(s => {
      const b = h('button', { type: 'button', class: 'secondary', 'data-start': s.start }, formatTimeOfDay(s.start, app.zone, hours !== 24));
      b.addEventListener('click', () => {
        if (!window.confirm(`Move the interview to ${formatWhen(s.start, app.zone)}? Cal.com books the new time and everyone gets it.`)) {
          return;
        }
        busy(b, 'Moving it on Cal.com…', async () => {
          await allowingOwnClash(allow => call('POST', `${path}/reschedule${allow ? '?allowConflicts=true' : ''}`,
            { start: new Date(s.start).toISOString() }, token), app.zone);
          notice(`Moved to ${formatWhen(s.start, app.zone)}. Everyone gets the new time.`, 'info');
          changed();
        }).catch(failed);
      });
      return b;
    }) : [h('span', { class: 'muted' }, 'No other free times that day that fit the team\'s calendars.')]));
  };
  day.addEventListener('change', () => load().catch(failed));
  load().catch(failed);
  return h('div', {}, h('label', { for: 'reschedule-day' }, `Move it to another day (${app.zone}), then pick a time`), day, times);
}
