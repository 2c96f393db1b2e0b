package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

/** Keeps the zone a person set for themselves; a token's zone no longer replaces it ({@link UserDirectoryPort#upsert}). */
public interface ChooseTimeZonePort {
    /**
     * {@code zone} is a valid IANA zone id; the person is known (signed in within the same unit of work). Answers whether
     * the zone they chose is another now: false when they had chosen this one already.
     */
    Uni<Boolean> chooseTimeZone(String userId, String zone);
}
