// Google sign-in (authorization code + PKCE): the verifier and state stay in this tab's session storage; calendar-sync-service
// exchanges the code with the client secret and hands back the ID token, the bearer token of every API.
import { ApiError, call } from './api.js';

const SESSION = 'schedulr.session';
const PENDING = 'schedulr.sign-in';
const RETURN = 'schedulr.return-to';
const RENEWALS = 'schedulr.silent-renewals';

export function redirectUri() {
  return window.location.origin + '/';
}

function storedSession() {
  return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
}

function lapsed(s) {
  return Date.parse(s.expiresAt) - Date.now() < 30_000;
}

export function currentSession() {
  const s = storedSession();
  return s && !lapsed(s) ? s : null;
}

/**
 * Whom to sign in again without a page: the person whose sign-in ran out in this tab (Google's ID tokens last an hour)
 * and who did not sign out. Null otherwise, and after 3 renewals within 10 minutes: a token that is refused as soon as it
 * is renewed would otherwise send the browser back and forth to Google without end.
 */
export function silentRenewalFor() {
  const s = storedSession();
  if (!s || !s.email || !lapsed(s)) {
    return null;
  }
  const recent = JSON.parse(sessionStorage.getItem(RENEWALS) || '[]').filter(at => Date.now() - at < 10 * 60_000);
  if (recent.length >= 3) {
    return null;
  }
  sessionStorage.setItem(RENEWALS, JSON.stringify([...recent, Date.now()]));
  return s.email;
}

/** Someone was signed in in this tab and did not sign out, but their sign-in has run out (and is not being renewed). */
export function signInLapsed() {
  const s = storedSession();
  return Boolean(s && lapsed(s));
}

/** An API refused the token (it ran out, or is no longer taken): the sign-in has lapsed, and who it was is kept. */
export function sessionEnded() {
  const s = storedSession();
  if (s) {
    s.expiresAt = new Date(0).toISOString();
    sessionStorage.setItem(SESSION, JSON.stringify(s));
  }
}

/** Google would not renew the sign-in without the person (signed out of Google, or a new consent needed). */
export class SilentSignInRefused extends Error {}

/**
 * The time zone the sign-in token states ({@code zoneinfo}), or null. Google's ID tokens carry none, and then the
 * services' profile zone is only their default (UTC); the app shows the browser's zone instead.
 */
export function tokenZone(idToken) {
  try {
    const part = String(idToken).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims.zoneinfo === 'string' && claims.zoneinfo ? claims.zoneinfo : null;
  } catch (e) {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

function random(bytes) {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return base64url(a);
}

function base64url(bytes) {
  let s = '';
  bytes.forEach(b => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** One of the app's own pages ("#/interviews/…", "#/slots"), or '' for anything else (Google's answers, other fragments). */
export function appPage(hash) {
  return /^#\/[A-Za-z0-9/_?=&.-]*$/.test(hash || '') ? hash : '';
}

/** Before a round trip through Google (signing in, connecting the calendar): the page to come back to. */
export function rememberPage() {
  const page = appPage(window.location.hash);
  if (page) {
    sessionStorage.setItem(RETURN, page);
  } else {
    sessionStorage.removeItem(RETURN);
  }
}

/** After the round trip: the page remembered before it (once), else `fallback`. */
export function rememberedPage(fallback) {
  const page = appPage(sessionStorage.getItem(RETURN));
  sessionStorage.removeItem(RETURN);
  return page || fallback;
}

/** Google's sign-in; with `silentFor` (an address), no page: Google answers at once whether it is still signed in. */
export async function startSignIn(config, silentFor) {
  rememberPage();
  const verifier = random(32);
  const state = random(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, silent: Boolean(silentFor) }));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({ redirectUri: redirectUri(), state, codeChallenge: base64url(digest) });
  if (silentFor) {
    query.set('silentFor', silentFor);
  }
  const answer = await call('GET', `${config.calendarSyncUrl}/api/auth/google/sign-in?${query}`);
  window.location.assign(answer.url);
}

/** Google sent the browser back with ?code&state (or ?error): finish, or say why not. */
export async function finishSignIn(config, params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (params.get('error') && pending && pending.silent) {
    signOut();
    throw new SilentSignInRefused('Your sign-in has ended. Please sign in again.');
  }
  if (params.get('error')) {
    throw new Error(params.get('error') === 'access_denied' ? 'You cancelled signing in with Google.' : `Google said: ${params.get('error')}`);
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('This sign-in was not started here (or it was already used). Please sign in again.');
  }
  // A calendar granted on the sign-in's consent screen is connected at once, made in this device's zone; a zone the
  // service does not know is left out rather than failing the sign-in (the code is only used once the body is taken).
  const exchange = { code: params.get('code'), codeVerifier: pending.verifier, redirectUri: redirectUri() };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const signIn = body => call('POST', `${config.calendarSyncUrl}/api/auth/google/sign-in`, body);
  const signedIn = await (zone ? signIn({ ...exchange, timeZone: zone }) : signIn(exchange)).catch(e => {
    if (e instanceof ApiError && e.code === 'invalid_timeZone') {
      return signIn(exchange);
    }
    throw e;
  });
  sessionStorage.setItem(SESSION, JSON.stringify(signedIn));
  return signedIn;
}
