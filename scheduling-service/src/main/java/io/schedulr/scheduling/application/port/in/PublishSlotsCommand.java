package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;

import java.util.List;
import java.util.Objects;

/**
 * A host offers one or more windows of availability, all or none; {@code allowOwnConflicts} publishes them although they
 * clash with the host's own calendar.
 */
public record PublishSlotsCommand(UserProfile host, List<TimeWindow> windows, boolean allowOwnConflicts) {
    public PublishSlotsCommand(UserProfile host, List<TimeWindow> windows) {
        this(host, windows, false);
    }

    public PublishSlotsCommand {
        Objects.requireNonNull(host, "host");
        if (windows == null || windows.isEmpty()) {
            throw new InvalidRequestException("no_slots", "Give one slot {startTs, endTs} or a list of them.");
        }
        windows = List.copyOf(windows);
    }
}
