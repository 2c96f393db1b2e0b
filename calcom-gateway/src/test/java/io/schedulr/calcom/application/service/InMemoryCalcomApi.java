package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;
import io.schedulr.calcom.domain.booking.Slot;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Cal.com port in memory: event types, bookings that take their slot, and a failure to answer with on demand. */
public class InMemoryCalcomApi implements CalcomApi {
    final List<EventType> personal = new ArrayList<>();
    final List<EventType> team = new ArrayList<>();
    final Map<String, Booking> bookings = new LinkedHashMap<>();
    final List<NewBooking> sent = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** When each booking was made, by the clock below. */
    final Map<String, Instant> createdAt = new LinkedHashMap<>();
    java.util.function.Supplier<Instant> now = () -> Instant.EPOCH;
    CalcomException failure;
    /** Failures answered to one call only, by the call's text (e.g. {@code "booking <uid>"}). */
    final Map<String, CalcomException> failureOf = new java.util.HashMap<>();
    /** What Cal.com's last answer said of the key's rate-limit window. */
    double shareLeft = 1.0;
    /** Run after each call is answered (e.g. the rate-limit window shrinking). */
    Runnable afterEachCall = () -> { };
    List<Instant> free = new ArrayList<>();
    private int next = 1;

    @Override
    public Uni<CalcomAccount> me() {
        return answer("me", () -> new CalcomAccount(7, "ada", "ada@example.com"));
    }

    @Override
    public Uni<List<EventType>> personalEventTypes() {
        return answer("personal", () -> List.copyOf(personal));
    }

    @Override
    public Uni<List<EventType>> teamEventTypes(long teamId) {
        return answer("team " + teamId, () -> List.copyOf(team));
    }

    @Override
    public Uni<EventType> eventType(long eventTypeId) {
        return answer("eventType " + eventTypeId, () -> {
            List<EventType> all = new ArrayList<>(personal);
            all.addAll(team);
            return all.stream().filter(t -> t.id() == eventTypeId).findFirst()
                    .orElseThrow(() -> new CalcomException(CalcomException.Kind.NOT_FOUND, "Event type with id=" + eventTypeId + " was not found."));
        });
    }

