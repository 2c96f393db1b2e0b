package io.schedulr.scheduling.application.port.in.interview;

/** Startups whose name contains {@code text} (all when null), a page of {@code limit} from {@code offset}. */
public record StartupSearch(String text, int limit, int offset) {
    public StartupSearch {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit >= 1 and offset >= 0");
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
