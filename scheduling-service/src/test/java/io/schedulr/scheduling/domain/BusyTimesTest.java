package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BusyTimesTest {
    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");

    private static TimeWindow minutes(int from, int to) {
        return new TimeWindow(T.plusSeconds(from * 60L), T.plusSeconds(to * 60L));
    }

    @Test
    void onlyWhatOverlapsTheWindowClashesAndTouchingIsNoClash() {
        assertThat(BusyTimes.clashingWith(minutes(30, 90), List.of(minutes(0, 30), minutes(90, 120), minutes(100, 110)))).isEmpty();
        assertThat(BusyTimes.clashingWith(minutes(30, 90), List.of(minutes(80, 120), minutes(0, 31)))).containsExactly(minutes(0, 31), minutes(80, 120));
    }

    @Test
    void oneCommitmentReportedTwiceIsOneClash() {
        // The session booked here (10:00–11:00) and its Google event, which free/busy cut to the window asked about.
        assertThat(BusyTimes.clashingWith(minutes(30, 90), List.of(minutes(0, 60), minutes(30, 60), minutes(0, 60))))
                .containsExactly(minutes(0, 60));
        assertThat(BusyTimes.clashingWith(minutes(30, 90), List.of(minutes(40, 70), minutes(0, 50), minutes(60, 80))))
                .containsExactly(minutes(0, 80));
        assertThat(BusyTimes.clashingWith(minutes(0, 120), List.of(minutes(0, 30), minutes(30, 60))))
                .as("back to back are two commitments").containsExactly(minutes(0, 30), minutes(30, 60));
    }
}
