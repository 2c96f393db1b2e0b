package io.schedulr.scheduling.application.port.out.interview;

/** Makes rich-text preparation notes safe to show: only harmless formatting stays, nothing that could run. */
public interface NotesSanitizer {
    String sanitize(String notes);
}
