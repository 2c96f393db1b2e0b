package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/practice-room/create} body, names as the PRD gives them. */
public record CreateRoomRequest(String hostId, String datetimeUtc, @JsonProperty("private") Boolean privateRoom) {
}
