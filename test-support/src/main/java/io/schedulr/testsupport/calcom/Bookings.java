package io.schedulr.testsupport.calcom;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bookings and what can happen to them — create, cancel, reschedule, request reschedule — each checked against
 * availability and announced to {@link Listener} (the webhook sender) while the change is made, so no change goes
 * unannounced.
 */
final class Bookings {
    interface Listener {
        void created(Booking booking);

        /** Made on an event type that needs confirmation: waiting for a host ({@code pending}). */
        void requested(Booking booking);

        void rejected(Booking booking);

        void rescheduled(Booking booking, Booking previous);

        void cancelled(Booking booking, boolean requestReschedule);
    }

    /** What {@code POST /v2/bookings} asks for, already read from the body. */
    record Request(long eventTypeId, Instant start, Integer lengthInMinutes, Booking.Attendee attendee, List<String> guests,
                   Map<String, String> metadata) {
    }

    private final Directory directory;
    private final Availability availability;
    private final Clock clock;
    private final String baseUrl;
    private final Listener listener;
    private final Map<String, Booking> byUid = new LinkedHashMap<>();
    private long nextId = 5001;

    Bookings(Directory directory, Availability availability, Clock clock, String baseUrl, Listener listener) {
        this.directory = directory;
        this.availability = availability;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.listener = listener;
    }

    synchronized Booking create(Request request) {
        Directory.EventType type = eventType(request.eventTypeId());
        int minutes = length(type, request.lengthInMinutes());
        Instant start = request.start();
        Instant end = start.plusSeconds(60L * minutes);
        List<Long> hosts = hostsFor(type, start, end, null);
        String uid = newUid();
        Booking booking = new Booking(nextId++, uid, uid + "@Cal.com", 0, type.id(), title(type, hosts, request.attendee()), start, end,
                hosts, request.attendee(), request.guests(), request.metadata(), baseUrl + "/video/" + uid, clock.instant(), null, null,
                null);
        byUid.put(uid, booking);
        if (type.requiresConfirmation()) {
            booking.status = "pending";
            listener.requested(booking);
        } else {
            listener.created(booking);
        }
        return booking;
    }

    /** A host confirms a booking that waited for them: it is accepted, and Cal.com announces its creation now. */
    synchronized Booking confirm(String uid) {
        Booking booking = waiting(uid);
        booking.status = "accepted";
        booking.updatedAt = clock.instant();
        listener.created(booking);
        return booking;
    }

    /** A host declines a booking that waited for them: rejected, with their reason. */
    synchronized Booking decline(String uid, String reason) {
        Booking booking = waiting(uid);
        booking.status = "rejected";
        booking.rejectionReason = reason;
        booking.updatedAt = clock.instant();
        listener.rejected(booking);
        return booking;
    }

    private Booking waiting(String uid) {
        Booking booking = get(uid);
        if (!"pending".equals(booking.status)) {
            throw CalcomError.badRequest("Booking with uid=" + uid + " does not need confirmation; it is " + booking.status + ".");
        }
        return booking;
    }

    synchronized Booking get(String uid) {
        Booking booking = byUid.get(uid);
        if (booking == null) {
            throw CalcomError.notFound("Booking with uid=" + uid + " was not found in the database");
        }
        return booking;
    }

    synchronized List<Booking> all() {
        return new ArrayList<>(byUid.values());
    }

    /**
     * The attendee or host cancels; {@code requestReschedule} is the host asking the attendee to pick another time.
     * {@code asUser}: the user whose API key asks (null: someone on Cal.com's pages); as on Cal.com, the booking's own
     * user (its organizer) must give a reason.
     */
    synchronized Booking cancel(String uid, String reason, String cancelledBy, boolean requestReschedule, Long asUser) {
        Booking booking = get(uid);
        if (!booking.active()) {
            throw CalcomError.badRequest("This booking has already been cancelled.");
        }
        if (asUser != null && asUser.equals(booking.hostIds.get(0)) && (reason == null || reason.isBlank())) {
            throw CalcomError.badRequest("Cancellation reason is required when you are the host");
        }
        booking.status = "cancelled";
        booking.cancellationReason = reason;
        booking.cancelledByEmail = cancelledBy;
        booking.rescheduled = requestReschedule;
        booking.updatedAt = clock.instant();
        listener.cancelled(booking, requestReschedule);
        return booking;
    }

