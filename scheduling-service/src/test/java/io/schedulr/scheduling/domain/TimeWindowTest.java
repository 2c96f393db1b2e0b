package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {
    @Test
    void aWindowKeepsWholeSecondsAsCalendarsDo() {
        TimeWindow window = TimeWindow.starting(Instant.parse("2030-03-06T09:00:00.123456789Z"), Duration.ofHours(1));

        assertThat(window.start()).isEqualTo(Instant.parse("2030-03-06T09:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2030-03-06T10:00:00Z"));
        assertThat(window.movedTo(Instant.parse("2030-03-07T09:00:00.5Z")).start()).isEqualTo(Instant.parse("2030-03-07T09:00:00Z"));
    }

    @Test
    void aWindowWithinOneSecondIsNoWindow() {
        assertThatThrownBy(() -> new TimeWindow(Instant.parse("2030-03-06T09:00:00.2Z"), Instant.parse("2030-03-06T09:00:00.8Z")))
                .isInstanceOf(InvalidRequestException.class);
    }
}
