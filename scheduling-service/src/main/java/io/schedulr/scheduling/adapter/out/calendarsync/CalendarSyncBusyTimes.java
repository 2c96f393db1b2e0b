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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks calendar-sync-service for a person's busy times: about the caller with the caller's own bearer token, about anyone
 * else through its service-to-service route with the service key ({@code schedulr.calendar-sync.service-key}). Without
 * a key, someone other than the caller cannot be asked and is "not connected" here (a warning at start-up says so).
 * Down, slow or odd answers are {@link CalendarBusyPort.Unavailable}: the booking goes on with a warning.
 */
@ApplicationScoped
public class CalendarSyncBusyTimes implements CalendarBusyPort {
    private static final Logger LOG = Logger.getLogger(CalendarSyncBusyTimes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

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
        Uni<FreeBusyAnswer> answer;
        if (authorization.isPresent()) {
            answer = api.freeBusy(authorization.get(), window.start().toString(), window.end().toString());
        } else if (key.isPresent()) {
            answer = internal.freeBusy(key.get(), userId, window.start().toString(), window.end().toString());
        } else {
            return Uni.createFrom().item(new NotConnected());
        }
        return answer
                .ifNoItem().after(TIMEOUT).fail()
                .map(CalendarSyncBusyTimes::toAnswer)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("conflict check: calendar-sync-service could not tell the busy times of %s: %s", userId, failure.toString());
                    return new Unavailable(failure.getClass().getSimpleName());
                });
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
