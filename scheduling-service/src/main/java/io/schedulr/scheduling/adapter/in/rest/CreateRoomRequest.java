package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/practice-room/create} body, names as the PRD gives them; {@code offerTo} is checked by RequestValues. */
public record CreateRoomRequest(@Size(max = 255) String hostId,
                                @Size(max = 64) String datetimeUtc,
                                @JsonProperty("private") Boolean privateRoom,
                                String offerTo) {
}
