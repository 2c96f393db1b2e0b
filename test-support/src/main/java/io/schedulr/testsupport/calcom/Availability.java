package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * When an event type can be booked: each host's schedule (working windows in the host's zone) minus that host's
 * accepted bookings. A collective event type needs every host free, a round-robin or personal one any host. Slots
 * start at the window's start and follow each other every event length (Cal.com's default slot interval), never in the
 * past. Simplified against Cal.com: no buffers, minimum notice, booking limits, date overrides, connected calendars or
 * seats.
 */
final class Availability {
    private final Directory directory;

    Availability(Directory directory) {
        this.directory = directory;
    }

    /** Free slot starts in [from, to) for the given length. */
    List<Instant> slots(Directory.EventType type, Instant from, Instant to, int minutes, Collection<Booking> bookings, String ignoredUid,
                        Instant now) {
        TreeSet<Instant> candidates = new TreeSet<>();
        for (long host : type.hostIds()) {
            Directory.Schedule schedule = directory.scheduleOf(host);
            ZoneId zone = ZoneId.of(schedule.timeZone());
            LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
            LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                for (Directory.Window window : schedule.windows()) {
                    if (!window.days().contains(day.getDayOfWeek())) {
                        continue;
                    }
                    ZonedDateTime slot = day.atTime(window.start()).atZone(zone);
                    ZonedDateTime windowEnd = day.atTime(window.end()).atZone(zone);
                    while (!slot.plusMinutes(minutes).isAfter(windowEnd)) {
                        Instant start = slot.toInstant();
                        if (!start.isBefore(from) && start.isBefore(to) && !start.isBefore(now)) {
                            candidates.add(start);
                        }
                        slot = slot.plusMinutes(minutes);
                    }
                }
            }
        }
        List<Instant> free = new ArrayList<>();
        for (Instant start : candidates) {
            if (!freeHosts(type, start, start.plusSeconds(60L * minutes), bookings, ignoredUid).isEmpty()) {
                free.add(start);
            }
        }
        return free;
    }

    /**
     * The hosts who would attend a booking at [start, end): all hosts of a collective event type if every one is free,
     * else none; for the other kinds the free hosts, first one first.
     */
    List<Long> freeHosts(Directory.EventType type, Instant start, Instant end, Collection<Booking> bookings, String ignoredUid) {
        List<Long> free = new ArrayList<>();
        for (long host : type.hostIds()) {
            if (working(host, start, end) && !busy(host, start, end, bookings, ignoredUid)) {
                free.add(host);
            }
        }
        if ("collective".equals(type.schedulingType())) {
            return free.size() == type.hostIds().size() ? free : List.of();
        }
        return free;
    }

    boolean anyHostWorking(Directory.EventType type, Instant start, Instant end) {
        return type.hostIds().stream().anyMatch(h -> working(h, start, end));
    }

    private boolean working(long host, Instant start, Instant end) {
        Directory.Schedule schedule = directory.scheduleOf(host);
        ZoneId zone = ZoneId.of(schedule.timeZone());
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        for (Directory.Window window : schedule.windows()) {
            if (!window.days().contains(s.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime windowStart = s.toLocalDate().atTime(window.start()).atZone(zone);
            ZonedDateTime windowEnd = s.toLocalDate().atTime(window.end()).atZone(zone);
            if (!s.isBefore(windowStart) && !e.isAfter(windowEnd)) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(long host, Instant start, Instant end, Collection<Booking> bookings, String ignoredUid) {
        for (Booking booking : bookings) {
            if (booking.active() && booking.hostIds.contains(host) && !booking.uid.equals(ignoredUid) && booking.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }
}
