package io.schedulr.scheduling.adapter.in.rest;

import jakarta.validation.constraints.Size;

/** One window of {@code POST /api/slots}. */
public record SlotWindowRequest(@Size(max = 64) String startTs, @Size(max = 64) String endTs) {
}
