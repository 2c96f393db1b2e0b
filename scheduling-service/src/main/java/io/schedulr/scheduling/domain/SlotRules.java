package io.schedulr.scheduling.domain;

import java.time.Duration;

/** Limits on availability: how short and how long a slot may be, and how many one request may publish. */
public record SlotRules(Duration minLength, Duration maxLength, int maxPerRequest) {
}
