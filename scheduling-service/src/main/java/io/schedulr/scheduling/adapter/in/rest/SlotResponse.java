package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.schedulr.scheduling.application.port.in.SlotDetails;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An availability slot.")
public record SlotResponse(
        @Schema(description = "Slot id (a UUID).", example = "7d1e5b3a-9c2f-4e8d-b6a4-1f3c5e7a9b20")
        String id,
        @Schema(description = "The host's user id.", example = "google-oauth2|104729374659283746501")
        String hostId,
        @Schema(description = "Start (UTC).", example = "2030-01-15T10:00:00Z")
        Instant startTs,
        @Schema(description = "End (UTC).", example = "2030-01-15T11:00:00Z")
        Instant endTs,
        @Schema(description = "open, booked or cancelled.",
                example = "open", enumeration = {"open", "booked", "cancelled"})
        String status,
        @Schema(description = "The room a booking made of it; null unless booked.",
                example = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12", nullable = true)
        String roomId,
        @Schema(description = "When it was published (UTC).", example = "2029-12-01T08:12:45.120Z")
        Instant createdAt,
        @Schema(description = "When it last changed (UTC).", example = "2029-12-02T17:03:11.004Z")
        Instant updatedAt,
        @Schema(description = "The host, in listings of others' open slots: whom a booking would meet.", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) PersonResponse host) {
    static SlotResponse of(Slot s) {
        return of(s, null);
    }

    static SlotResponse of(SlotDetails d) {
        return of(d.slot(), d.host());
    }

    private static SlotResponse of(Slot s, UserProfile host) {
        return new SlotResponse(s.id().toString(), s.hostId(), s.window().start(), s.window().end(), s.status().label(),
                s.roomId() == null ? null : s.roomId().toString(), s.createdAt(), s.updatedAt(), PersonResponse.of(host));
    }
}
