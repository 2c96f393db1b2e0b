package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/** Booked times the test decides, of people by id and of people by address; the holds take nothing. */
public final class StubBookedTimes implements FindBookingsPort {
    private final BiFunction<Collection<String>, TimeWindow, List<TimeWindow>> ofPeople;
    private final BiFunction<Collection<String>, TimeWindow, List<TimeWindow>> ofAddresses;

    public StubBookedTimes(BiFunction<Collection<String>, TimeWindow, List<TimeWindow>> ofPeople,
                           BiFunction<Collection<String>, TimeWindow, List<TimeWindow>> ofAddresses) {
        this.ofPeople = ofPeople;
        this.ofAddresses = ofAddresses;
    }

    @Override
    public Uni<List<TimeWindow>> heldBookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
        return bookedTimes(userIds, window, except);
    }

    @Override
    public Uni<Void> holdAddresses(Collection<String> emails, TimeWindow window) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
        return Uni.createFrom().item(ofPeople.apply(userIds, window));
    }

    @Override
    public Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window, java.util.UUID exceptInterview) {
        return Uni.createFrom().item(ofAddresses.apply(emails, window));
    }

    @Override
    public Uni<java.util.Map<String, List<TimeWindow>>> bookedTimesByAddress(Collection<String> emails, TimeWindow window) {
        java.util.Map<String, List<TimeWindow>> byAddress = new java.util.LinkedHashMap<>();
        emails.forEach(email -> {
            List<TimeWindow> times = ofAddresses.apply(List.of(email), window);
            if (!times.isEmpty()) {
                byAddress.put(email.toLowerCase(java.util.Locale.ROOT), times);
            }
        });
        return Uni.createFrom().item(byAddress);
    }
}
