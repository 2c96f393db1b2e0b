package io.schedulr.scheduling.adapter.out.video;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyRoom(String id, String name, String url, String privacy) {
}
