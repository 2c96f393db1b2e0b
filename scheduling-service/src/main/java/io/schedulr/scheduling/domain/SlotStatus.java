package io.schedulr.scheduling.domain;

public enum SlotStatus {
    OPEN,
    BOOKED,
    CANCELLED
}
