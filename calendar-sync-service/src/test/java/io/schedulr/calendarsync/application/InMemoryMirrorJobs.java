package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.MirrorJobStatus;
import io.schedulr.calendarsync.domain.RoomChange;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The consumed-event ids and the job queue, as the JDBC adapters keep them: a room's earliest pending job only, hosts connected. */
final class InMemoryMirrorJobs implements MirrorJobs, ConsumedEvents {
    private final InMemoryConnectionStore connections;
    final Set<String> consumed = new HashSet<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();

    InMemoryMirrorJobs(InMemoryConnectionStore connections) {
        this.connections = connections;
    }

    static final class Job {
        final RoomChange change;
        final int order;
        MirrorJobStatus status = MirrorJobStatus.PENDING;
        int attempts;
        Instant due;
        String note;
        boolean silent;

        Job(RoomChange change, int order, Instant due) {
            this.change = change;
            this.order = order;
            this.due = due;
        }
    }

    @Override
    public boolean firstTime(String eventId) {
        return consumed.add(eventId);
    }

    @Override
    public void add(RoomChange change, Instant now, boolean silent) {
        if (!jobs.containsKey(change.eventId())) {
            Job job = new Job(change, jobs.size(), now);
            job.silent = silent;
            jobs.put(change.eventId(), job);
        }
    }

    @Override
    public Optional<QueuedJob> lockNextDue(Instant now) {
        return jobs.values().stream()
                .filter(j -> j.status == MirrorJobStatus.PENDING && !j.due.isAfter(now))
                .filter(j -> connections.find(j.change.hostId()).map(CalendarConnection::isConnected).orElse(false))
                .filter(j -> jobs.values().stream().noneMatch(e -> e.status == MirrorJobStatus.PENDING && e != j
                        && e.change.roomId().equals(j.change.roomId()) && before(e, j)))
                .min(Comparator.<Job, Instant>comparing(j -> j.due).thenComparingInt(j -> j.order))
                .map(j -> new QueuedJob(j.change, j.attempts, null, j.silent));
    }

    @Override
    public Optional<QueuedJob> lockNextUnannouncedOfRevokedHost() {
        return jobs.values().stream()
                .filter(j -> j.status == MirrorJobStatus.PENDING && !j.silent)
                .filter(j -> connections.find(j.change.hostId()).map(c -> c.status() == ConnectionStatus.REVOKED).orElse(false))
                .min(Comparator.comparingInt(j -> j.order))
                .map(j -> new QueuedJob(j.change, j.attempts, null, false));
    }

    /** Who was queued for which new calendar ("person → calendar"); what is queued is the database test's (RoomMirrorTest, InterviewMirrorTest). */
    final java.util.List<String> requeuedOnto = new java.util.ArrayList<>();

    @Override
    public int requeueOntoNewCalendar(String hostId, String newCalendarId, Instant now) {
        requeuedOnto.add(hostId + " → " + newCalendarId);
        return 0;
    }

    @Override
    public void markSilent(String eventId) {
        jobs.get(eventId).silent = true;
    }

    /** One meeting's changes in sequence order; a later meeting of the room (a new invitation UID) after it, as the SQL does. */
    private static boolean before(Job e, Job j) {
        if (e.change.icsUid().equals(j.change.icsUid())) {
            return e.change.sequence() < j.change.sequence() || e.change.sequence() == j.change.sequence() && e.order < j.order;
        }
        return e.order < j.order;
    }

    @Override
    public void finish(String eventId, MirrorJobStatus status, String note) {
        Job job = jobs.get(eventId);
        job.status = status;
        job.note = note;
    }

    @Override
    public void retryAt(String eventId, int attempts, Instant due, String reason) {
        Job job = jobs.get(eventId);
        job.attempts = attempts;
        job.due = due;
        job.note = reason;
    }

    Job job(String eventId) {
        return jobs.get(eventId);
    }
}
