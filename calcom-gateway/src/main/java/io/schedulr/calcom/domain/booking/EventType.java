package io.schedulr.calcom.domain.booking;

import java.util.List;

/**
 * A kind of meeting people can book on Cal.com (e.g. "Interview (45 min)"), personal or of a team.
 *
 * @param lengthOptions    the durations a booking may choose ({@code lengthInMinutes} of a booking); at least the default
 * @param teamId           null for a personal event type
 * @param schedulingType   {@code collective} (every host attends), {@code roundRobin} (one free host), or null (personal)
 * @param hosts            who hosts it
 */
public record EventType(long id, String title, String slug, String description, int lengthInMinutes, List<Integer> lengthOptions,
                        Long teamId, String schedulingType, List<Host> hosts, String bookingUrl) {
    public EventType {
        lengthOptions = lengthOptions == null || lengthOptions.isEmpty() ? List.of(lengthInMinutes) : List.copyOf(lengthOptions);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        description = description == null ? "" : description;
    }

    /** Whether a booking of this event type may last {@code minutes}. */
    public boolean allowsLength(int minutes) {
        return lengthOptions.contains(minutes);
    }

    /** A member of the account who hosts an event type. */
    public record Host(long userId, String name, String username) {
    }
}
