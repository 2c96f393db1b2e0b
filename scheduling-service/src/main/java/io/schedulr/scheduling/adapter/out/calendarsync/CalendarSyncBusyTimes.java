package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks calendar-sync-service for a person's busy times: about the caller with the caller's own bearer token, about anyone
 * else through its service-to-service route with the service key ({@code schedulr.calendar-sync.service-key}). Without
 * a key, someone other than the caller cannot be asked and is "not connected" here (a warning at start-up says so).
 * Down, slow or odd answers are {@link CalendarBusyPort.Unavailable}: the booking goes on with a warning.
 * calendar-sync-service answers for at most {@link #LONGEST_ASK} at a time ({@code 400 range_too_long} beyond), so a
 * longer window (a listing's span) is asked about piece by piece and the answers put together: busy only if every piece
 * was read, unavailable if any piece was not.
 */
@ApplicationScoped
public class CalendarSyncBusyTimes implements CalendarBusyPort {
    private static final Logger LOG = Logger.getLogger(CalendarSyncBusyTimes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The longest window calendar-sync-service reads in one request (its ReadFreeBusyUseCase's MAX_RANGE). */
    static final Duration LONGEST_ASK = Duration.ofDays(62);
    /** How many pieces of a long window are asked about at once. */
    private static final int PIECES_AT_ONCE = 4;

    @Inject
    @RestClient
    CalendarSyncApi api;
    @Inject
    @RestClient
    CalendarSyncInternalApi internal;
    @Inject
    CallerBearer bearer;
    @ConfigProperty(name = "schedulr.calendar-sync.service-key")
    Optional<String> serviceKey;

    void warnWithoutKey(@Observes StartupEvent event) {
        if (serviceKey.filter(k -> !k.isBlank()).isEmpty()) {
            LOG.warn("schedulr.calendar-sync.service-key (SCHEDULR_CALENDAR_SYNC_SERVICE_KEY) is not set: the clash check reads only "
                    + "the acting person's Google calendar, not the other participants'");
        }
    }

    @Override
    public Uni<Answer> busyTimes(String userId, TimeWindow window) {
        Optional<String> authorization = bearer.of(userId);
        Optional<String> key = serviceKey.filter(k -> !k.isBlank());
        Function<TimeWindow, Uni<FreeBusyAnswer>> route;
        if (authorization.isPresent()) {
            route = piece -> api.freeBusy(authorization.get(), piece.start().toString(), piece.end().toString());
        } else if (key.isPresent()) {
            route = piece -> internal.freeBusy(key.get(), userId, piece.start().toString(), piece.end().toString());
        } else {
            return Uni.createFrom().item(new NotConnected());
        }
        List<Uni<Answer>> asks = pieces(window).stream()
                .map(piece -> route.apply(piece).ifNoItem().after(TIMEOUT).fail().map(CalendarSyncBusyTimes::toAnswer))
                .toList();
        // The first piece that fails ends the look (the others are cancelled): the answer is unavailable either way.
        Uni<Answer> answer = asks.size() == 1 ? asks.get(0)
                : Uni.join().all(asks).usingConcurrencyOf(PIECES_AT_ONCE).andFailFast().map(CalendarSyncBusyTimes::together);
        return answer.onFailure().recoverWithItem(failure -> {
            LOG.warnf("conflict check: calendar-sync-service could not tell the busy times of %s: %s", userId, failure.toString());
            return new Unavailable(failure.getClass().getSimpleName());
        });
    }

    /** The window cut into consecutive pieces no longer than calendar-sync-service reads at once. */
    static List<TimeWindow> pieces(TimeWindow window) {
        List<TimeWindow> pieces = new ArrayList<>();
        Instant from = window.start();
        while (Duration.between(from, window.end()).compareTo(LONGEST_ASK) > 0) {
            Instant to = from.plus(LONGEST_ASK);
            pieces.add(new TimeWindow(from, to));
            from = to;
        }
        pieces.add(new TimeWindow(from, window.end()));
        return pieces;
    }

    /** The pieces' answers as one: any piece unread makes the whole unread, as a single answer would have been. */
    private static Answer together(List<Answer> answers) {
        List<TimeWindow> busy = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer instanceof Unavailable) {
                return answer;
            }
        }
        for (Answer answer : answers) {
            if (answer instanceof NotConnected) {
                return answer;
            }
            busy.addAll(((Busy) answer).times());
        }
        return new Busy(List.copyOf(busy));
    }

    private static Answer toAnswer(FreeBusyAnswer answer) {
        if (answer == null || answer.status() == null) {
            return new Unavailable("empty answer");
        }
        if (!"connected".equals(answer.status())) {
            return new NotConnected();
        }
        List<FreeBusyAnswer.Period> busy = answer.busy() == null ? List.of() : answer.busy();
        // Whole seconds, as a TimeWindow keeps them: a busy time shorter than that is nothing to clash with.
        return new Busy(busy.stream().filter(Objects::nonNull).filter(p -> p.start() != null && p.end() != null
                        && p.end().truncatedTo(ChronoUnit.SECONDS).isAfter(p.start().truncatedTo(ChronoUnit.SECONDS)))
                .map(p -> new TimeWindow(p.start(), p.end())).toList());
    }
}
