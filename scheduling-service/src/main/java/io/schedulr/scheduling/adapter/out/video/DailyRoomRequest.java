package io.schedulr.scheduling.adapter.out.video;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of POST /v1/rooms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyRoomRequest(String name, String privacy) {
}
