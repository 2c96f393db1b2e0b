package io.schedulr.scheduling.application.port.in;

/** A window as the client sent it: ISO-8601 strings, checked by the use case. */
public record SlotWindowInput(String startTs, String endTs) {
}
