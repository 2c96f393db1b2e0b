package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
}
