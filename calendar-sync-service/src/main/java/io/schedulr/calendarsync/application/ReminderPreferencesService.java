package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.PatchRemindersUseCase;
import io.schedulr.calendarsync.application.port.in.RecordReminderPreferencesUseCase;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.application.port.out.ReminderPatches;
import io.schedulr.calendarsync.application.port.out.ReminderPatches.Patch;
import io.schedulr.calendarsync.application.port.out.ReminderPatches.QueuedPatch;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps each person's latest reminder minutes, and brings the events already on their own Google calendar in line when
 * the minutes change. Records arrive in order per person (the user id is the Kafka key) and each carries the whole state,
 * so the last one stored is right and a redelivery stores the same again.
 *
 * <p>New events are written with the minutes stored when they are written (room insert, interview put). When a record
 * changes a person's minutes (a state differing from the stored one, or from the contract's defaults for someone without
 * a row: what their events were written with), every future event written on their own calendar — the live rooms they
 * host whose session has not started, the interviews Google shows on their calendar that have not started — is queued,
 * in the transaction that stores the minutes, as one {@link ReminderPatches} row per Google event. Google is never called
 * from the listener. A redelivery or a change of channel only (popups either way) queues nothing.
 *
 * <p>Why a queue of its own rather than {@code mirror_job} or {@code interview_mirror_entry}: those rows are a room's
 * changes in sequence order and a member's wanted interview state, and re-running them would rewrite whole events (an
 * interview put shows an event the member deleted in Google again). A reminder patch is another, smaller piece of Google
 * work, done the same way: the worker ({@link #patchNext}, every mirror poll) claims one due row of a connected person
 * per transaction ({@code FOR UPDATE SKIP LOCKED}), reads the person's minutes at that moment (so rows queued by several
 * changes carry the latest), and sends {@code events.patch} with only {@code reminders} and {@code sendUpdates=none}
 * (nobody is mailed for a reminder change). An event whose session started meanwhile is left alone; an event Google
 * no longer has (404/410: deleted meanwhile) is done. Like the mirrors: throttling or failure → tried again with
 * exponential backoff and jitter; {@code invalid_grant} → the person is revoked and their rows wait, not offered, until
 * they reconnect (then they run with the minutes of that moment); any other refusal → parked with the reason. Each row
 * fails alone, so one person's trouble never holds up another's. Every call is audited (under the room, or as
 * {@code interview …} under the interview).
 *
 * <p>A room event inserted by the mirror worker while the new minutes are being stored (its transaction not yet
 * committed) may keep the minutes it read; the next change of preferences brings it in line.
 */
public class ReminderPreferencesService implements RecordReminderPreferencesUseCase, PatchRemindersUseCase {
    private static final System.Logger LOG = System.getLogger(ReminderPreferencesService.class.getName());

    private final ReminderPreferences preferences;
    private final Transactions transactions;
    private final RoomMirrors rooms;
    private final InterviewMirrors interviews;
    private final ReminderPatches patches;
    private final CalendarEvents calendar;
    private final GoogleCallAudit audit;
    private final ConnectionStore connections;
    private final GoogleGrants grants;
    private final Clock clock;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public ReminderPreferencesService(ReminderPreferences preferences, Transactions transactions, RoomMirrors rooms,
                                      InterviewMirrors interviews, ReminderPatches patches, CalendarEvents calendar, GoogleCallAudit audit,
                                      ConnectionStore connections, GoogleGrants grants, Clock clock, Duration firstBackoff,
                                      Duration maxBackoff) {
        this.preferences = preferences;
        this.transactions = transactions;
        this.rooms = rooms;
        this.interviews = interviews;
        this.patches = patches;
        this.calendar = calendar;
        this.audit = audit;
        this.connections = connections;
        this.grants = grants;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void record(ReminderPreferencesChange change) {
        transactions.inTransaction(() -> {
            List<Integer> before = preferences.minutesOf(change.userId());
            preferences.save(change.userId(), change.minutes(), change.channel(), change.eventId());
            if (!before.equals(change.minutes())) {
                int queued = queueFutureEventsOf(change.userId(), clock.instant());
                if (queued > 0) {
                    LOG.log(Level.INFO, "reminder preferences of " + change.userId() + " changed to " + change.minutes() + ": " + queued
                            + " future event(s) queued for new reminders");
                }
            }
            return null;
        });
    }

    private int queueFutureEventsOf(String personId, Instant now) {
        int queued = 0;
        for (RoomMirror room : rooms.activeOf(personId)) {
            // A mirror kept from before start times were recorded has no start: it cannot be told future, so it is left.
            if (room.startUtc() != null && room.startUtc().isAfter(now) && room.calendarId() != null) {
                patches.queue(new Patch(personId, room.calendarId(), room.googleEventId(), Patch.Kind.ROOM, room.roomId(), room.startUtc()),
                        now);
                queued++;
            }
        }
        for (InterviewEntry entry : interviews.shownTo(personId)) {
            if (entry.shown() && entry.startUtc().isAfter(now)) {
                patches.queue(new Patch(personId, entry.calendarId(), entry.googleEventId(), Patch.Kind.INTERVIEW, entry.interviewId(),
                        entry.startUtc()), now);
                queued++;
            }
        }
        return queued;
    }

    @Override
    public boolean patchNext() {
        Instant now = clock.instant();
        return DueJobs.runNext(transactions, () -> patches.lockNextDue(now), queued -> run(queued, now),
                (queued, failure) -> retryLater(queued, now, failure));
    }

    private void run(QueuedPatch queued, Instant now) {
        Patch patch = queued.patch();
        String what = "reminders of event " + patch.eventId() + " (" + patch.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + patch.subjectId() + ") on the calendar of " + patch.personId();
        Optional<CalendarConnection> person = connections.find(patch.personId()).filter(CalendarConnection::isConnected);
        if (person.isEmpty()) {
            patches.retryAt(patch, queued.attempts(), now.plus(firstBackoff), "waiting for the person to connect their calendar");
            return;
        }
        if (!patch.startUtc().isAfter(now)) {
            patches.done(patch, "skipped: the session has started");
            return;
        }
        List<Integer> minutes = preferences.minutesOf(patch.personId());
        boolean set;
        try {
            set = grants.withAccessToken(person.get(), patch.subjectId(),
                    token -> call(patch, () -> calendar.setReminders(token, patch.calendarId(), patch.eventId(), minutes)));
        } catch (GrantRevokedException e) {
            grants.revoked(person.get(), what + " wait for them to reconnect");
            patches.retryAt(patch, queued.attempts(), now, "waiting for the person to reconnect: " + e.getMessage());
            return;
        } catch (GoogleRejectedException e) {
            patches.park(patch, e.getMessage());
            LOG.log(Level.WARNING, what + ": parked: Google refused it: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            retryLater(queued, now, e);
            return;
        }
        patches.done(patch, set ? null : "gone in Google");
    }

    private void retryLater(QueuedPatch queued, Instant now, RuntimeException failure) {
        Patch patch = queued.patch();
        DueJobs.retryLater(LOG, "reminders of event " + patch.eventId() + " on the calendar of " + patch.personId(), queued.attempts(),
                now, firstBackoff, maxBackoff, failure, (attempts, due, reason) -> patches.retryAt(patch, attempts, due, reason));
    }

    private Boolean call(Patch patch, Supplier<Boolean> google) {
        // As the mirrors audit: room calls under the room; interview calls named "interview …" under the interview.
        String operation = (patch.kind() == Patch.Kind.INTERVIEW ? "interview " : "") + "events.patch reminders";
        try {
            Boolean set = google.get();
            audit.record(patch.subjectId(), patch.personId(), operation, "ok" + (set ? "" : " (already gone)"));
            return set;
        } catch (RuntimeException e) {
            audit.record(patch.subjectId(), patch.personId(), operation, GoogleOutcomes.of(e));
            throw e;
        }
    }
}
