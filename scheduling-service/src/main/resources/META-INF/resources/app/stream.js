// The live room stream over fetch (EventSource cannot send a bearer token): Server-Sent Events parsed by hand,
// reconnecting with backoff and Last-Event-ID so nothing is missed. A sign-in that has expired (401) ends the watch:
// onExpired hears it once, so the person is asked to sign in again rather than left with a stream that never comes back.
import { ApiError } from './api.js';

export function watchRooms(token, onEvent, onState, onExpired = () => {}) {
  let stopped = false;
  let lastId = null;
  let controller = null;
  let delay = 500;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
        if (lastId) {
          headers['Last-Event-ID'] = lastId;
        }
        const response = await fetch('/api/practice-rooms/stream', { headers, signal: controller.signal });
        if (response.status === 401) {
          stopped = true;
          onState(false);
          onExpired(new ApiError(401, 'unauthorized', 'Your sign-in has expired. Please sign in again.'));
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error(`stream answered ${response.status}`);
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let data = '';
            let id = null;
            for (const line of block.split('\n')) {
              if (line.startsWith('data:')) {
                data += line.slice(5).trimStart();
              } else if (line.startsWith('id:')) {
                id = line.slice(3).trim();
              }
            }
            if (id) {
              lastId = id;
            }
            if (data) {
              let event;
              try {
                event = JSON.parse(data);
              } catch (e) {
                continue; // one unreadable event is skipped; the stream and the next events go on
              }
              if (event.type === 'connected') {
                delay = 500;
                onState(true);
              }
              onEvent(event);
            }
          }
        }
      } catch (e) {
        if (stopped) {
          return;
        }
      }
      onState(false);
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }

  run();
  return () => {
    stopped = true;
    if (controller) {
      controller.abort();
    }
  };
}

/**
 * Calls reload (at most once per 150 ms burst) after any room change and after each (re)connection, so a list drawn
 * from the API stays current. skip() true: changes are ignored for now. onState(on) follows the connection.
 */
export function reloadOnRoomChanges(token, reload, { skip = () => false, onState = () => {}, onExpired = () => {} } = {}) {
  let pending = null;
  return watchRooms(token, event => {
    if (event.type === 'heartbeat' || event.type === 'connected' || skip()) {
      return;
    }
    clearTimeout(pending);
    pending = setTimeout(reload, 150);
  }, on => {
    onState(on);
    if (on) {
      reload();
    }
  }, onExpired);
}
