package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks calendar-sync-service for the caller's busy times with the caller's own bearer token (it answers only about the
 * caller). Someone other than the caller cannot be asked, so is "not connected" here. Down, slow or odd answers are
 * {@link CalendarBusyPort.Unavailable}: the booking goes on with a warning.
 */
@ApplicationScoped
public class CalendarSyncBusyTimes implements CalendarBusyPort {
    private static final Logger LOG = Logger.getLogger(CalendarSyncBusyTimes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @RestClient
    CalendarSyncApi api;
    @Inject
    CallerBearer bearer;

    @Override
    public Uni<Answer> busyTimes(String userId, TimeWindow window) {
        Optional<String> authorization = bearer.of(userId);
        if (authorization.isEmpty()) {
            return Uni.createFrom().item(new NotConnected());
        }
        return api.freeBusy(authorization.get(), window.start().toString(), window.end().toString())
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
        return new Busy(busy.stream().filter(Objects::nonNull).filter(p -> p.start() != null && p.end() != null && p.end().isAfter(p.start()))
                .map(p -> new TimeWindow(p.start(), p.end())).toList());
    }
}
