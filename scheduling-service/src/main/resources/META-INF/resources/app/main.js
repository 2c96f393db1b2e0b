// The web app: sign in with Google, connect the calendar (the gate), then sessions with live updates.
import { call, friendly, ApiError } from './api.js';
import {
  currentSession, finishSignIn, rememberedPage, rememberPage, sessionEnded, signInLapsed, signOut, silentRenewalFor, SilentSignInRefused,
  startSignIn, tokenZone,
} from './auth.js';
import { h, show, notice, busy } from './dom.js';
import { sessionsView } from './sessions.js';
import { slotsView } from './slots.js';
import { startupsView } from './startups.js';
import { interviewsView } from './interviews.js';
import { remindersView } from './reminders.js';
import { forgetUnsaved, keepUnsaved, offerUnsaved, takeUnsaved } from './unsaved.js';
import { consentUrl, keepZone, shownZone } from './zone.js';

const app = { config: null, session: null, me: null, zone: 'UTC', stopStream: null, connectCalendar: null, route: null };

async function start() {
  try {
    app.config = await call('GET', '/api/web-config');
  } catch (e) {
    show('error', h('div', { class: 'card center' }, h('h1', {}, 'schedulr is not reachable'), h('p', {}, friendly(e))));
    return;
  }
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') || params.has('error')) {
    // Back where the person was when they were asked to sign in (an expired sign-in, a link to an interview).
    window.history.replaceState(null, '', '/' + rememberedPage(''));
    try {
      await busy(null, 'Signing you in…', () => finishSignIn(app.config, params));
    } catch (e) {
      notice(e instanceof SilentSignInRefused ? e.message : friendly(e), e instanceof SilentSignInRefused ? 'info' : undefined);
    }
  }
  const hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.get('calendar') === 'connected') {
    notice('Your Google Calendar is connected.', 'info');
    window.history.replaceState(null, '', '/' + rememberedPage('#/sessions'));
  } else if (hash.get('calendar-error')) {
    notice(calendarError(hash.get('calendar-error')));
    window.history.replaceState(null, '', '/' + rememberedPage('#/sessions'));
  }
  route();
}

function signInView() {
  document.getElementById('nav').hidden = true;
  const button = h('button', { type: 'button', id: 'sign-in' }, 'Sign in with Google');
  button.addEventListener('click', () => busy(button, 'Opening Google…', () => startSignIn(app.config)).catch(e => notice(friendly(e))));
  show('sign-in', h('div', { class: 'card center' },
    h('h1', {}, 'Practice sessions, booked in seconds'),
    h('p', { class: 'muted' }, app.config.calendarRequired
      ? 'Sign in with your Google account and allow schedulr your Google Calendar: your sessions go straight to it.'
      : 'Sign in with your Google account.'),
    button));
  button.focus();
}

function gateView(connection) {
  const revoked = connection && connection.status === 'revoked';
  const button = h('button', { type: 'button', id: 'connect-calendar' }, revoked ? 'Reconnect Google Calendar' : 'Connect Google Calendar');
  button.addEventListener('click', () => connectCalendar(button));
  show('gate', h('div', { class: 'card center', id: 'gate' },
    h('h1', {}, revoked ? 'Your calendar was disconnected' : 'Connect your calendar'),
    h('p', {}, revoked
      ? 'schedulr can no longer reach your Google Calendar (access was removed in Google). Reconnect it to book and offer sessions again.'
      : 'schedulr puts every session you book or offer on a calendar of its own in your Google Calendar, "Schedulr Meetings". Connect it to start.'),
    // A Calendar box left unticked on Google's screen (signing in, or connecting before): said, with what to do.
    connection && connection.reason === 'scopes_missing' ? h('p', { class: 'muted', id: 'gate-reason' },
      'Google did not give schedulr all of your calendar last time: leave every calendar box ticked on Google\'s screen.') : null,
    button));
  button.focus();
}

/** To Google's consent page and back: the calendar connected (calendar-sync-service's callback returns to this page). */
function connectCalendar(button) {
  return busy(button, 'Opening Google…', async () => {
    const answer = await consentUrl(app.config.calendarSyncUrl, app.zone, app.session.idToken);
    rememberPage();
    window.location.assign(answer.url);
  }).catch(failed);
}

function failed(e) {
  if (e instanceof ApiError && e.status === 401) {
    keepUnsaved(e.request, app.me && app.me.id);
    // Renewed without a page while the browser is still signed in to Google (route); else the sign-in button.
    sessionEnded();
    route();
    return;
  }
  if (e instanceof ApiError && e.code === 'calendar_not_connected') {
    // Said, not only routed: if calendar-sync-service already counts the calendar as connected, the page comes back
    // unchanged, and the person must still learn that their action was not carried out.
    notice(friendly(e));
    route();
    return;
  }
  notice(friendly(e));
}

