package io.schedulr.calcom.domain.booking;

import java.time.OffsetDateTime;

/** A bookable time, in the zone the caller asked for. */
public record Slot(OffsetDateTime start, OffsetDateTime end) {
}
