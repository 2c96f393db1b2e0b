package io.schedulr.testsupport.calcom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One booking as the local Cal.com keeps it. A reschedule never edits a booking's time: it cancels this one (marked
 * {@code rescheduled}, pointing at its successor) and makes a new one with a new uid, the same iCalUID and the next
 * iCalSequence, as Cal.com does. Mutated only under {@link Bookings}' lock.
 */
final class Booking {
    record Attendee(String name, String email, String timeZone, String language) {
    }

    final long id;
    final String uid;
    final String icsUid;
    final int iCalSequence;
    final long eventTypeId;
    final String title;
    final Instant start;
    final Instant end;
    final List<Long> hostIds;
    final Attendee attendee;
    final List<String> guests;
    final Map<String, String> metadata;
    final String location;
    final Instant createdAt;
    final String rescheduledFromUid;
    final String reschedulingReason;
    final String rescheduledByEmail;
    String status = "accepted";
    String cancellationReason;
    /** Why its host declined it (status {@code rejected}); kept for the webhook, which names it {@code rejectionReason}. */
    String rejectionReason;
    String cancelledByEmail;
    String rescheduledToUid;
    /** Cancelled by a reschedule or by a host's "request reschedule": the attendee may still pick a new time. */
    boolean rescheduled;
    Instant updatedAt;

    Booking(long id, String uid, String icsUid, int iCalSequence, long eventTypeId, String title, Instant start, Instant end,
            List<Long> hostIds, Attendee attendee, List<String> guests, Map<String, String> metadata, String location, Instant createdAt,
            String rescheduledFromUid, String reschedulingReason, String rescheduledByEmail) {
        this.id = id;
        this.uid = uid;
        this.icsUid = icsUid;
        this.iCalSequence = iCalSequence;
        this.eventTypeId = eventTypeId;
        this.title = title;
        this.start = start;
        this.end = end;
        this.hostIds = List.copyOf(hostIds);
        this.attendee = attendee;
        this.guests = List.copyOf(guests);
        this.metadata = new LinkedHashMap<>(metadata);
        this.location = location;
        this.createdAt = createdAt;
        this.updatedAt = null;
        this.rescheduledFromUid = rescheduledFromUid;
        this.reschedulingReason = reschedulingReason;
        this.rescheduledByEmail = rescheduledByEmail;
    }

    /** As the local Cal.com keeps it across a restart ({@link io.schedulr.testsupport.StateFile}); not the API's shape. */
    Map<String, Object> kept() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("uid", uid);
        json.put("icsUid", icsUid);
        json.put("iCalSequence", iCalSequence);
        json.put("eventTypeId", eventTypeId);
        json.put("title", title);
        json.put("start", start.toString());
        json.put("end", end.toString());
        json.put("hostIds", hostIds);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", attendee.name());
        person.put("email", attendee.email());
        person.put("timeZone", attendee.timeZone());
        person.put("language", attendee.language());
        json.put("attendee", person);
        json.put("guests", guests);
        json.put("metadata", metadata);
        json.put("location", location);
        json.put("createdAt", createdAt.toString());
        json.put("rescheduledFromUid", rescheduledFromUid);
        json.put("reschedulingReason", reschedulingReason);
        json.put("rescheduledByEmail", rescheduledByEmail);
        json.put("status", status);
        json.put("cancellationReason", cancellationReason);
        json.put("cancelledByEmail", cancelledByEmail);
        json.put("rescheduledToUid", rescheduledToUid);
        json.put("rescheduled", rescheduled);
        json.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        return json;
    }

    static Booking fromKept(Map<String, Object> json) {
        Map<String, Object> person = Json.object(json.get("attendee"));
        Map<String, String> metadata = new LinkedHashMap<>();
        Json.object(json.get("metadata")).forEach((k, v) -> metadata.put(k, String.valueOf(v)));
        Booking booking = new Booking(number(json, "id"), text(json, "uid"), text(json, "icsUid"), (int) number(json, "iCalSequence"),
                number(json, "eventTypeId"), text(json, "title"), Instant.parse(text(json, "start")), Instant.parse(text(json, "end")),
                Json.list(json.get("hostIds")).stream().map(h -> ((Number) h).longValue()).toList(),
                new Attendee(text(person, "name"), text(person, "email"), text(person, "timeZone"), text(person, "language")),
                Json.list(json.get("guests")).stream().map(String::valueOf).toList(), metadata, text(json, "location"),
                Instant.parse(text(json, "createdAt")), text(json, "rescheduledFromUid"), text(json, "reschedulingReason"),
                text(json, "rescheduledByEmail"));
        booking.status = text(json, "status");
        booking.cancellationReason = text(json, "cancellationReason");
        booking.cancelledByEmail = text(json, "cancelledByEmail");
        booking.rescheduledToUid = text(json, "rescheduledToUid");
        booking.rescheduled = Boolean.TRUE.equals(json.get("rescheduled"));
        booking.updatedAt = json.get("updatedAt") == null ? null : Instant.parse(text(json, "updatedAt"));
        return booking;
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    private static String text(Map<String, Object> json, String field) {
        return json.get(field) == null ? null : String.valueOf(json.get(field));
    }

    /** Accepted, or waiting for a host's confirmation: it holds its hosts' time and can still be cancelled or moved. */
    boolean active() {
        return "accepted".equals(status) || "pending".equals(status);
    }

    long durationMinutes() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 60_000;
    }

    boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
