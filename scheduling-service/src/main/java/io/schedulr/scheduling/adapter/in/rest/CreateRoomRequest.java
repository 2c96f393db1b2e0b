package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/practice-room/create} body, names as the PRD gives them; {@code offerTo} is checked by RequestValues. */
@Schema(description = "A new practice room; the caller is its host.")
public record CreateRoomRequest(
        @Schema(description = "Optional; when given, must be the caller's own user id.", example = "google-oauth2|104729374659283746501")
        @Size(max = 255) String hostId,
        @Schema(description = "When the session starts: ISO-8601 with an offset, in the future (at most about 5 years ahead); "
                + "it lasts 60 minutes.",
                example = "2030-01-15T10:00:00+01:00", required = true)
        @Size(max = 64) String datetimeUtc,
        @Schema(description = "A private room is seen only by its host and the person it is offered to (default false).", example = "false")
        @JsonProperty("private") Boolean privateRoom,
        @Schema(description = "Only for a private room: the user id of the one person who may see and book it.",
                example = "google-oauth2|118263548790123456789")
        String offerTo) {
}
