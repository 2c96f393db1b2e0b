package io.schedulr.testsupport.calcom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Webhook subscriptions ({@code POST /v2/webhooks}) and the deliveries Cal.com makes to them: a POST of
 * {@code {"triggerEvent","createdAt","payload"}} with {@code Content-Type: application/json} and
 * {@code X-Cal-Signature-256}, sent asynchronously by a small pool (so no ordering between deliveries), at most three
 * attempts when the subscriber cannot be reached or answers 5xx. Every subscription whose triggers include the event
 * gets its own delivery, as overlapping Cal.com subscriptions do. For tests: hold deliveries and release them in
 * reverse order, send one again (replay), several times at once (duplicate), or with a byte altered after signing
 * (corrupt). Simplified: {@code payloadTemplate} is stored and echoed but not applied; only user-level subscriptions.
 */
final class Webhooks implements Bookings.Listener, AutoCloseable {
    static final List<String> BOOKING_TRIGGERS = List.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REQUESTED",
            "BOOKING_REJECTED");
    private static final Set<String> KNOWN_TRIGGERS = Set.of("BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID",
            "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED",
            "BOOKING_LOCATION_UPDATED", "BOOKING_REASSIGNED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY",
            "INSTANT_MEETING", "INSTANT_MEETING_ACCEPTED", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED",
            "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT", "ROUTING_FORM_FALLBACK_HIT");
    private static final int MAX_ATTEMPTS = 3;

    record Subscription(long id, long userId, String subscriberUrl, List<String> triggers, String secret, boolean active,
                        String payloadTemplate) {
    }

    private final Map<Long, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<Long, Delivery> deliveries = new LinkedHashMap<>();
    private final List<Delivery> held = new ArrayList<>();
    private final WebhookPayloads payloads;
    private final Clock clock;
    private final Duration retryDelay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "local-calcom-webhooks");
        t.setDaemon(true);
        return t;
    });
    private long nextSubscription = 1;
    private long nextDelivery = 1;
    private boolean holding;

    Webhooks(WebhookPayloads payloads, Clock clock, Duration retryDelay) {
        this.payloads = payloads;
        this.clock = clock;
        this.retryDelay = retryDelay;
    }

    synchronized Subscription subscribe(long userId, String subscriberUrl, List<String> triggers, String secret, boolean active,
                                        String payloadTemplate) {
        if (subscriberUrl == null || !(subscriberUrl.startsWith("http://") || subscriberUrl.startsWith("https://"))) {
            throw CalcomError.badRequest("subscriberUrl must be a URL address");
        }
        if (triggers == null || triggers.isEmpty()) {
            throw CalcomError.badRequest("triggers should not be empty");
        }
        for (String trigger : triggers) {
            if (!KNOWN_TRIGGERS.contains(trigger)) {
                throw CalcomError.badRequest("each value in triggers must be one of the following values: " + String.join(", ", KNOWN_TRIGGERS));
            }
        }
        Subscription subscription = new Subscription(nextSubscription++, userId, subscriberUrl, List.copyOf(new LinkedHashSet<>(triggers)),
                secret, active, payloadTemplate);
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    synchronized Subscription subscription(long id) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null) {
            throw CalcomError.notFound("Webhook with id=" + id + " not found");
        }
        return subscription;
    }

    synchronized Subscription remove(long id) {
        Subscription subscription = subscription(id);
        subscriptions.remove(id);
        return subscription;
    }

    /** A PING to one subscription, whatever its triggers (Cal.com's "Ping test"). */
    synchronized Delivery ping(long subscriptionId) {
        Subscription subscription = subscription(subscriptionId);
        return send(subscription, "PING", WebhookPayloads.ping(clock.instant()));
    }

    @Override
    public synchronized void created(Booking booking) {
        emit("BOOKING_CREATED", payloads.created(booking));
    }

    @Override
    public synchronized void requested(Booking booking) {
        emit("BOOKING_REQUESTED", payloads.requested(booking));
    }

    @Override
    public synchronized void rejected(Booking booking) {
        emit("BOOKING_REJECTED", payloads.rejected(booking));
    }

    @Override
    public synchronized void rescheduled(Booking booking, Booking previous) {
        emit("BOOKING_RESCHEDULED", payloads.rescheduled(booking, previous));
    }

    @Override
    public synchronized void cancelled(Booking booking, boolean requestReschedule) {
        emit("BOOKING_CANCELLED", payloads.cancelled(booking, requestReschedule));
    }

    private void emit(String trigger, Map<String, Object> payload) {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.active() && subscription.triggers().contains(trigger)) {
                send(subscription, trigger, payload);
            }
        }
    }

    private Delivery send(Subscription subscription, String trigger, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("triggerEvent", trigger);
        body.put("createdAt", Times.iso(clock.instant()));
        body.put("payload", payload);
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        Delivery delivery = new Delivery(nextDelivery++, subscription.id(), trigger, subscription.subscriberUrl(), bytes,
                WebhookSignature.sign(subscription.secret(), bytes), "original", null);
        deliveries.put(delivery.id, delivery);
        dispatch(delivery);
        return delivery;
    }

    /** From now on deliveries wait until {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    /** Sends what was held, newest first when {@code reverse}, and stops holding. */
    synchronized List<Long> release(boolean reverse) {
        holding = false;
        List<Delivery> batch = new ArrayList<>(held);
        held.clear();
        if (reverse) {
            Collections.reverse(batch);
        }
        List<Long> ids = new ArrayList<>();
        // one after the other, so the receiver sees exactly the order asked for
        senders.execute(() -> batch.forEach(this::attempts));
        batch.forEach(d -> ids.add(d.id));
        return ids;
    }

    /** The same bytes and signature again, later: what a receiver must recognise as already processed. */
    synchronized Delivery replay(long deliveryId) {
        return copy(delivery(deliveryId), "replay", false);
    }

    /** {@code copies} identical deliveries at once, as overlapping subscriptions produce. */
    synchronized List<Delivery> duplicate(long deliveryId, int copies) {
        Delivery original = delivery(deliveryId);
        List<Delivery> sent = new ArrayList<>();
        for (int i = 0; i < Math.max(1, copies); i++) {
            sent.add(copy(original, "duplicate", false));
        }
        return sent;
    }

    /** The original signature with one byte of the body changed after signing. */
    synchronized Delivery corrupt(long deliveryId) {
        return copy(delivery(deliveryId), "corrupt", true);
    }

    synchronized List<Map<String, Object>> deliveries() {
        return deliveries.values().stream().map(Delivery::view).toList();
    }

    synchronized Delivery delivery(long id) {
        Delivery delivery = deliveries.get(id);
        if (delivery == null) {
            throw CalcomError.notFound("Delivery with id=" + id + " not found");
        }
        return delivery;
    }

    private Delivery copy(Delivery original, String kind, boolean corrupt) {
        byte[] body = corrupt ? alter(original.body) : original.body;
        Delivery delivery = new Delivery(nextDelivery++, original.webhookId, original.triggerEvent, original.subscriberUrl, body,
                original.signature, kind, original.id);
        deliveries.put(delivery.id, delivery);
        dispatch(delivery);
        return delivery;
    }

    /** Changes one digit of {@code createdAt}, so the body stays valid JSON and only the signature can tell. */
    static byte[] alter(byte[] body) {
        byte[] copy = body.clone();
        String text = new String(copy, StandardCharsets.UTF_8);
        int at = text.indexOf("\"createdAt\":\"");
        int index = at < 0 ? copy.length / 2 : at + "\"createdAt\":\"".length() + 3;
        copy[index] = (byte) (copy[index] >= '0' && copy[index] <= '8' ? copy[index] + 1 : '0');
        return copy;
    }

    private void dispatch(Delivery delivery) {
        if (holding) {
            delivery.state("held");
            held.add(delivery);
        } else {
            senders.execute(() -> attempts(delivery));
        }
    }

    private void attempts(Delivery delivery) {
        delivery.state("sending");
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.subscriberUrl))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, delivery.signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                .build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                delivery.attempt(status, null);
                if (status < 500) {
                    delivery.state(status < 300 ? "delivered" : "rejected");
                    return;
                }
            } catch (IOException e) {
                delivery.attempt(null, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                delivery.state("interrupted");
                return;
            }
            if (attempt < MAX_ATTEMPTS) {
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    delivery.state("interrupted");
                    return;
                }
            }
        }
        delivery.state("failed");
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