// Each call of route() is one run; a run overtaken by a newer one (the address changed again while it waited for the
// server) stops at its next step, so that two quick changes of page do not draw the last page twice, or an older one last.
let routeRuns = 0;

async function route() {
  const run = ++routeRuns;
  const overtaken = () => run !== routeRuns;
  if (app.stopStream) {
    app.stopStream();
    app.stopStream = null;
  }
  app.session = currentSession();
  if (!app.session) {
    // Google's ID tokens last an hour: the sign-in is renewed without a page, back on this page.
    const renewFor = silentRenewalFor();
    if (renewFor) {
      try {
        await busy(null, 'Signing you in again…', () => startSignIn(app.config, renewFor));
        return;
      } catch (e) {
        notice(friendly(e));
      }
    } else if (signInLapsed()) {
      // Not renewed again (3 times within 10 minutes already): said, so that the sign-in button does not come unexplained.
      notice('Your sign-in has ended. Please sign in again.', 'info');
    }
    signInView();
    return;
  }
  try {
    app.me = await call('GET', '/api/whoami', undefined, app.session.idToken);
    if (overtaken()) {
      return;
    }
    // The zone picked on this device; else the profile's when the sign-in stated one; else (Google) the browser's. A
    // picked or the browser's zone is also kept as the person's, so that their mails, reminders and Google events say the
    // times they read here.
    const shown = shownZone(app.me.id, tokenZone(app.session.idToken), app.me.timeZone);
    app.zone = shown.zone;
    if (shown.keep) {
      await keepZone(app.me.id, app.zone, app.session.idToken);
      if (overtaken()) {
        return;
      }
    }
    const nav = document.getElementById('nav');
    nav.hidden = false;
    document.getElementById('who').replaceChildren(`${app.me.name || app.me.email} · `,
      h('a', { href: '#/reminders', id: 'zone-link', title: 'Change the time zone times are shown in' }, app.zone));
    const unsaved = takeUnsaved(app.me.id);
    if (unsaved) {
      offerUnsaved(app, failed, unsaved);
    }
    if (app.config.calendarRequired) {
      const connection = await call('GET', `${app.config.calendarSyncUrl}/api/calendar/connection`, undefined, app.session.idToken);
      if (overtaken()) {
        return;
      }
      if (connection.status !== 'connected') {
        gateView(connection);
        return;
      }
    }
    const page = window.location.hash.replace(/^#\/?/, '').split(/[/?=]/)[0];
    document.querySelectorAll('nav a').forEach(a => a.removeAttribute('aria-current'));
    if (page === 'slots') {
      document.getElementById('nav-slots').setAttribute('aria-current', 'page');
      app.stopStream = slotsView(app, failed);
    } else if (page === 'interviews') {
      document.getElementById('nav-interviews').setAttribute('aria-current', 'page');
      interviewsView(app, failed);
    } else if (page === 'startups') {
      document.getElementById('nav-startups').setAttribute('aria-current', 'page');
      startupsView(app, failed);
    } else if (page === 'reminders') {
      document.getElementById('nav-reminders').setAttribute('aria-current', 'page');
      remindersView(app, failed);
    } else {
      document.getElementById('nav-sessions').setAttribute('aria-current', 'page');
      app.stopStream = sessionsView(app, failed);
    }
  } catch (e) {
    failed(e);
  }
}

app.connectCalendar = connectCalendar;
app.route = () => route();

window.addEventListener('hashchange', () => {
  if (!/^#(calendar|calendar-error)=/.test(window.location.hash)) {
    notice(null);
    route();
  }
});
document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  forgetUnsaved();
  document.getElementById('unsaved').hidden = true;
  route();
});
start();

/** What went wrong connecting the calendar (calendar-sync-service's codes), and what the person can do about it. */
function calendarError(code) {
  const words = {
    consent_denied: 'You did not give schedulr access to your Google Calendar, so it is not connected. Connect again when you are ready.',
    calendar_scopes_missing: 'Google did not give schedulr access to your calendars. Connect again and leave the calendar boxes ticked on Google\'s screen.',
    google_account_mismatch: 'You chose another Google account than the one you signed in with. Connect again and choose the same account.',
    offline_access_missing: 'Google gave only passing access. Connect again and accept Google\'s screen.',
    state_expired: 'Connecting took too long. Please connect again.',
    invalid_state: 'This connection was not started here, or it was already used. Please connect again.',
    google_unavailable: 'Google did not answer. Please connect again in a moment.',
  };
  return words[code] || `Connecting your calendar did not work (${code.replace(/_/g, ' ')}). Please try again.`;
}