    @Override
    public Uni<List<Slot>> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes) {
        return answer("slots " + eventTypeId, () -> free.stream().filter(s -> !s.isBefore(from) && s.isBefore(to))
                .map(s -> new Slot(s.atZone(ZoneId.of(timeZone)).toOffsetDateTime(),
                        s.plusSeconds(60L * (lengthInMinutes == null ? 30 : lengthInMinutes)).atZone(ZoneId.of(timeZone)).toOffsetDateTime()))
                .toList());
    }

    @Override
    public Uni<Booking> createBooking(NewBooking booking) {
        return answer("create", () -> {
            if (!free.remove(booking.start())) {
                throw new CalcomException(CalcomException.Kind.REJECTED, "Cal.com refused: User either already has booking at this time or is not available");
            }
            sent.add(booking);
            String uid = "uid" + next++;
            Booking made = new Booking(uid, next, "Interview", "accepted", booking.start(),
                    booking.start().plusSeconds(60L * (booking.lengthInMinutes() == null ? 30 : booking.lengthInMinutes())),
                    booking.eventTypeId(), "https://meet/" + uid, uid + "@Cal.com", null, null, null, null, null, List.of(),
                    List.of(booking.attendee()), booking.guests(), booking.metadata(), booking.metadata().get(Booking.INTERVIEW_ID));
            put(made);
            return made;
        });
    }

    @Override
    public Uni<Booking> booking(String uid) {
        return answer("booking " + uid, () -> find(uid));
    }

    @Override
    public Uni<Booking> cancel(String uid, String reason) {
        return answer("cancel " + uid, () -> {
            Booking b = find(uid);
            return cancelledOnCalcom(b, reason, null);
        });
    }

    @Override
    public Uni<Booking> reschedule(String uid, Instant start, String reason) {
        return answer("reschedule " + uid, () -> {
            Booking b = find(uid);
            String newUid = "uid" + next++;
            return movedOnCalcom(b, start, null);
        });
    }

    /** What the attendee or host does on Cal.com's own pages: the booking cancelled there. */
    public Booking cancelOnCalcom(String uid, String reason, String by) {
        return cancelledOnCalcom(find(uid), reason, by);
    }

    /**
     * The booking's event type needs its host's confirmation: {@code pending} until they confirm it ({@code accepted}) or
     * decline it ({@code rejected}, with their reason), as Cal.com's API then shows it.
     */
    public Booking hostDecidesOnCalcom(String uid, String status, String reason) {
        Booking b = find(uid);
        Booking decided = new Booking(b.uid(), b.id(), b.title(), status, b.start(), b.end(), b.eventTypeId(), b.meetingUrl(),
                b.icsUid(), b.rescheduledFromUid(), null, reason, null, b.rescheduledBy(), b.hosts(), b.attendees(), b.guests(), b.metadata(),
                b.interviewId());
        bookings.put(b.uid(), decided);
        return decided;
    }

    /** What the attendee or host does on Cal.com's own pages: a new booking of the same meeting, the old one cancelled and pointing to it. */
    public Booking moveOnCalcom(String uid, Instant start, String by) {
        return movedOnCalcom(find(uid), start, by);
    }

    private Booking cancelledOnCalcom(Booking b, String reason, String by) {
        Booking cancelled = new Booking(b.uid(), b.id(), b.title(), "cancelled", b.start(), b.end(), b.eventTypeId(), b.meetingUrl(),
                b.icsUid(), b.rescheduledFromUid(), null, reason, by, b.rescheduledBy(), b.hosts(), b.attendees(), b.guests(), b.metadata(),
                b.interviewId());
        bookings.put(b.uid(), cancelled);
        return cancelled;
    }

    private Booking movedOnCalcom(Booking b, Instant start, String by) {
        String newUid = "uid" + next++;
        Booking moved = new Booking(newUid, next, b.title(), "accepted", start, start.plus(java.time.Duration.between(b.start(), b.end())),
                b.eventTypeId(), b.meetingUrl(), b.icsUid(), b.uid(), null, null, null, by, b.hosts(), b.attendees(), b.guests(), b.metadata(),
                b.interviewId());
        put(moved);
        bookings.put(b.uid(), new Booking(b.uid(), b.id(), b.title(), "cancelled", b.start(), b.end(), b.eventTypeId(), b.meetingUrl(),
                b.icsUid(), b.rescheduledFromUid(), newUid, null, null, b.rescheduledBy(), b.hosts(), b.attendees(), b.guests(), b.metadata(),
                b.interviewId()));
        return moved;
    }

    @Override
    public Uni<BookingsPage> bookingsCreated(Long teamId, Instant after, Instant before, int skip, int take) {
        return answer("list " + after + ".." + before + " skip " + skip, () -> {
            List<CreatedBooking> created = createdAt.entrySet().stream()
                    .filter(e -> e.getValue().isAfter(after) && e.getValue().isBefore(before))
                    .map(e -> new CreatedBooking(bookings.get(e.getKey()), e.getValue())).toList();
            List<CreatedBooking> page = created.stream().skip(skip).limit(take).toList();
            return new BookingsPage(page, skip + page.size() < created.size());
        });
    }

    @Override
    public double shareOfRequestsLeft() {
        return shareLeft;
    }

    /** A booking someone made on Cal.com's own pages, not through this service. */
    public Booking bookOnCalcom(Instant start, String attendee) {
        String uid = "uid" + next++;
        Booking made = new Booking(uid, next, "Interview with " + attendee, "accepted", start, start.plusSeconds(1800), 1,
                "https://meet/" + uid, uid + "@Cal.com", null, null, null, null, null, List.of(),
                List.of(new Booking.Person(attendee, attendee + "@startup.test", "Europe/Berlin")), List.of(), Map.of(), null);
        put(made);
        return made;
    }

    private void put(Booking made) {
        bookings.put(made.uid(), made);
        createdAt.put(made.uid(), now.get());
    }

    private Booking find(String uid) {
        Booking b = bookings.get(uid);
        if (b == null) {
            throw new CalcomException(CalcomException.Kind.NOT_FOUND, "Booking with uid=" + uid + " was not found in the database");
        }
        return b;
    }

    private <T> Uni<T> answer(String call, java.util.function.Supplier<T> result) {
        calls.add(call);
        afterEachCall.run();
        if (failure != null) {
            return Uni.createFrom().failure(failure);
        }
        if (failureOf.containsKey(call)) {
            return Uni.createFrom().failure(failureOf.get(call));
        }
        return Uni.createFrom().item(result);
    }
}
