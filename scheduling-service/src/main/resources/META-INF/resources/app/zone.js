// The zone the app shows times in and keeps for the person, the one they pick on a device, and the calendar consent
// asked in it.
import { call, ApiError } from './api.js';
import { isZone, viewerZone } from './time.js';

const KEPT = 'schedulr.zone-kept';
const PICKED = 'schedulr.zone-picked';

/**
 * The zone the person picked on this device ("Show times in"), or null when they follow the device. Kept per device,
 * not per tab: someone who travels and wants their home zone picks it once.
 */
export function pickedZone(userId) {
  const zone = localStorage.getItem(`${PICKED}.${userId}`);
  return isZone(zone) ? zone : null;
}

/** Picks {@code zone} on this device for the person (each person who signs in here has their own); '' follows the device again. */
export function pickZone(userId, zone) {
  if (zone) {
    localStorage.setItem(`${PICKED}.${userId}`, zone);
  } else {
    localStorage.removeItem(`${PICKED}.${userId}`);
  }
}

/**
 * The zone times are shown in, and whether it is to be kept as the person's: the one picked on this device (kept);
 * else the one the sign-in states (the profile's, not kept: it is theirs already); else the browser's (kept).
 * {zone, keep}
 */
export function shownZone(userId, statedZone, profileZone) {
  const picked = pickedZone(userId);
  if (picked) {
    return { zone: picked, keep: true };
  }
  return { zone: viewerZone(statedZone ? profileZone : null), keep: !statedZone };
}

/** Every zone the browser knows, for the picker; at least the ones given. */
export function knownZones(...also) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...all, ...also.filter(Boolean), 'UTC'])].sort();
}

/**
 * The zone the person picks on this device, kept as theirs first: a name the service refuses is not picked (the refusal
 * is the caller's to show), so what the app shows and what their mails say never part. '' follows again what the app
 * follows without a pick ({@code followed}: the sign-in's zone, or the device's), which is kept as theirs the same way.
 */
export async function chooseZone(userId, zone, followed, token) {
  const kept = zone || followed;
  await call('PUT', '/api/me/time-zone', { timeZone: kept }, token);
  sessionStorage.setItem(KEPT, `${userId} ${kept}`);
  pickZone(userId, zone);
}

/**
 * Keeps {@code zone} as the person's zone, once per tab and zone. A refusal (a zone the service does not know) leaves the
 * one kept, and the app goes on; a refused sign-in (401) is the caller's to handle.
 */
export async function keepZone(userId, zone, token) {
  if (sessionStorage.getItem(KEPT) === `${userId} ${zone}`) {
    return;
  }
  try {
    await call('PUT', '/api/me/time-zone', { timeZone: zone }, token);
    sessionStorage.setItem(KEPT, `${userId} ${zone}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      throw e;
    }
  }
}

/**
 * Google's consent page (calendar-sync-service at {@code calendarSyncUrl}); the calendar made there is in {@code zone},
 * unless the service does not know that name: then it is asked again without one.
 */
export async function consentUrl(calendarSyncUrl, zone, token) {
  const start = `${calendarSyncUrl}/api/auth/google/start`;
  try {
    return await call('GET', `${start}?timeZone=${encodeURIComponent(zone)}`, undefined, token);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'invalid_timeZone') {
      return call('GET', start, undefined, token);
    }
    throw e;
  }
}
