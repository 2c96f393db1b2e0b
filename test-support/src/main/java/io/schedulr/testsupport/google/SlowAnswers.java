package io.schedulr.testsupport.google;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control API's {@code delay} knob, a Google that answers slowly (a brown-out): the next N Calendar API calls wait
 * {@code millis} before they are handled — all callers' or, with an email, only those made with that person's tokens.
 * A call whose client gave up meanwhile is still carried out afterwards, as Google may do.
 */
final class SlowAnswers {
    private int remaining;
    private long millis;
    private String email;

    synchronized void delayNext(int count, long millis, String email) {
        if (count > 0 && (millis < 1 || millis > 120_000)) {
            throw new IllegalArgumentException("millis must be between 1 and 120000");
        }
        this.remaining = Math.max(0, count);
        this.millis = millis;
        this.email = email;
    }

    /** Holds the calling thread as long as this call of {@code caller} must wait. */
    void await(String caller) {
        long wait;
        synchronized (this) {
            if (remaining == 0 || email != null && !email.equalsIgnoreCase(caller)) {
                return;
            }
            remaining--;
            wait = millis;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("count", remaining);
        state.put("millis", millis);
        state.put("email", email);
        return state;
    }
}
