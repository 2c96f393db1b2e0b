package io.schedulr.notification.flow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The times a reminder names, written out independently of the service's code: "Thursday, 14 March 2030, 18:30 (Asia/Tokyo, JST)". */
final class InviteWhen {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private InviteWhen() {
    }

    /** The start in the zone, with the zone named (the subject's form). */
    static String startIn(Instant start, String zone) {
        ZonedDateTime at = start.atZone(ZoneId.of(zone));
        return DAY_TIME.format(at) + " (" + zoneText(at) + ")";
    }

    /** Start – end (45 minutes, as RoomEvents makes rooms) in the zone, with the zone named (the body's form). */
    static String full(Instant start, String zone) {
        ZonedDateTime at = start.atZone(ZoneId.of(zone));
        ZonedDateTime end = at.plusMinutes(45);
        String endText = end.toLocalDate().equals(at.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        return DAY_TIME.format(at) + " \u2013 " + endText + " (" + zoneText(at) + ")";
    }

    private static String zoneText(ZonedDateTime at) {
        String shortName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at);
        return shortName.equals(at.getZone().getId()) ? at.getZone().getId() : at.getZone().getId() + ", " + shortName;
    }
}
