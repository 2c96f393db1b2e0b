package io.schedulr.scheduling.adapter.in.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the HTTP edge sees of bookings, for operators ({@code /q/metrics}, docs/operations.md "Metrics"):
 * <ul>
 * <li>{@code schedulr_bookings_total{kind="room"|"slot"}}: bookings that succeeded (a guest took a room, or a slot);</li>
 * <li>{@code schedulr_conflicts_total{code}}: writes answered 409, by the error code the client got — a booking or
 * change that lost a race to another one.</li>
 * </ul>
 */
@ApplicationScoped
public class BookingMeters {
    private final MeterRegistry registry;
    private final Counter roomBookings;
    private final Counter slotBookings;

    BookingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.roomBookings = bookings(registry, "room");
        this.slotBookings = bookings(registry, "slot");
    }

    void roomBooked() {
        roomBookings.increment();
    }

    void slotBooked() {
        slotBookings.increment();
    }

    void conflict(String code) {
        Counter.builder("schedulr.conflicts").description("Writes refused with 409 (lost a race to another change), by error code")
                .tag("code", code).register(registry).increment();
    }

    private static Counter bookings(MeterRegistry registry, String kind) {
        return Counter.builder("schedulr.bookings").description("Bookings made, by kind (room: a guest booked a practice room; slot: a slot was booked)")
                .tag("kind", kind).register(registry);
    }
}
