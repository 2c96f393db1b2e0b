package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.CalendarEvents;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dedicated calendar in memory: live events by id, with failures queued for the next calls. Each event has a version
 * (its etag) and an {@code updated} stamp that every write moves on, ours ({@link #nextUpdated}) or a person's in Google
 * ({@link #hostChanges}); a move conditional on an older version is refused, as Google answers 412.
 */
final class FakeCalendarEvents implements CalendarEvents {
    record Stored(String calendarId, NewEvent event, Instant start, Instant end, boolean cancelled, int version, Instant updated,
                  java.util.Set<String> declinedBy) {
        String etag() {
            return "\"v" + version + "\"";
        }
    }

    final Map<String, Stored> events = new LinkedHashMap<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    final Deque<String> tokensSeen = new ArrayDeque<>();
    int inserts;
    /** The {@code updated} Google answers for the next write; each write moves it a second on. */
    Instant nextUpdated = Instant.parse("2031-01-01T00:00:00Z");
    /** Each insert, move and delete as "insert ev1 notify=true", in call order: whether Google would mail the guest. */
    final java.util.List<String> writes = new java.util.ArrayList<>();

    /** Run once right after the next find: a person changing the event in Google between our look-up and our write. */
    Runnable afterFind;
    /** The next move (or insert) is made, but its answer never reaches us (a timeout). */
    boolean loseNextMoveAnswer;
    boolean loseNextInsertAnswer;
    /** What the next insert throws instead of being made (its look-up went through); null: it is made. */
    RuntimeException nextInsertFailure;

    @Override
    public Optional<Found> find(String accessToken, String calendarId, String knownEventId, String roomId, String icsUid) {
        Optional<Found> found = lookUp(accessToken, knownEventId, roomId, icsUid).map(this::found);
        Runnable meanwhile = afterFind;
        afterFind = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        return found;
    }

    private Found found(String eventId) {
        Stored s = events.get(eventId);
        return new Found(new io.schedulr.calendarsync.domain.ObservedEvent(eventId, s.event().roomId(), s.cancelled(), s.start(), s.end(),
                s.declinedBy(), s.updated()), s.etag());
    }

    private Optional<String> lookUp(String accessToken, String knownEventId, String roomId, String icsUid) {
        call(accessToken);
        if (knownEventId != null && events.containsKey(knownEventId) && !events.get(knownEventId).cancelled()) {
            return Optional.of(knownEventId);
        }
        return events.entrySet().stream().filter(e -> !e.getValue().cancelled() && e.getValue().event().roomId().equals(roomId)
                        && e.getValue().event().icsUid().equals(icsUid))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public Written insert(String accessToken, String calendarId, NewEvent event, boolean notifyGuest) {
        call(accessToken);
        RuntimeException refused = nextInsertFailure;
        nextInsertFailure = null;
        if (refused != null) {
            throw refused;
        }
        inserts++;
        String id = "ev" + inserts;
        writes.add("insert " + id + " notify=" + notifyGuest);
        Written written = written(id);
        events.put(id, new Stored(calendarId, event, event.startUtc(), event.endUtc(), false, 0, written.updated(), java.util.Set.of()));
        if (loseNextInsertAnswer) {
            loseNextInsertAnswer = false;
            throw new GoogleUnavailableException("inserting the event of room " + event.roomId() + " failed: read timed out", null);
        }
        return written;
    }

    /** Like Google's patch: refused (412) when the event changed since it was found; a deleted event takes it and stays deleted. */
    @Override
    public Written move(String accessToken, String calendarId, Found found, Move move, boolean notifyGuest) {
        call(accessToken);
        String eventId = found.eventId();
        Stored s = events.get(eventId);
        if (found.etag() != null && !found.etag().equals(s.etag())) {
            writes.add("move " + eventId + " refused (412)");
            throw new GoogleEventChangedException("moving event " + eventId + ": it changed in Google since it was looked up (412)", null);
        }
        writes.add("move " + eventId + " notify=" + notifyGuest);
        CalendarEvents.NewEvent e = s.event();
        Written written = written(eventId);
        String location = move.location() == null ? e.location() : move.location();
        events.put(eventId, new Stored(s.calendarId(), new CalendarEvents.NewEvent(e.roomId(), e.icsUid(), e.summary(), move.description(),
                location, e.startUtc(), e.endUtc(), e.timeZone(), e.guestEmail(), e.guestName(), e.reminderMinutes()), move.startUtc(),
                move.endUtc(), s.cancelled(), s.version() + 1, written.updated(), s.declinedBy()));
        if (loseNextMoveAnswer) {
            loseNextMoveAnswer = false;
            throw new GoogleUnavailableException("moving event " + eventId + " failed, Google did not answer usefully: read timed out", null);
        }
        return written;
    }

    /** What the host (or the guest) does to an event in Google's own UI: a new version, stamped now by Google's clock. */
    void hostChanges(String eventId, java.util.function.UnaryOperator<Stored> change) {
        Stored s = change.apply(events.get(eventId));
        Instant updated = nextUpdated;
        nextUpdated = nextUpdated.plusSeconds(1);
        events.put(eventId, new Stored(s.calendarId(), s.event(), s.start(), s.end(), s.cancelled(), s.version() + 1, updated,
                s.declinedBy()));
    }

    /** The host moves the event in Google. */
    void hostMoves(String eventId, Instant start, Instant end) {
        hostChanges(eventId, s -> new Stored(s.calendarId(), s.event(), start, end, s.cancelled(), s.version(), s.updated(), s.declinedBy()));
    }

    private Written written(String eventId) {
        Instant updated = nextUpdated;
        nextUpdated = nextUpdated.plusSeconds(1);
        return new Written(eventId, updated);
    }

    @Override
    public boolean delete(String accessToken, String calendarId, String eventId, boolean notifyGuest) {
        call(accessToken);
        writes.add("delete " + eventId + " notify=" + notifyGuest);
        Stored s = events.get(eventId);
        if (s == null || s.cancelled()) {
            return false;
        }
        events.put(eventId, new Stored(s.calendarId(), s.event(), s.start(), s.end(), true, s.version() + 1, written(eventId).updated(),
                s.declinedBy()));
        return true;
    }

    /** Events put under our own id, by calendar and id: what each calendar shows (a deleted one stays, cancelled). */
    record Own(String calendarId, String eventId, OwnEvent event, boolean cancelled) {
    }

    final Map<String, Own> own = new LinkedHashMap<>();
    final java.util.List<String> quietCalls = new java.util.ArrayList<>();

    @Override
    public void put(String accessToken, String calendarId, String eventId, OwnEvent event) {
        call(accessToken);
        quietCalls.add("put " + calendarId + " " + eventId);
        own.put(calendarId + "/" + eventId, new Own(calendarId, eventId, event, false));
    }

    @Override
    public boolean remove(String accessToken, String calendarId, String eventId) {
        call(accessToken);
        quietCalls.add("delete " + calendarId + " " + eventId);
        Own held = own.get(calendarId + "/" + eventId);
        if (held == null || held.cancelled()) {
            return false;
        }
        own.put(calendarId + "/" + eventId, new Own(calendarId, eventId, held.event(), true));
        return true;
    }

    /** Each reminders patch as "calendar/event → minutes", in call order (nothing else of the event changes). */
    final java.util.List<String> reminderPatches = new java.util.ArrayList<>();
    /** The reminders each event (room or own) shows after a patch, by "calendar/event". */
    final Map<String, java.util.List<Integer>> patchedReminders = new LinkedHashMap<>();

    @Override
    public boolean setReminders(String accessToken, String calendarId, String eventId, java.util.List<Integer> minutes) {
        call(accessToken);
        reminderPatches.add(calendarId + "/" + eventId + " -> " + minutes);
        Stored room = events.get(eventId);
        Own held = own.get(calendarId + "/" + eventId);
        boolean live = room != null && room.calendarId().equals(calendarId) && !room.cancelled() || held != null && !held.cancelled();
        if (live) {
            patchedReminders.put(calendarId + "/" + eventId, java.util.List.copyOf(minutes));
        }
        return live;
    }

    long live() {
        return events.values().stream().filter(s -> !s.cancelled()).count();
    }

    private void call(String token) {
        tokensSeen.add(token);
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }
}