    /**
     * A new booking at {@code start} replacing {@code uid}: new uid, same iCalUID, iCalSequence + 1; the old one becomes
     * cancelled with {@code rescheduledToUid}. A booking the host asked to reschedule may be rescheduled although it is
     * already cancelled, as on Cal.com's reschedule page.
     */
    synchronized Booking reschedule(String uid, Instant start, String rescheduledBy, String reason) {
        Booking previous = get(uid);
        if (!previous.active() && !(previous.rescheduled && previous.rescheduledToUid == null)) {
            throw CalcomError.badRequest("Can't reschedule booking with uid=" + uid + " because it has been cancelled. "
                    + "Please provide uid of a booking that is not cancelled.");
        }
        Directory.EventType type = eventType(previous.eventTypeId);
        int minutes = (int) previous.durationMinutes();
        Instant end = start.plusSeconds(60L * minutes);
        List<Long> hosts = hostsFor(type, start, end, previous.uid);
        String newUid = newUid();
        Booking booking = new Booking(nextId++, newUid, previous.icsUid, previous.iCalSequence + 1, type.id(), previous.title, start, end,
                hosts, previous.attendee, previous.guests, previous.metadata, baseUrl + "/video/" + newUid, clock.instant(), previous.uid,
                reason, rescheduledBy);
        previous.status = "cancelled";
        previous.rescheduled = true;
        previous.rescheduledToUid = newUid;
        previous.updatedAt = clock.instant();
        byUid.put(newUid, booking);
        listener.rescheduled(booking, previous);
        return booking;
    }

    synchronized List<Instant> slots(Directory.EventType type, Instant from, Instant to, int minutes, String ignoredUid) {
        return availability.slots(type, from, to, minutes, byUid.values(), ignoredUid, clock.instant());
    }

    Directory.EventType eventType(long id) {
        Directory.EventType type = directory.eventType(id);
        if (type == null) {
            throw CalcomError.notFound("Event type with id=" + id + " was not found.");
        }
        return type;
    }

    static int length(Directory.EventType type, Integer requested) {
        if (requested == null) {
            return type.lengthInMinutes();
        }
        if (!type.lengthOptions().contains(requested)) {
            throw CalcomError.badRequest("Provided lengthInMinutes=" + requested + " is not one of the possible lengths for the event type. "
                    + "The possible lengths are: " + type.lengthOptions());
        }
        return requested;
    }

    private List<Long> hostsFor(Directory.EventType type, Instant start, Instant end, String ignoredUid) {
        if (start.isBefore(clock.instant())) {
            throw CalcomError.badRequest("Attempting to book a meeting in the past.");
        }
        if (!availability.anyHostWorking(type, start, end)) {
            throw CalcomError.badRequest("User either already has booking at this time or is not available");
        }
        List<Long> free = availability.freeHosts(type, start, end, byUid.values(), ignoredUid);
        if (free.isEmpty()) {
            throw CalcomError.badRequest("User either already has booking at this time or is not available");
        }
        return "collective".equals(type.schedulingType()) ? free : List.of(free.get(0));
    }

    private String title(Directory.EventType type, List<Long> hosts, Booking.Attendee attendee) {
        Directory.User organizer = directory.user(hosts.get(0));
        return type.title() + " between " + organizer.name() + " and " + attendee.name();
    }

    /** What lasts across a restart of a local Cal.com that keeps its state ({@link io.schedulr.testsupport.StateFile}). */
    synchronized Map<String, Object> export() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nextId", nextId);
        json.put("bookings", byUid.values().stream().map(Booking::kept).toList());
        return json;
    }

    synchronized void restore(Map<String, Object> saved) {
        nextId = ((Number) saved.get("nextId")).longValue();
        for (Object entry : Json.list(saved.get("bookings"))) {
            Booking booking = Booking.fromKept(Json.object(entry));
            byUid.put(booking.uid, booking);
        }
    }

    private static String newUid() {
        // Cal.com uids are short url-safe random strings (e.g. "8bYkhFgTPrq1HqByE7jwoE")
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
