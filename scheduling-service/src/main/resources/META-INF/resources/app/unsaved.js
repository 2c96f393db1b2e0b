// A change refused only because the sign-in had ended (401): kept in the tab across the renewal's round trip to Google,
// then offered to the same person again. Never sent again without being asked: it may no longer be what they want.
import { call } from './api.js';
import { h, busy, notice } from './dom.js';

const KEY = 'schedulr.unsaved-change';
const FRESH_MS = 15 * 60 * 1000;

/** Keeps a write of {@code userId}'s that was refused for their sign-in alone; reads (GET) are simply asked again. */
export function keepUnsaved(request, userId, now = Date.now()) {
  // The zone the app keeps by itself on every sign-in is not a change of the person's.
  if (!request || !userId || request.method === 'GET' || !isOurs(request.url) || request.url === '/api/me/time-zone') {
    return;
  }
  sessionStorage.setItem(KEY, JSON.stringify({ method: request.method, url: request.url, body: request.body, userId, at: now }));
}

/** The change kept for {@code userId}, once; nothing for anyone else, nor after 15 minutes. */
export function takeUnsaved(userId, now = Date.now()) {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) {
    return null;
  }
  try {
    const kept = JSON.parse(raw);
    return kept && kept.userId === userId && now - kept.at >= 0 && now - kept.at < FRESH_MS && isOurs(kept.url)
      && typeof kept.method === 'string' ? kept : null;
  } catch (e) {
    return null;
  }
}

export function forgetUnsaved() {
  sessionStorage.removeItem(KEY);
}

/** Only this app's own API (relative paths): a kept change never goes anywhere else. */
function isOurs(url) {
  return typeof url === 'string' && url.startsWith('/api/') && !url.startsWith('//');
}

/** What the change was, in the words of the page it came from. */
export function describeChange(request) {
  const path = request.url.split('?')[0];
  const words = [
    [/^\/api\/interviews\/[^/]+\/steps\//, 'a step of an interview'],
    [/^\/api\/interviews\/[^/]+\/send$/, 'sending an interview'],
    [/^\/api\/interviews\/[^/]+\/cancel$/, 'cancelling an interview'],
    [/^\/api\/interviews\/[^/]+\/reschedule$/, 'moving an interview'],
    [/^\/api\/interviews$/, 'a new interview'],
    [/^\/api\/practice-room\/create$/, 'a new session'],
    [/^\/api\/practice-room\//, 'a change to a session'],
    [/^\/api\/slots\/[^/]+\/book$/, 'booking a slot'],
    [/^\/api\/slots/, 'a change to your availability'],
    [/^\/api\/me\/preferences$/, 'your reminder settings'],
    [/^\/api\/(team-members|startups)/, 'a change to the team or a startup'],
  ];
  const found = words.find(([pattern]) => pattern.test(path));
  return found ? found[1] : 'your last change';
}

/** Shows the kept change with "Save it now" and "Discard" above the page. */
export function offerUnsaved(app, failed, kept) {
  const box = document.getElementById('unsaved');
  const save = h('button', { type: 'button', id: 'unsaved-save' }, 'Save it now');
  const discard = h('button', { type: 'button', class: 'secondary', id: 'unsaved-discard' }, 'Discard');
  const close = () => { box.hidden = true; box.replaceChildren(); };
  discard.addEventListener('click', close);
  save.addEventListener('click', () => busy(save, 'Saving…', async () => {
    await call(kept.method, kept.url, kept.body === null ? undefined : kept.body, app.session.idToken);
    close();
    notice('Saved.', 'info');
    app.route();
  }).catch(failed));
  box.replaceChildren(h('p', {}, `Your sign-in had ended, so this was not saved: ${describeChange(kept)}.`), h('p', { class: 'row' }, save, discard));
  box.hidden = false;
}
