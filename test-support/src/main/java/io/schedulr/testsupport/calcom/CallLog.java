package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API v2 calls the local Cal.com received, newest last (the last {@value #KEPT}): method, path, the status it
 * answered ({@code 0} when the connection was dropped instead) and when. Tests count a client's attempts with it;
 * nothing of the request's headers or body is kept, so no key ends up here.
 */
final class CallLog {
    static final int KEPT = 1_000;

    record Call(String method, String path, int status, Instant at) {
        Map<String, Object> view() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("method", method);
            out.put("path", path);
            out.put("status", status);
            out.put("dropped", status == 0);
            out.put("at", Times.iso(at));
            return out;
        }
    }

    private final Deque<Call> calls = new ArrayDeque<>();

    synchronized void add(Call call) {
        calls.addLast(call);
        while (calls.size() > KEPT) {
            calls.removeFirst();
        }
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
    }
}
