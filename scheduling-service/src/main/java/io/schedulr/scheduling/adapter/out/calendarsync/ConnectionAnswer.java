package io.schedulr.scheduling.adapter.out.calendarsync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of calendar-sync-service's connection answer the gate needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionAnswer(String status) {
}
