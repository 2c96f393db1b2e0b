// Reminders: how long before each session the person is reminded, and how (our email, or only Google's on-screen pop-ups
// on their own calendar). Every reminder mail points here, so this page is where "change when" is done.
import { call } from './api.js';
import { h, show, notice, busy } from './dom.js';
import { zoneCard } from './zone-card.js';

export const MAX_REMINDERS = 3;
const LONGEST_MINUTES = 7 * 24 * 60;
const UNITS = [['days', 24 * 60], ['hours', 60], ['minutes', 1]];

/** The largest unit that shows the minutes as a whole number: 120 → 2 hours, 90 → 90 minutes, 2880 → 2 days. */
export function fromMinutes(minutes) {
  const [unit, size] = UNITS.find(([, size]) => minutes % size === 0);
  return { amount: minutes / size, unit };
}

/**
 * The minutes the person chose, largest first; an Error saying what to correct when a row is not a whole amount from 1
 * minute to 7 days, or two rows are the same time.
 */
export function minutesOf(rows) {
  const minutes = rows.map(({ amount, unit }) => {
    const value = Number(amount);
    const size = (UNITS.find(([name]) => name === unit) || [])[1];
    if (!size || String(amount).trim() === '' || !Number.isInteger(value) || value < 1) {
      throw new Error('Each reminder needs a whole number of minutes, hours or days, 1 or more.');
    }
    if (value * size > LONGEST_MINUTES) {
      throw new Error('A reminder can come at most 7 days before the session.');
    }
    return value * size;
  });
  if (new Set(minutes).size !== minutes.length) {
    throw new Error('Two reminders are set for the same time; change or remove one.');
  }
  if (minutes.length > MAX_REMINDERS) {
    throw new Error(`At most ${MAX_REMINDERS} reminders.`);
  }
  return minutes.sort((a, b) => b - a);
}

