// The zone the app keeps for someone whose sign-in states none (Google), and the calendar consent asked in that zone.
import { call, ApiError } from './api.js';

const KEPT = 'schedulr.zone-kept';

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
