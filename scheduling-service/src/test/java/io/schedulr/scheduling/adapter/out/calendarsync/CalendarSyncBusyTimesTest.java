package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom the clash check can ask about, with and without the service key (no network: the two routes are stand-ins). */
class CalendarSyncBusyTimesTest {
    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(T, T.plusSeconds(3600));

    private final List<String> internalCalls = new ArrayList<>();
    private final List<String> ownCalls = new ArrayList<>();

    private CalendarSyncBusyTimes adapter(String signedIn, Optional<String> serviceKey) {
        CalendarSyncBusyTimes busyTimes = new CalendarSyncBusyTimes();
        busyTimes.bearer = new CallerBearer() {
            @Override
            public Optional<String> of(String userId) {
                return userId.equals(signedIn) ? Optional.of("Bearer token-of-" + userId) : Optional.empty();
            }
        };
        busyTimes.serviceKey = serviceKey;
        busyTimes.internal = (key, person, start, end) -> {
            internalCalls.add(person + " with " + key);
            return Uni.createFrom().item(new FreeBusyAnswer("connected", List.of(new FreeBusyAnswer.Period(T, T.plusSeconds(600)))));
        };
        // A proxy, not a class implementing the REST interface: a test class doing so would be scanned as a resource of the
        // application under test (its OpenAPI document would list calendar-sync-service's routes).
        busyTimes.api = (CalendarSyncApi) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{CalendarSyncApi.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("freeBusy")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    ownCalls.add((String) args[0]);
                    return Uni.createFrom().item(new FreeBusyAnswer("connected", List.of()));
                });
        return busyTimes;
    }

    @Test
    void withoutAServiceKeyOnlyTheCallersOwnCalendarIsAskedAndEveryoneElseCountsAsNotConnected() {
        CalendarSyncBusyTimes busyTimes = adapter("guest", Optional.empty());

        assertThat(busyTimes.busyTimes("host", WINDOW).await().indefinitely()).isInstanceOf(CalendarBusyPort.NotConnected.class);
        assertThat(busyTimes.busyTimes("guest", WINDOW).await().indefinitely()).isInstanceOf(CalendarBusyPort.Busy.class);
        assertThat(internalCalls).isEmpty();
        assertThat(ownCalls).containsExactly("Bearer token-of-guest");

        assertThat(adapter("guest", Optional.of(" ")).busyTimes("host", WINDOW).await().indefinitely())
                .as("a blank key is no key").isInstanceOf(CalendarBusyPort.NotConnected.class);
        assertThat(internalCalls).isEmpty();
    }

    @Test
    void withTheServiceKeySomeoneElseIsAskedAboutThroughTheInternalRoute() {
        CalendarBusyPort.Answer answer = adapter("guest", Optional.of("k-1")).busyTimes("host", WINDOW).await().indefinitely();

        assertThat(answer).isEqualTo(new CalendarBusyPort.Busy(List.of(new TimeWindow(T, T.plusSeconds(600)))));
        assertThat(internalCalls).containsExactly("host with k-1");
        assertThat(ownCalls).isEmpty();
    }

    /** calendar-sync-service as it answers: busy times within the window asked about, 400 range_too_long beyond 62 days. */
    private void calendarSyncKnows(List<FreeBusyAnswer.Period> busy, Instant downFrom) {
        busyTimesInternal = (key, person, start, end) -> {
            Instant from = Instant.parse(start);
            Instant to = Instant.parse(end);
            internalCalls.add(start + "/" + end);
            if (java.time.Duration.between(from, to).compareTo(java.time.Duration.ofDays(62)) > 0) {
                return Uni.createFrom().failure(new jakarta.ws.rs.BadRequestException("range_too_long"));
            }
            if (downFrom != null && !to.isBefore(downFrom)) {
                return Uni.createFrom().failure(new jakarta.ws.rs.ServiceUnavailableException("down"));
            }
            return Uni.createFrom().item(new FreeBusyAnswer("connected",
                    busy.stream().filter(p -> p.start().isBefore(to) && p.end().isAfter(from)).toList()));
        };
    }

    private CalendarSyncInternalApi busyTimesInternal;

    @Test
    void aBusyTimeFarAheadIsSeenOverAWindowLongerThanCalendarSyncServiceReadsAtOnce() {
        Instant farAhead = T.plus(80, ChronoUnit.DAYS);
        Instant last = T.plus(199, ChronoUnit.DAYS);
        calendarSyncKnows(List.of(new FreeBusyAnswer.Period(T.plusSeconds(60), T.plusSeconds(120)),
                new FreeBusyAnswer.Period(farAhead, farAhead.plusSeconds(3600)), new FreeBusyAnswer.Period(last, last.plusSeconds(3600))), null);
        CalendarSyncBusyTimes busyTimes = adapter("guest", Optional.of("k-1"));
        busyTimes.internal = busyTimesInternal;

        CalendarBusyPort.Answer answer = busyTimes.busyTimes("host", new TimeWindow(T, T.plus(200, ChronoUnit.DAYS))).await().indefinitely();

        assertThat(answer).isInstanceOfSatisfying(CalendarBusyPort.Busy.class, busy -> assertThat(busy.times()).contains(
                new TimeWindow(T.plusSeconds(60), T.plusSeconds(120)), new TimeWindow(farAhead, farAhead.plusSeconds(3600)),
                new TimeWindow(last, last.plusSeconds(3600))));
        assertThat(internalCalls).hasSize(4);
    }

    @Test
    void aLongWindowOfWhichOnePieceCannotBeReadIsUnavailableAsAWhole() {
        calendarSyncKnows(List.of(new FreeBusyAnswer.Period(T.plusSeconds(60), T.plusSeconds(120))), T.plus(100, ChronoUnit.DAYS));
        CalendarSyncBusyTimes busyTimes = adapter("guest", Optional.of("k-1"));
        busyTimes.internal = busyTimesInternal;

        assertThat(busyTimes.busyTimes("host", new TimeWindow(T, T.plus(200, ChronoUnit.DAYS))).await().indefinitely())
                .isInstanceOf(CalendarBusyPort.Unavailable.class);
    }
}
