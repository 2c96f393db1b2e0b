package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.MirrorRoomsUseCase;
import io.schedulr.calendarsync.application.port.in.RecordRoomChangeUseCase;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.JobTracing;
import io.schedulr.calendarsync.application.port.out.MirrorFailures;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.application.port.out.MirrorJobs.QueuedJob;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.MirrorJobStatus;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Booked rooms on their host's dedicated Google calendar. A room change is queued in the transaction that remembers its
 * event id (a redelivery adds nothing); the worker then applies a room's changes one at a time, in sequence order:
 * booked → one event (found again by the stored id or the meeting's private properties before any insert), rescheduled →
 * moved, cancelled or released (the guest left) → deleted, each telling the guest (unless announced, below); a booking
 * after the guest left is a new meeting (a new invitation UID) and gets its own event. A change older than what was
 * applied, or anything after the cancellation, is dropped. Google throttling or failing → the job is tried again later
 * (exponential backoff with jitter, kept in the job); any other refusal → the job is parked with the reason and announced as a mirror failure, as is
 * every change of a host who never connected (unless the calendar gate is off: then notification-service emails every
 * change anyway), so the participants are emailed instead; so is the end (cancelled, released) of a meeting Google never
 * had, which Google cannot tell anyone of ({@code not_on_google}). A host whose grant is revoked
 * ({@code invalid_grant}, found here or anywhere else) gets nothing from Google until they reconnect: each of their changes
 * is announced once as mirror failure {@code revoked} (when recorded, when the grant fails mid-flight, or — queued before
 * the host was revoked elsewhere — at the start of the worker's round) and its job marked silent; it stays pending and, once they reconnect,
 * is mirrored with {@code sendUpdates=none}, so the event shows on their calendar without Google mailing the guest a
 * second time. A host who disconnected is treated the same way (their changes announced as {@code not_connected} and
 * mirrored silently once they connect again), since their dedicated calendar and our events on it stay in Google. A
 * move to the time the event already shows (the host moved it in Google) costs no call; when the host moved it to
 * another length, the room keeps its own and the event's end is set back without mailing the guest again
 * (Google told them of the move). A move of an event a person deleted in Google meanwhile puts nothing back (the deletion
 * cancels the room). Before it writes a time, the worker judges the event it found as a sync would, so a person's change no
 * sync has seen yet is taken, not written over (a room change that a newer move of the host's makes obsolete is dropped);
 * and the write is conditional on the version found, so a change landing in between makes Google refuse it and the job
 * look again. Every call to Google is audited.
 */
public class RoomMirrorService implements RecordRoomChangeUseCase, MirrorRoomsUseCase {
    private static final System.Logger LOG = System.getLogger(RoomMirrorService.class.getName());
    public static final String ROOM_ID_PROPERTY = "schedulrRoomId";
    public static final String ICS_UID_PROPERTY = "schedulrIcsUid";
    /** The mirror failure of a change whose host's grant is revoked. */
    static final String REVOKED = "revoked";
    /**
     * The mirror failure of a meeting's end when Google never had the meeting (its booking was announced instead: the host
     * not connected then, or Google refused it for good): Google has nothing to cancel, and tells nobody.
     */
    static final String NOT_ON_GOOGLE = "not_on_google";

    private final JobTracing tracing;
    private final ConsumedEvents consumed;
    private final MirrorJobs jobs;
    private final RoomMirrors mirrors;
    private final CalendarEvents calendar;
    private final GoogleCallAudit audit;
    private final ConnectionStore connections;
    private final GoogleGrants grants;
    private final MirrorFailures failures;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ReminderPreferences reminders;
    private final EditsMadeInGoogle edits;
    private final boolean calendarRequired;
    private final GoneCalendars goneCalendars;

    /**
     * @param calendarRequired the calendar gate ({@code SCHEDULR_CALENDAR_REQUIRED}); off, a never-connected host's change
     *                         is not announced as a mirror failure — notification-service emails every change itself then
     */
    public RoomMirrorService(ConsumedEvents consumed, MirrorJobs jobs, RoomMirrors mirrors, CalendarEvents calendar, GoogleCallAudit audit,
                             ConnectionStore connections, GoogleGrants grants, MirrorFailures failures, RoomCommands commands,
                             Transactions transactions, JobTracing tracing, Clock clock, Duration firstBackoff, Duration maxBackoff,
                             ReminderPreferences reminders, boolean calendarRequired) {
        this(consumed, jobs, mirrors, calendar, audit, connections, grants, failures, commands, transactions, tracing, clock, firstBackoff,
                maxBackoff, reminders, calendarRequired, null);
    }

    /**
     * @param goneCalendars makes a host's dedicated calendar anew when Google says it is gone; null: such a change is parked
     *                      as any other refusal
     */
    public RoomMirrorService(ConsumedEvents consumed, MirrorJobs jobs, RoomMirrors mirrors, CalendarEvents calendar, GoogleCallAudit audit,
                             ConnectionStore connections, GoogleGrants grants, MirrorFailures failures, RoomCommands commands,
                             Transactions transactions, JobTracing tracing, Clock clock, Duration firstBackoff, Duration maxBackoff,
                             ReminderPreferences reminders, boolean calendarRequired, GoneCalendars goneCalendars) {
        this.goneCalendars = goneCalendars;
        this.calendarRequired = calendarRequired;
        this.reminders = reminders;
        this.tracing = tracing;
        this.consumed = consumed;
        this.jobs = jobs;
        this.mirrors = mirrors;
        this.calendar = calendar;
        this.audit = audit;
        this.connections = connections;
        this.grants = grants;
        this.failures = failures;
        this.transactions = transactions;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.edits = new EditsMadeInGoogle(mirrors, commands, audit);
    }

    @Override
    public Outcome record(RoomChange change) {
        // With the gate off, the change of a host who never connected (most hosts then) leads to nothing here: read alone,
        // it writes no seen-event row and opens no write transaction. Anything else is remembered, so a redelivery adds nothing.
        if (!calendarRequired && nothingToDo(connections.find(change.hostId()))) {
            return Outcome.HOST_NOT_CONNECTED;
        }
        return transactions.inTransaction(() -> {
            if (!consumed.firstTime(change.eventId())) {
                return Outcome.DUPLICATE;
            }
            Optional<CalendarConnection> host = connections.find(change.hostId());
            if (!wantsTheirCalendar(host)) {
                // With the gate off, notification-service emails every change itself: the announcement would only be
                // skipped there as a duplicate, one outbox row, Kafka record and audit row per booking for nothing.
                if (calendarRequired) {
                    failures.publish(change, "not_connected");
                }
                // A host who disconnected keeps their dedicated calendar, and our events on it: the change waits for
                // them to connect again and is then mirrored silently (the participants were emailed), so the calendar
                // they come back to shows neither a deleted session nor an old time.
                if (host.map(CalendarConnection::hasDedicatedCalendar).orElse(false)) {
                    jobs.add(change, clock.instant(), true);
                    return Outcome.QUEUED;
                }
                return Outcome.HOST_NOT_CONNECTED;
            }
            // A revoked host wanted their calendar: the change waits for them to reconnect, but Google tells the guest
            // nothing now, so it is announced (the participants are emailed) and mirrored silently later.
            boolean revoked = host.get().status() == ConnectionStatus.REVOKED;
            if (revoked) {
                failures.publish(change, REVOKED);
            }
            jobs.add(change, clock.instant(), revoked);
            return Outcome.QUEUED;
        });
    }

    /** Connected, or revoked (they wanted their calendar and will reconnect): their changes are mirrored. */
    private static boolean wantsTheirCalendar(Optional<CalendarConnection> host) {
        ConnectionStatus status = host.map(CalendarConnection::status).orElse(null);
        return status == ConnectionStatus.CONNECTED || status == ConnectionStatus.REVOKED;
    }

    /** Neither wanting their calendar nor with a dedicated one to come back to: no job, and with the gate off no announcement. */
    private static boolean nothingToDo(Optional<CalendarConnection> host) {
        return !wantsTheirCalendar(host) && !host.map(CalendarConnection::hasDedicatedCalendar).orElse(false);
    }

    @Override
    public boolean announceNextOfRevokedHost() {
        return transactions.inTransaction(() -> {
            Optional<QueuedJob> unannounced = jobs.lockNextUnannouncedOfRevokedHost();
            unannounced.ifPresent(job -> tracing.within(job.traceContext(),
                    "announce room " + job.change().kind().name().toLowerCase(Locale.ROOT), () -> announceRevoked(job)));
            return unannounced.isPresent();
        });
    }

    @Override
    public boolean mirrorNext() {
        Instant now = clock.instant();
        return DueJobs.runNext(transactions, () -> jobs.lockNextDue(now),
                job -> tracing.within(job.traceContext(), "mirror room " + job.change().kind().name().toLowerCase(Locale.ROOT),
                        () -> run(job, now)),
                (job, failure) -> retryLater(job, now, failure));
    }

    private void run(QueuedJob job, Instant now) {
        RoomChange change = job.change();
        String id = change.eventId();
        Optional<CalendarConnection> host = connections.find(change.hostId()).filter(CalendarConnection::isConnected);
        if (host.isEmpty()) {
            jobs.retryAt(id, job.attempts(), now.plus(firstBackoff), "waiting for the host to connect their calendar");
            return;
        }
        // Locked until this job's transaction ends: a sync judging the room's event meanwhile waits for what we wrote, and
        // what it saved is not overwritten by the mirror we read before it.
        Optional<RoomMirror> mirror = mirrors.lock(change.roomId());
        String refused = mirror.map(m -> m.refuses(change)).orElse(null);
        if (refused != null) {
            audit.record(change.roomId(), change.hostId(), change.kind().name().toLowerCase(Locale.ROOT), "dropped: " + refused);
            jobs.finish(id, MirrorJobStatus.DROPPED, refused);
            LOG.log(Level.INFO, "room " + change.roomId() + ": dropped event " + id + " (" + refused + ")");
            return;
        }
        Applied applied;
        try {
            applied = grants.withAccessToken(host.get(), change.roomId(), token -> apply(token, change, host.get(), mirror.orElse(null),
                    !job.silent(), now));
        } catch (GrantRevokedException e) {
            grants.revoked(host.get(), "room " + change.roomId() + " waits for them to reconnect");
            jobs.retryAt(id, job.attempts(), now, "waiting for the host to reconnect: " + e.getMessage());
            announceRevoked(job);
            return;
        } catch (CalendarGoneException e) {
            if (!calendarMadeAnew(job, host.get(), e, now)) {
                park(job, e);
            }
            return;
        } catch (GoogleRejectedException e) {
            park(job, e);
            return;
        } catch (RuntimeException e) {
            retryLater(job, now, e);
            return;
        }
        finishApplied(job, applied);
    }

    private void park(QueuedJob job, GoogleRejectedException e) {
        RoomChange change = job.change();
        String id = change.eventId();
        jobs.finish(id, MirrorJobStatus.PARKED, e.getMessage());
        failures.publish(change, "google_rejected:" + e.status());
        LOG.log(Level.WARNING, "room " + change.roomId() + ": parked event " + id + " (" + change.kind() + "): Google refused it: "
                + e.getMessage());
    }

    /**
     * The host's dedicated calendar was deleted in Google: made anew (with their other rooms and interviews queued for it),
     * and this change tried again at once, on the new calendar. False when nothing was made (Google still has the calendar,
     * or the host is no longer connected): then the change is parked as Google refused it.
     */
    private boolean calendarMadeAnew(QueuedJob job, CalendarConnection host, CalendarGoneException gone, Instant now) {
        if (goneCalendars == null) {
            return false;
        }
        String id = job.change().eventId();
        try {
            if (!goneCalendars.replace(host, gone.calendarId(), "room " + job.change().roomId())) {
                return false;
            }
        } catch (GrantRevokedException e) {
            grants.revoked(host, "room " + job.change().roomId() + " waits for them to reconnect");
            jobs.retryAt(id, job.attempts(), now, "waiting for the host to reconnect: " + e.getMessage());
            announceRevoked(job);
            return true;
        } catch (RuntimeException e) {
            retryLater(job, now, e);
            return true;
        }
        jobs.retryAt(id, job.attempts(), now, "the host's calendar was deleted in Google and made anew: " + gone.getMessage());
        return true;
    }

    private void finishApplied(QueuedJob job, Applied applied) {
        RoomChange change = job.change();
        String id = change.eventId();
        mirrors.save(applied.mirror());
        if (applied.dropped() != null) {
            audit.record(change.roomId(), change.hostId(), change.kind().name().toLowerCase(Locale.ROOT), "dropped: " + applied.dropped());
            jobs.finish(id, MirrorJobStatus.DROPPED, applied.dropped());
            LOG.log(Level.INFO, "room " + change.roomId() + ": dropped event " + id + " (" + applied.dropped() + ")");
            return;
        }
        if (applied.neverOnGoogle() && calendarRequired && !job.silent()) {
            // The participants were emailed the meeting (its booking was announced) and Google has no event to cancel:
            // with the gate on, notification-service leaves the end to Google unless it is announced too.
            failures.publish(change, NOT_ON_GOOGLE);
            LOG.log(Level.INFO, "room " + change.roomId() + ": event " + id + " (" + change.kind() + ") ends a meeting Google never had; "
                    + "announced");
        }
        jobs.finish(id, MirrorJobStatus.DONE, null);
    }

    /**
     * The mirror after a change was applied to Google, or — when what a person did to the event in Google, found just
     * before the write, made the change obsolete — why it was dropped instead.
     */
    private record Applied(RoomMirror mirror, String dropped, boolean neverOnGoogle) {
        Applied(RoomMirror mirror, String dropped) {
            this(mirror, dropped, false);
        }

        static Applied done(RoomMirror mirror) {
            return new Applied(mirror, null);
        }

        /** The meeting ended without Google ever having its event: nobody there to tell. */
        static Applied endedNeverOnGoogle(RoomMirror mirror) {
            return new Applied(mirror, null, true);
        }
    }

    private void retryLater(QueuedJob job, Instant now, RuntimeException failure) {
        String eventId = job.change().eventId();
        DueJobs.retryLater(LOG, "room " + job.change().roomId() + ": event " + eventId, job.attempts(), now, firstBackoff, maxBackoff,
                failure, (attempts, due, reason) -> jobs.retryAt(eventId, attempts, due, reason));
    }

    /** Google will not tell the guest now: announced once, so the participants are emailed, and mirrored silently later. */
    private void announceRevoked(QueuedJob job) {
        if (job.silent()) {
            return;
        }
        failures.publish(job.change(), REVOKED);
        jobs.markSilent(job.change().eventId());
        LOG.log(Level.INFO, "room " + job.change().roomId() + ": event " + job.change().eventId() + " announced (host revoked), mirrored silently "
                + "once they reconnect");
    }

    private Applied apply(String token, RoomChange change, CalendarConnection host, RoomMirror mirror, boolean notifyGuest, Instant now) {
        boolean newMeeting = mirror != null && mirror.isEarlierMeetingOf(change);
        // A mirror on a calendar that is no longer the host's dedicated one (deleted in Google, made anew since) is not
        // patched there: its meeting is put on the new calendar as one Google does not have yet.
        boolean elsewhere = mirror != null && mirror.calendarId() != null && !mirror.calendarId().equals(host.calendarId());
        boolean fresh = mirror == null || newMeeting || elsewhere;
        String calendarId = mirror != null && mirror.calendarId() != null && !fresh ? mirror.calendarId() : host.calendarId();
        String known = fresh ? null : mirror.googleEventId();
        Instant lastWrite = fresh ? null : mirror.lastWriteUpdated();
        if (change.kind() == RoomChangeKind.RESCHEDULED && !fresh && mirror.shows(change)) {
            // The host moved the event in Google and the room followed: Google already shows it, and told the guest.
            audit.record(change.roomId(), change.hostId(), "events.patch", "skipped: Google already shows this time");
            return Applied.done(mirrored(change, mirror.googleEventId(), calendarId, false, lastWrite));
        }
        Optional<CalendarEvents.Found> existing = call(change, "events.find",
                () -> calendar.find(token, calendarId, known, change.roomId(), change.icsUid()));
        if (change.kind().ends()) {
            existing.ifPresent(found -> call(change, "events.delete", () -> calendar.delete(token, calendarId, found.eventId(), notifyGuest)));
            RoomMirror ended = mirrored(change, existing.map(CalendarEvents.Found::eventId).orElse(known), calendarId, true, lastWrite);
            // No event now and none known before: the meeting never reached Google (an event a person deleted there is known).
            boolean neverOnGoogle = existing.isEmpty() && known == null && (mirror == null || !mirror.cancelled());
            if (!neverOnGoogle) {
                return Applied.done(ended);
            }
            audit.record(change.roomId(), change.hostId(), "events.delete", "skipped: Google never had the meeting");
            return Applied.endedNeverOnGoogle(ended);
        }
        if (existing.isEmpty() && change.kind() == RoomChangeKind.RESCHEDULED && known != null) {
            // The event we made is gone from Google: a person deleted it there after this move was made. Putting it back
            // would undo their deletion and invite the guest again; the deletion comes back as a command (the watch, or
            // the next full sync) and cancels the room.
            audit.record(change.roomId(), change.hostId(), "events.patch", "skipped: the event was deleted in Google");
            return Applied.done(mirrored(change, known, calendarId, false, lastWrite));
        }
        if (existing.isEmpty()) {
            CalendarEvents.NewEvent event = newEvent(change, reminders.minutesOf(change.hostId()));
            CalendarEvents.Written inserted = call(change, "events.insert", () -> calendar.insert(token, calendarId, event, notifyGuest));
            return Applied.done(mirrored(change, inserted.eventId(), calendarId, false, inserted.updated()));
        }
        CalendarEvents.Found found = existing.get();
        String eventId = found.eventId();
        if (change.kind() == RoomChangeKind.RESCHEDULED && found.event().shows(change.startUtc(), change.endUtc())) {
            // Google shows this change already: our earlier write of it whose answer was lost (its retry then found the event
            // changed, 412), or the host made it so. Not a person's change to take, nothing to write.
            audit.record(change.roomId(), change.hostId(), "events.patch", "skipped: Google already shows this time");
            return Applied.done(mirrored(change, eventId, calendarId, false, found.event().updated()));
        }
        if (change.kind() == RoomChangeKind.RESCHEDULED) {
            // What a person did to the event that no sync has judged yet is taken first, as a sync would, so it is never
            // written over: a newer move of the host's makes this change obsolete (the room follows that move instead).
            RoomMirror judged = fresh ? mirror : edits.take(mirror, found.event(), now);
            String obsolete = judged == null ? null : judged.refuses(change);
            if (obsolete != null) {
                return new Applied(judged, obsolete);
            }
            // After a move made in Google, only the room's length is set back: Google told the guest of the move once.
            boolean notify = notifyGuest && (judged == null || !judged.followsMoveIn(change));
            // What the host did in Google and the room did not take is undone; the event says why (the next write of
            // the event's time, one without a put-back, writes the description without it).
            Optional<RoomMirror.PutBack> putBack = judged == null ? Optional.empty() : judged.putsBack(change, clock.instant());
            putBack.ifPresent(why -> LOG.log(Level.INFO, "room " + change.roomId() + ": undoing the host's change of the event in Google ("
                    + why + ")"));
            String description = EventDescriptions.of(change, putBack.orElse(null), clock.instant());
            CalendarEvents.Written moved = call(change, "events.patch",
                    () -> calendar.move(token, calendarId, found, new CalendarEvents.Move(change.startUtc(), change.endUtc(), change.timeZone(),
                            description, change.roomUrl()), notify));
            return Applied.done(mirrored(change, eventId, calendarId, false, moved.updated()));
        }
        // Our own event found again (an insert whose answer was lost): stamped as the look-up found it when it shows what we
        // wrote (a later change of a person's is then newer than that stamp); else unknown.
        Instant stamp = eventId.equals(known) ? lastWrite
                : found.event().shows(change.startUtc(), change.endUtc()) ? found.event().updated() : null;
        return Applied.done(mirrored(change, eventId, calendarId, false, stamp));
    }

    private static RoomMirror mirrored(RoomChange change, String eventId, String calendarId, boolean cancelled, Instant lastWrite) {
        return new RoomMirror(change.roomId(), change.icsUid(), eventId, change.hostId(), calendarId, change.sequence(), cancelled,
                change.startUtc(), change.endUtc(), change.guestEmail(), change.guestId(), false, lastWrite);
    }

    /** The host's own reminders (popups at their minutes); the guest's copy keeps the guest's Google defaults. */
    private CalendarEvents.NewEvent newEvent(RoomChange change, java.util.List<Integer> reminderMinutes) {
        String description = EventDescriptions.of(change, null, clock.instant());
        return new CalendarEvents.NewEvent(change.roomId(), change.icsUid(), change.title(), description, change.roomUrl(), change.startUtc(),
                change.endUtc(), change.timeZone(), change.guestEmail(), change.guestName(), reminderMinutes);
    }

    private <T> T call(RoomChange change, String operation, Supplier<T> google) {
        try {
            T result = google.get();
            audit.record(change.roomId(), change.hostId(), operation, "ok" + (result instanceof Boolean b && !b ? " (already gone)" : ""));
            return result;
        } catch (RuntimeException e) {
            audit.record(change.roomId(), change.hostId(), operation, GoogleOutcomes.of(e));
            throw e;
        }
    }
}
