package io.schedulr.calcom.adapter.out.calcomapi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A booking of Cal.com's list that cannot be read is left out alone: the rest of the page is still taken. */
class ListedBookingsTest {
    private static CalcomJson.Booking listed(String uid, String start, String createdAt) {
        return new CalcomJson.Booking(1, uid, "Interview", "accepted", start, "2030-09-05T09:30:00.000Z", 7L, null, null, createdAt,
                uid + "@Cal.com", null, null, null, null, null, List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void aBookingWithTimesThatCanBeReadIsTakenWithWhenItWasMade() {
        assertThat(CalcomApiClient.readable(listed("ok", "2030-09-05T09:00:00.000Z", "2030-09-01T08:00:00.123+02:00")))
                .hasValueSatisfying(b -> {
                    assertThat(b.booking().uid()).isEqualTo("ok");
                    assertThat(b.booking().start()).isEqualTo(Instant.parse("2030-09-05T09:00:00Z"));
                    assertThat(b.createdAt()).isEqualTo(Instant.parse("2030-09-01T06:00:00.123Z"));
                });
    }

    @Test
    void aBookingThatCannotBeReadIsLeftOut() {
        assertThat(CalcomApiClient.readable(listed("bad-start", "next Tuesday", "2030-09-01T08:00:00Z"))).isEmpty();
        assertThat(CalcomApiClient.readable(listed("bad-created", "2030-09-05T09:00:00Z", "yesterday"))).isEmpty();
        assertThat(CalcomApiClient.readable(listed(null, "2030-09-05T09:00:00Z", "2030-09-01T08:00:00Z"))).isEmpty();
        assertThat(CalcomApiClient.readable(listed("no-created", "2030-09-05T09:00:00Z", null))).as("the list is read by it").isEmpty();
        assertThat(CalcomApiClient.readable(null)).isEmpty();
    }
}
