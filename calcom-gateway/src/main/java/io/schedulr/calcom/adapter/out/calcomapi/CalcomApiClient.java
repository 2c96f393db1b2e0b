package io.schedulr.calcom.adapter.out.calcomapi;

import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.application.port.out.CalcomException.Kind;
import io.schedulr.calcom.config.CalcomApiConfig;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;
import io.schedulr.calcom.domain.booking.Slot;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * {@link CalcomApi} over Cal.com's API v2 ({@link CalcomV2Client}).
 * <ul>
 *   <li>Each request gets a correlation id, sent as {@value CalcomV2Client#CORRELATION_HEADER} and written in every log
 *       line about it, with the endpoint, Cal.com's status, error code and message. The key is never logged.</li>
 *   <li>5xx answers and network failures are retried with exponential backoff and jitter ({@code @Retry} below; tests
 *       shorten it with {@code io.schedulr.calcom.adapter.out.calcomapi.CalcomApiClient/Retry/delay}). A booking that is
 *       created or moved is retried only when Cal.com cannot have carried it out (connection refused, 503), so a lost
 *       answer never books twice.</li>
 *   <li>429: Cal.com blocks the key for its window and sends no Retry-After, so every request waits out
 *       {@code calcom.rate-limit.window} ({@link RateLimitGate}) and is sent again {@code calcom.rate-limit.retries}
 *       times; then the caller learns {@link Kind#RATE_LIMITED}.</li>
 *   <li>Other 4xx are Cal.com's refusals and are never retried.</li>
 * </ul>
 */
@ApplicationScoped
@Retry(maxRetries = 3, delay = 400, jitter = 200, retryOn = CalcomApiClient.TransientCalcomFailure.class)
@ExponentialBackoff(factor = 2, maxDelay = 5_000)
public class CalcomApiClient implements CalcomApi {
    private static final Logger LOG = Logger.getLogger(CalcomApiClient.class);

    @Inject
    @RestClient
    CalcomV2Client api;
    @Inject
    CalcomApiConfig config;
    @Inject
    CalcomCallMeters meters;
    @Inject
    RateLimitBudget budget;

    private final RateLimitGate gate = new RateLimitGate(Clock.systemUTC());

    /** Health: one request, no retries and no waiting for a rate-limit block. */
    @Override
    @Retry(maxRetries = 0)
    public Uni<CalcomAccount> me() {
        String correlationId = UUID.randomUUID().toString();
        String endpoint = "GET /v2/me";
        return bearer(correlationId)
                .chain(auth -> api.me(auth, correlationId))
                .map(envelope -> {
                    CalcomJson.Me me = successful(envelope, endpoint, correlationId).data();
                    return new CalcomAccount(me.id(), me.username(), me.email());
                })
                .onFailure().transform(f -> classify(f, endpoint, correlationId, true))
                .onItemOrFailure().invoke((ignored, failure) -> meters.record(endpoint, failure));
    }

    @Override
    public Uni<List<EventType>> personalEventTypes() {
        return call("GET /v2/event-types", true, (auth, id) -> api.eventTypes(auth, id))
                .map(types -> types.stream().map(CalcomApiClient::eventType).toList());
    }

    @Override
    public Uni<List<EventType>> teamEventTypes(long teamId) {
        return call("GET /v2/teams/{teamId}/event-types", true, (auth, id) -> api.teamEventTypes(auth, id, teamId))
                .map(types -> types.stream().map(CalcomApiClient::eventType).toList());
    }

    @Override
    public Uni<EventType> eventType(long eventTypeId) {
        return call("GET /v2/event-types/{id}", true, (auth, id) -> api.eventType(auth, id, eventTypeId)).map(CalcomApiClient::eventType);
    }

    @Override
    public Uni<List<Slot>> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes) {
        return call("GET /v2/slots", true,
                (auth, id) -> api.slots(auth, id, eventTypeId, from.toString(), to.toString(), timeZone, lengthInMinutes, "range"))
                .map(byDate -> {
                    List<Slot> slots = new ArrayList<>();
                    byDate.values().forEach(day -> day.forEach(s -> slots.add(new Slot(offset(s.start()), offset(s.end())))));
                    slots.sort(Comparator.comparing(s -> s.start().toInstant()));
                    return List.copyOf(slots);
                });
    }

    @Override
    public Uni<Booking> createBooking(NewBooking booking) {
        Booking.Person a = booking.attendee();
        CalcomJson.CreateBooking body = new CalcomJson.CreateBooking(booking.start().toString(), booking.eventTypeId(),
                new CalcomJson.Attendee(a.name(), a.email(), a.timeZone(), booking.attendeeLanguage()),
                booking.guests().isEmpty() ? null : booking.guests(), booking.lengthInMinutes(), booking.metadata());
        return call("POST /v2/bookings", false, (auth, id) -> api.createBooking(auth, id, body)).map(CalcomApiClient::booking);
    }

    @Override
    public Uni<Booking> booking(String uid) {
        return call("GET /v2/bookings/{uid}", true, (auth, id) -> api.booking(auth, id, uid)).map(CalcomApiClient::booking);
    }

    @Override
    public Uni<BookingsPage> bookingsCreated(Long teamId, Instant after, Instant before, int skip, int take) {
        return envelope("GET /v2/bookings", true,
                (auth, id) -> api.bookings(auth, id, teamId, after.truncatedTo(ChronoUnit.MILLIS).toString(),
                        before.truncatedTo(ChronoUnit.MILLIS).toString(), "asc", skip, take))
                .map(page -> {
                    List<CreatedBooking> bookings = new ArrayList<>();
                    for (CalcomJson.Booking b : page.data()) {
                        readable(b).ifPresent(bookings::add);
                    }
                    boolean more = page.pagination() != null && page.pagination().hasNextPage() != null
                            ? page.pagination().hasNextPage() : page.data().size() == take;
                    return new BookingsPage(bookings, more);
                });
    }

    /** One booking of a list: one Cal.com wrote so that it cannot be read is logged and left out, the others go on. */
    static Optional<CreatedBooking> readable(CalcomJson.Booking b) {
        if (b == null || b.uid() == null || b.createdAt() == null) {
            LOG.warnf("Cal.com listed a booking without a uid or a creation time (%s); left out", b == null ? null : b.uid());
            return Optional.empty();
        }
        try {
            return Optional.of(new CreatedBooking(booking(b), instant(b.createdAt())));
        } catch (RuntimeException unreadable) {
            LOG.warnf("Cal.com listed booking %s in a shape we could not read; left out: %s", b.uid(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public double shareOfRequestsLeft() {
        return budget.shareLeft();
    }

    /**
     * Without a reason, Cal.com is given {@code calcom.default-cancellation-reason}: it refuses to cancel a booking whose user
     * is the key's owner (the host) without one (400 "Cancellation reason is required when you are the host").
     */
    @Override
    public Uni<Booking> cancel(String uid, String reason) {
        String told = reason == null || reason.isBlank() ? config.defaultCancellationReason() : reason;
        return call("POST /v2/bookings/{uid}/cancel", true, (auth, id) -> api.cancel(auth, id, uid, new CalcomJson.Cancel(told)))
                .map(CalcomApiClient::booking);
    }

    @Override
    public Uni<Booking> reschedule(String uid, Instant start, String reason) {
        return call("POST /v2/bookings/{uid}/reschedule", false,
                (auth, id) -> api.reschedule(auth, id, uid, new CalcomJson.Reschedule(start.toString(), reason)))
                .map(CalcomApiClient::booking);
    }

    /**
     * One request to Cal.com: waits while the key is blocked, sends it with a fresh correlation id, unwraps the envelope,
     * and turns failures into {@link CalcomException}s (429s sent again after the block).
     */
    private <T> Uni<T> call(String endpoint, boolean idempotent, BiFunction<String, String, Uni<CalcomJson.Envelope<T>>> request) {
        return envelope(endpoint, idempotent, request).map(CalcomJson.Envelope::data);
    }

    /** As {@link #call}, answering the whole success envelope (a list's pagination is beside its data). */
    private <T> Uni<CalcomJson.Envelope<T>> envelope(String endpoint, boolean idempotent,
                                                     BiFunction<String, String, Uni<CalcomJson.Envelope<T>>> request) {
        Uni<CalcomJson.Envelope<T>> attempt = Uni.createFrom().deferred(() -> {
            String correlationId = UUID.randomUUID().toString();
            return bearer(correlationId)
                    .call(gate::pause)
                    .chain(auth -> request.apply(auth, correlationId))
                    .map(envelope -> successful(envelope, endpoint, correlationId))
                    .onFailure().transform(f -> classify(f, endpoint, correlationId, idempotent))
                    .onItemOrFailure().invoke((ignored, failure) -> meters.record(endpoint, failure));
        });
        return attempt.onFailure(RateLimitedFailure.class).retry().atMost(config.rateLimit().retries());
    }

    private Uni<String> bearer(String correlationId) {
        String key = config.apiKey().map(String::strip).orElse("");
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new CalcomException(Kind.NOT_CONFIGURED,
                    "The Cal.com API is not configured on this service (no API key); an operator has to set CALCOM_API_KEY.", null,
                    null, null));
        }
        return Uni.createFrom().item("Bearer " + key);
    }

    private static <T> CalcomJson.Envelope<T> successful(CalcomJson.Envelope<T> envelope, String endpoint, String correlationId) {
        if (envelope == null || envelope.data() == null || !"success".equals(envelope.status())) {
            LOG.warnf("Cal.com %s answered without a success envelope [correlation %s]", endpoint, correlationId);
            throw new CalcomException(Kind.UNAVAILABLE, "Cal.com gave an answer we could not read (reference " + correlationId + ").",
                    null, correlationId, null);
        }
        return envelope;
    }

    private Throwable classify(Throwable failure, String endpoint, String correlationId, boolean idempotent) {
        if (failure instanceof CalcomException known) {
            return known;
        }
        if (failure instanceof CalcomHttpFailure http) {
            return classifyStatus(http, endpoint, correlationId, idempotent);
        }
        Throwable network = networkCause(failure);
        if (network != null) {
            boolean notSent = network instanceof ConnectException || network instanceof UnknownHostException;
            LOG.warnf("Cal.com %s unreachable: %s [correlation %s]", endpoint, redact(network.toString()), correlationId);
            if (idempotent || notSent) {
                return new TransientCalcomFailure("Cal.com is unreachable; try again in a moment (reference " + correlationId + ").",
                        correlationId, failure);
            }
            return unconfirmed(correlationId, failure);
        }
        LOG.errorf("Cal.com %s failed unexpectedly: %s [correlation %s]", endpoint, redact(failure.toString()), correlationId);
        return new CalcomException(Kind.UNAVAILABLE, "Cal.com gave an answer we could not read (reference " + correlationId + ").", null,
                correlationId, null);
    }

    private Throwable classifyStatus(CalcomHttpFailure http, String endpoint, String correlationId, boolean idempotent) {
        int status = http.status();
        String code = http.calcomCode();
        String message = redact(http.calcomMessage());
        String line = "Cal.com %s answered %d %s: %s [correlation %s]";
        if (status == 429) {
            Duration wait = gate.block(config.rateLimit().window(), http.resetSeconds());
            LOG.warnf(line + "; no request for %d ms", endpoint, status, code, message, correlationId, wait.toMillis());
            return new RateLimitedFailure("Cal.com is limiting how often we may call it; try again in about a minute (reference "
                    + correlationId + ").", code, correlationId);
        }
        if (status == 401) {
            LOG.errorf(line + "; the configured API key (CALCOM_API_KEY) is not accepted", endpoint, status, code, message, correlationId);
            return new CalcomException(Kind.KEY_REJECTED, "Cal.com rejected this service's API key; an operator has to fix CALCOM_API_KEY "
                    + "(reference " + correlationId + ").", code, correlationId, null);
        }
        if (status >= 500) {
            LOG.warnf(line, endpoint, status, code, message, correlationId);
            if (idempotent || status == 503) {
                return new TransientCalcomFailure("Cal.com is failing (" + status + "); try again in a moment (reference " + correlationId
                        + ").", correlationId, http);
            }
            return unconfirmed(correlationId, http);
        }
        LOG.infof(line, endpoint, status, code, message, correlationId);
        String said = message == null || message.isBlank() ? "no reason given" : message;
        if (status == 404) {
            return new CalcomException(Kind.NOT_FOUND, "Cal.com does not know it: " + said, code, correlationId, null);
        }
        return new CalcomException(Kind.REJECTED, "Cal.com refused: " + said, code, correlationId, null);
    }

    private static CalcomException unconfirmed(String correlationId, Throwable cause) {
        return new CalcomException(Kind.UNAVAILABLE, "Cal.com did not confirm the change; it may have been made. Read the booking "
                + "before trying again (reference " + correlationId + ").", null, correlationId, cause);
    }

    private static Throwable networkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof ProcessingException
                    || t instanceof io.vertx.core.VertxException) {
                Throwable root = t;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                return root instanceof ConnectException || root instanceof UnknownHostException ? root : t;
            }
        }
        return null;
    }

    /** Cal.com does not echo keys, but nothing that holds ours may reach a log line or an answer. */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String key = config.apiKey().map(String::strip).orElse("");
        return key.length() < 4 ? text : text.replace(key, "[redacted]");
    }

    private static EventType eventType(CalcomJson.EventType t) {
        List<EventType.Host> hosts = new ArrayList<>();
        if (t.hosts() != null) {
            t.hosts().forEach(h -> hosts.add(new EventType.Host(h.userId() == null ? 0 : h.userId(), h.name(), h.username())));
        } else if (t.users() != null) {
            t.users().forEach(u -> hosts.add(new EventType.Host(u.id() == null ? 0 : u.id(), u.name(), u.username())));
        }
        int length = t.lengthInMinutes() == null ? 0 : t.lengthInMinutes();
        return new EventType(t.id(), t.title(), t.slug(), t.description(), length, t.lengthInMinutesOptions(), t.teamId(),
                t.schedulingType(), hosts, t.bookingUrl());
    }

    private static Booking booking(CalcomJson.Booking b) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (b.metadata() != null) {
            b.metadata().forEach((k, v) -> {
                if (k != null && v != null) {
                    metadata.put(k, String.valueOf(v));
                }
            });
        }
        return new Booking(b.uid(), b.id(), b.title(), b.status(), instant(b.start()), instant(b.end()),
                b.eventTypeId() == null ? 0 : b.eventTypeId(), b.meetingUrl() != null ? b.meetingUrl() : b.location(), b.icsUid(),
                b.rescheduledFromUid(), b.rescheduledToUid(), b.cancellationReason(), b.cancelledByEmail(), b.rescheduledByEmail(),
                people(b.hosts()), people(b.attendees()), b.guests(), metadata, metadata.get(Booking.INTERVIEW_ID));
    }

    private static List<Booking.Person> people(List<CalcomJson.Person> people) {
        return people == null ? List.of() : people.stream().map(p -> new Booking.Person(p.name(), p.email(), p.timeZone())).toList();
    }

    private static Instant instant(String text) {
        OffsetDateTime time = offset(text);
        return time == null ? null : time.toInstant();
    }

    /** Cal.com writes {@code …Z}, {@code ….000Z} and {@code …+02:00}: parsed with the offset, never matched as text. */
    private static OffsetDateTime offset(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalcomException(Kind.UNAVAILABLE, "Cal.com sent a time we could not read.", null, null, e);
        }
    }

    /** 5xx or a network failure: worth another try; after the last one the caller sees {@link Kind#UNAVAILABLE}. */
    public static class TransientCalcomFailure extends CalcomException {
        public TransientCalcomFailure(String message, String correlationId, Throwable cause) {
            super(Kind.UNAVAILABLE, message, null, correlationId, cause);
        }
    }

    /** 429, sent again after the block; after the last time the caller sees {@link Kind#RATE_LIMITED}. */
    public static class RateLimitedFailure extends CalcomException {
        public RateLimitedFailure(String message, String calcomCode, String correlationId) {
            super(Kind.RATE_LIMITED, message, calcomCode, correlationId, null);
        }
    }
}