/** e.g. "1 hour and 10 minutes before each session, by email", or "no reminders". */
export function describe(minutes, channel) {
  if (!minutes.length) {
    return 'no reminders';
  }
  const parts = minutes.map(m => {
    const { amount, unit } = fromMinutes(m);
    return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
  });
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} before each session, ${channel === 'popup' ? 'as pop-ups in your Google Calendar' : 'by email'}`;
}

export function remindersView(app, failed) {
  const token = app.session.idToken;
  const rows = h('div', { id: 'reminder-rows' });
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-reminder' }, 'Add a reminder');
  const email = h('input', { type: 'radio', name: 'channel', id: 'channel-email', value: 'email' });
  const popup = h('input', { type: 'radio', name: 'channel', id: 'channel-popup', value: 'popup' });
  // Not before the person's reminders are here: saving the empty form would replace them with none.
  const save = h('button', { type: 'submit', id: 'save-reminders', disabled: true }, 'Save');
  const now = h('p', { id: 'reminders-now', class: 'muted' });
  const form = h('form', { class: 'card', id: 'reminders-form' },
    h('h2', {}, 'When'),
    rows, add,
    h('fieldset', {}, h('legend', {}, 'How'),
      h('label', { for: 'channel-email' }, email, ' By email from schedulr'),
      h('label', { for: 'channel-popup' }, popup, ' Only as pop-ups in my Google Calendar (no emails)'),
      h('p', { class: 'muted' }, 'Pop-ups come with the sessions schedulr puts in your Google Calendar, so only while it is connected.')),
    h('p', { class: 'muted' }, 'Applies to every session and interview that has not started, including those booked before.'),
    save);
  const calendar = h('section', { class: 'card', id: 'calendar-card' }, h('h2', {}, 'Google Calendar'), h('p', { class: 'muted' }, 'Loading…'));
  show('reminders', h('h1', {}, 'Reminders'), now, form, calendar, zoneCard(app, failed));

  let made = 0;
  function addRow(minutes) {
    const { amount, unit } = fromMinutes(minutes);
    const n = made++;
    const amountInput = h('input', { type: 'number', min: 1, step: 1, value: amount, id: `reminder-amount-${n}`, 'aria-label': 'How long before' });
    const unitSelect = h('select', { id: `reminder-unit-${n}`, 'aria-label': 'Unit' },
      ...UNITS.map(([name]) => h('option', { value: name, selected: name === unit }, name)));
    const remove = h('button', { type: 'button', class: 'link', 'data-action': 'remove-reminder', 'aria-label': 'Remove this reminder' }, 'Remove');
    const row = h('div', { class: 'row reminder' }, amountInput, unitSelect, h('span', { class: 'muted' }, 'before'), remove);
    remove.addEventListener('click', () => {
      row.remove();
      refresh();
    });
    rows.append(row);
    refresh();
  }

  function refresh() {
    add.hidden = rows.children.length >= MAX_REMINDERS;
    if (!rows.children.length) {
      rows.replaceChildren(h('p', { class: 'empty', id: 'no-reminders' }, 'No reminders. Add one, or save to be reminded of nothing.'));
    } else {
      rows.querySelectorAll('#no-reminders').forEach(p => p.remove());
    }
  }

  function chosenRows() {
    return [...rows.querySelectorAll('.reminder')].map(row => ({
      amount: row.querySelector('input').value, unit: row.querySelector('select').value,
    }));
  }

  function showPreferences(preferences) {
    rows.replaceChildren();
    preferences.reminderMinutes.forEach(addRow);
    refresh();
    (preferences.reminderChannel === 'popup' ? popup : email).checked = true;
    now.textContent = `Now: ${describe(preferences.reminderMinutes, preferences.reminderChannel)}.`;
  }

  add.addEventListener('click', () => {
    const taken = new Set(chosenRows().map(r => { try { return minutesOf([r])[0]; } catch (e) { return null; } }));
    addRow([10, 60, 24 * 60, 30, 5].find(m => !taken.has(m)));
    rows.querySelector('.reminder:last-child input').focus();
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    notice(null);
    let minutes;
    try {
      minutes = minutesOf(chosenRows());
    } catch (e) {
      notice(e.message);
      return;
    }
    const channel = popup.checked ? 'popup' : 'email';
    busy(save, 'Saving…', async () => {
      const stored = await call('PUT', '/api/me/preferences', { reminderMinutes: minutes, reminderChannel: channel }, token);
      showPreferences(stored);
      notice(`Saved: ${describe(stored.reminderMinutes, stored.reminderChannel)}.`, 'info');
    }).catch(failed);
  });

  busy(null, 'Loading…', async () => {
    showPreferences(await call('GET', '/api/me/preferences', undefined, token));
    save.disabled = false;
  }).catch(failed);
  calendarCard(app, calendar, failed);
}

/**
 * What the calendar card says for a connection's status, and what it offers: to disconnect a connected calendar (after
 * the warning, which says the app will ask to connect again when the calendar gate is on), else to connect one.
 */
export function calendarCardState(status, calendarRequired) {
  if (status === 'connected') {
    return {
      text: 'Connected: schedulr puts your sessions in the calendar "Schedulr Meetings" of your Google Calendar.',
      offers: 'disconnect',
      warning: 'Disconnect your Google Calendar? schedulr stops putting your sessions in it and gives up its access.'
        + (calendarRequired ? ' You will need to connect it again to book or offer sessions.' : ''),
    };
  }
  return {
    text: status === 'revoked' ? 'Disconnected in Google: schedulr can no longer reach your calendar.' : 'Not connected.',
    offers: 'connect',
  };
}

/**
 * Whether schedulr reaches the person's Google Calendar, and the way to stop it: disconnecting withdraws schedulr's access
 * at Google. With the calendar gate on, the app then asks them to connect again before they book or offer.
 */
function calendarCard(app, card, failed) {
  const token = app.session.idToken;
  const connectionUrl = `${app.config.calendarSyncUrl}/api/calendar/connection`;
  call('GET', connectionUrl, undefined, token).then(connection => {
    const heading = card.querySelector('h2');
    const state = calendarCardState(connection.status, app.config.calendarRequired);
    const status = h('p', { id: 'calendar-status' }, state.text);
    if (state.offers === 'disconnect') {
      const disconnect = h('button', { type: 'button', class: 'secondary', id: 'disconnect-calendar' }, 'Disconnect Google Calendar');
      disconnect.addEventListener('click', () => {
        if (!window.confirm(state.warning)) {
          return;
        }
        busy(disconnect, 'Disconnecting…', async () => {
          await call('DELETE', connectionUrl, undefined, token);
          notice('Your Google Calendar is disconnected.', 'info');
          app.route();
        }).catch(failed);
      });
      card.replaceChildren(heading, status, disconnect);
    } else {
      const connect = h('button', { type: 'button', class: 'secondary', id: 'connect-calendar-settings' }, 'Connect Google Calendar');
      connect.addEventListener('click', () => app.connectCalendar(connect));
      card.replaceChildren(heading, status, connect);
    }
  }).catch(failed);
}
