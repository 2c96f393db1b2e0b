package io.schedulr.scheduling.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TimeZone", description = "The zone kept for the caller.")
public record TimeZoneResponse(@Schema(description = "An IANA time zone.", example = "Europe/Berlin") String timeZone) {
}
