package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewMirror;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The consumed-event ids, interviews and member entries as the JDBC adapter keeps them: due entries of connected members only. */
final class InMemoryInterviewMirrors implements InterviewMirrors, ConsumedEvents {
    private final InMemoryConnectionStore connections;
    final Set<String> consumed = new HashSet<>();
    final Map<String, InterviewMirror> interviews = new HashMap<>();
    final Map<String, Row> rows = new LinkedHashMap<>();
    /** A member whose entries the database refuses to mark done, as PostgreSQL refusing a value would. */
    String refusesDoneOf;

    InMemoryInterviewMirrors(InMemoryConnectionStore connections) {
        this.connections = connections;
    }

    static final class Row {
        InterviewEntry entry;
        String status = "pending";
        int attempts;
        Instant due;
        String note;
    }

    @Override
    public boolean firstTime(String eventId) {
        return consumed.add(eventId);
    }

    @Override
    public Optional<InterviewMirror> lock(String interviewId) {
        return Optional.ofNullable(interviews.get(interviewId));
    }

    @Override
    public void save(InterviewMirror interview) {
        interviews.put(interview.interviewId(), interview);
    }

    @Override
    public List<InterviewEntry> entriesOf(String interviewId) {
        return rows.values().stream().map(r -> r.entry).filter(e -> e.interviewId().equals(interviewId)).toList();
    }

    @Override
    public List<InterviewEntry> shownTo(String memberId) {
        return rows.values().stream().map(r -> r.entry).filter(e -> e.memberId().equals(memberId)
                && e.applied() == InterviewEntry.Applied.SHOWN && e.calendarId() != null).toList();
    }

    /** Who was queued for which new calendar ("person → calendar"); what is queued is the database test's (RoomMirrorTest, InterviewMirrorTest). */
    final java.util.List<String> requeuedOnto = new java.util.ArrayList<>();

    @Override
    public int requeueOntoNewCalendar(String memberId, String newCalendarId, Instant now) {
        requeuedOnto.add(memberId + " → " + newCalendarId);
        return 0;
    }

    @Override
    public void want(InterviewEntry entry, Instant now) {
        Row row = rows.computeIfAbsent(key(entry), k -> new Row());
        InterviewEntry before = row.entry;
        // As the adapter: what Google shows is the worker's to write.
        row.entry = before == null ? entry : new InterviewEntry(entry.interviewId(), entry.memberId(), entry.memberEmail(), before.calendarId(),
                entry.sequence(), entry.shown(), entry.summary(), entry.description(), entry.location(), entry.startUtc(), entry.endUtc(),
                entry.timeZone(), entry.icsUid(), entry.tentative(), before.applied(), before.appliedSequence());
        row.status = "pending";
        row.attempts = 0;
        row.due = now;
        row.note = null;
    }

    @Override
    public Optional<QueuedEntry> lockNextDue(Instant now) {
        return rows.values().stream()
                .filter(r -> r.status.equals("pending") && !r.due.isAfter(now))
                .filter(r -> connections.find(r.entry.memberId()).map(c -> c.isConnected()).orElse(false))
                .min(Comparator.comparing(r -> r.due))
                .map(r -> new QueuedEntry(r.entry, r.attempts));
    }

    @Override
    public void done(InterviewEntry written) {
        if (written.memberId().equals(refusesDoneOf)) {
            throw new IllegalStateException("could not mark the entry done: refused by the test");
        }
        Row row = rows.get(key(written));
        row.entry = written;
        row.status = "done";
        row.note = null;
    }

    @Override
    public void retryAt(InterviewEntry entry, int attempts, Instant due, String reason) {
        Row row = rows.get(key(entry));
        row.attempts = attempts;
        row.due = due;
        row.note = reason;
    }

    @Override
    public void park(InterviewEntry entry, String reason) {
        Row row = rows.get(key(entry));
        row.status = "parked";
        row.note = reason;
    }

    Row row(String interviewId, String memberId) {
        return rows.get(interviewId + "/" + memberId);
    }

    private static String key(InterviewEntry entry) {
        return entry.interviewId() + "/" + entry.memberId();
    }
}
