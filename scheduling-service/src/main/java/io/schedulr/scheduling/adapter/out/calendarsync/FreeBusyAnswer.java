package io.schedulr.scheduling.adapter.out.calendarsync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** calendar-sync-service's free/busy answer about the caller: {@code connected} with busy times, or {@code not_connected}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreeBusyAnswer(String status, List<Period> busy) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(Instant start, Instant end) {
    }
}
