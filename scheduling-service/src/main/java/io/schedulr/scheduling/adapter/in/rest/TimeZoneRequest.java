package io.schedulr.scheduling.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /api/me/time-zone} body. */
@Schema(name = "TimeZoneRequest", description = "The zone the caller's times are written in.")
public record TimeZoneRequest(
        @Schema(required = true, description = "An IANA time zone.", example = "Europe/Berlin") String timeZone) {
}
