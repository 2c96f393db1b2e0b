// One way to call our APIs: JSON in and out, {"code","message"} errors turned into ApiError with words a person can read.
import { formatSpan } from './time.js';

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

const FRIENDLY = {
  room_already_booked: 'Someone else booked this session a moment ago.',
  changed_concurrently: 'This session changed while you were looking at it; the list is up to date now.',
  room_not_found: 'This session no longer exists.',
  slot_not_open: 'This slot is no longer open: it was booked or cancelled a moment ago.',
  host_cannot_book_own_room: 'You host this session, so you cannot book it.',
  datetime_in_past: 'Pick a time in the future.',
  datetime_out_of_range: 'Pick a time within the next five years.',
  room_in_past: 'This session is already over.',
  calendar_not_connected: 'Connect your Google Calendar first.',
  google_unavailable: 'Google did not answer. Please try again in a moment.',
  unauthorized: 'Your sign-in has expired. Please sign in again.',
};

export function friendly(error) {
  if (error instanceof ApiError && error.code === 'calendar_conflict') {
    return error.body && error.body.ownCalendarOnly
      ? 'This time clashes with something already in your calendar. Nothing was changed.'
      : 'Someone taking part is busy at this time. Pick another time.';
  }
  if (error instanceof ApiError) {
    return FRIENDLY[error.code] || error.message || (error.status >= 500
      ? `The service is not answering properly right now (HTTP ${error.status}). Please try again in a moment.`
      : `The request failed (HTTP ${error.status}).`);
  }
  if (error instanceof TypeError) {
    return 'The service cannot be reached. Check your connection and try again.';
  }
  return error.message || String(error);
}

export async function call(method, url, body, token) {
  return (await exchange(method, url, body, token)).json;
}

/**
 * A page of a list: its items, and whether the list may go on (the API's Link header names a next page). A short page
 * alone does not say the list ended: the API may have left out some of a page's items.
 */
export async function callPage(url, token) {
  const { json, response } = await exchange('GET', url, undefined, token);
  return { items: json || [], more: /rel="?next"?/.test(response.headers.get('Link') || '') };
}

async function exchange(method, url, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const code = json && json.code ? json.code : (response.status === 401 ? 'unauthorized' : `http_${response.status}`);
    // No message of ours (a proxy's page in front of a service that is down, say): friendly() words it.
    const error = new ApiError(response.status, code, json && json.message ? json.message : '', json);
    // What was asked, so that a change refused for an ended sign-in can be offered again after it (unsaved.js).
    error.request = { method, url, body: body === undefined ? null : body };
    throw error;
  }
  return { json, response };
}

/**
 * Runs a change (run(false)); when the only clashes are with the person's own calendar, asks whether to go ahead and, if
 * so, runs it again ignoring their own calendar (run(true)); the clashing times are shown in {@code zone}. A clash with
 * someone else's calendar cannot be ignored.
 */
export async function allowingOwnClash(run, zone) {
  try {
    return await run(false);
  } catch (e) {
    const own = e instanceof ApiError && e.code === 'calendar_conflict' && e.body && e.body.ownCalendarOnly;
    const clashes = own && Array.isArray(e.body.conflicts) ? e.body.conflicts : [];
    if (own && window.confirm(`This clashes with ${clashes.length === 1 ? 'something' : `${clashes.length} things`} already in your calendar`
        + `${clashes.length ? ` (${clashes.map(c => formatSpan(c.start, c.end, zone)).join('; ')})` : ''}. Go ahead anyway?`)) {
      return run(true);
    }
    throw e;
  }
}
