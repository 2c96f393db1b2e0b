package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.SlotStatus;

import java.time.Instant;

/**
 * Which slots a listing shows, by start time.
 *
 * @param status null for any
 * @param from   null for no lower bound
 * @param to     null for no upper bound
 */
public record SlotQuery(SlotStatus status, Instant from, Instant to, int limit, int offset) {
    public SlotQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("invalid_range", "'to' must not be before 'from'.");
        }
    }
}
