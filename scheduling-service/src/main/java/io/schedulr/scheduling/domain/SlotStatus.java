package io.schedulr.scheduling.domain;

import java.util.Locale;

public enum SlotStatus {
    OPEN,
    BOOKED,
    CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
