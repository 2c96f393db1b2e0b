package io.schedulr.testsupport.calcom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One webhook delivery: the exact bytes, the signature sent with them, and what each attempt got. A replayed,
 * duplicated or corrupted delivery is a new one naming its {@code origin}.
 */
final class Delivery {
    final long id;
    final long webhookId;
    final String triggerEvent;
    final String subscriberUrl;
    final byte[] body;
    final String signature;
    final String kind;
    final Long origin;
    private final List<Map<String, Object>> attempts = new ArrayList<>();
    private String state = "pending";

    Delivery(long id, long webhookId, String triggerEvent, String subscriberUrl, byte[] body, String signature, String kind, Long origin) {
        this.id = id;
        this.webhookId = webhookId;
        this.triggerEvent = triggerEvent;
        this.subscriberUrl = subscriberUrl;
        this.body = body.clone();
        this.signature = signature;
        this.kind = kind;
        this.origin = origin;
    }

    synchronized void state(String newState) {
        state = newState;
    }

    synchronized String state() {
        return state;
    }

    synchronized void attempt(Integer status, String error) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("attempt", attempts.size() + 1);
        attempt.put("status", status);
        attempt.put("error", error);
        attempts.add(attempt);
    }

    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("webhookId", webhookId);
        view.put("triggerEvent", triggerEvent);
        view.put("subscriberUrl", subscriberUrl);
        view.put("kind", kind);
        view.put("origin", origin);
        view.put("state", state);
        view.put("signature", signature);
        view.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        view.put("attempts", new ArrayList<>(attempts));
        return view;
    }
}
