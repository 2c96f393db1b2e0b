package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.ReadFreeBusyUseCase.FreeBusy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A person's free/busy on the wire (the caller's own, or that of the person another service named): {@code status}
 * connected (Google was asked; {@code busy} is what it said) or not_connected (no usable connection; {@code busy} is
 * empty and means nothing).
 */
@Schema(name = "FreeBusy", description = "When the person asked about is busy in Google, over all their calendars: times only.")
public record FreeBusyJson(
        @Schema(description = "connected: Google was asked and busy is its answer; not_connected: the person has no usable Google "
                + "connection (never connected, disconnected or revoked), so there is nothing to check.",
                enumeration = {"connected", "not_connected"}, examples = "connected") String status,
        @Schema(description = "Busy intervals within the asked range over all the person's calendars, sorted, merged where they "
                + "overlap or touch, clipped to the range; empty when not_connected.") List<Busy> busy) {

    static FreeBusyJson of(FreeBusy answer) {
        return new FreeBusyJson(answer.connected() ? "connected" : "not_connected",
                answer.busy().stream().map(b -> new Busy(b.start(), b.end())).toList());
    }

    /** One busy interval: start inclusive, end exclusive, UTC. */
    @Schema(name = "BusyInterval", description = "A time the person is busy: start inclusive, end exclusive (UTC).")
    public record Busy(
            @Schema(description = "Start, inclusive.", examples = "2030-01-01T09:00:00Z") Instant start,
            @Schema(description = "End, exclusive.", examples = "2030-01-01T10:30:00Z") Instant end) {
    }
}
