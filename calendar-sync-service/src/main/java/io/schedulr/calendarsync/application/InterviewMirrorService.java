package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.in.MirrorInterviewsUseCase;
import io.schedulr.calendarsync.application.port.in.RecordInterviewChangeUseCase;
import io.schedulr.calendarsync.application.port.out.CalendarEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors.QueuedEntry;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.InterviewChange;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewMirror;
import io.schedulr.calendarsync.domain.InterviewParticipant;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Interviews on the team's dedicated Google calendars. A change is taken in once (its event id), and only when it is
 * newer than what was taken in for the interview (a higher SEQUENCE, or the same one dropping the meeting); it then sets
 * what each team member's calendar should show — the primary interviewer and the team members with a connected
 * calendar, found by their user id, or by address when they have none — in the same transaction. A member who left
 * the interview since the last change is set to lose the event. Nobody is invited by Google: the events carry no
 * attendees and every write is {@code sendUpdates=none}, since notification-service emails everyone the invitation.
 *
 * <p>The worker then brings one member's calendar at a time in line with the latest wanted state (changes in between
 * coalesce): shown → the event is put under an id derived from the interview (so a retry or replay never makes a second
 * one), taken off → deleted. Like rooms: Google throttling or failing → tried again later with backoff and jitter;
 * {@code invalid_grant} → the member is revoked and their entries wait for them to reconnect; any other refusal → the
 * entry is parked with the reason. Each member's entry fails alone. Every call is audited under the interview id.
 */
public class InterviewMirrorService implements RecordInterviewChangeUseCase, MirrorInterviewsUseCase {
    private static final System.Logger LOG = System.getLogger(InterviewMirrorService.class.getName());
    public static final String INTERVIEW_ID_PROPERTY = "schedulrInterviewId";

    private final ConsumedEvents consumed;
    private final InterviewMirrors interviews;
    private final CalendarEvents calendar;
    private final GoogleCallAudit audit;
    private final ConnectionStore connections;
    private final GoogleGrants grants;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ReminderPreferences reminders;
    private final GoneCalendars goneCalendars;

    public InterviewMirrorService(ConsumedEvents consumed, InterviewMirrors interviews, CalendarEvents calendar, GoogleCallAudit audit,
                                  ConnectionStore connections, GoogleGrants grants, Transactions transactions, Clock clock,
                                  Duration firstBackoff, Duration maxBackoff, ReminderPreferences reminders) {
        this(consumed, interviews, calendar, audit, connections, grants, transactions, clock, firstBackoff, maxBackoff, reminders, null);
    }

    /**
     * @param goneCalendars makes a member's dedicated calendar anew when Google says it is gone; null: such an entry is
     *                      parked as any other refusal
     */
    public InterviewMirrorService(ConsumedEvents consumed, InterviewMirrors interviews, CalendarEvents calendar, GoogleCallAudit audit,
                                  ConnectionStore connections, GoogleGrants grants, Transactions transactions, Clock clock,
                                  Duration firstBackoff, Duration maxBackoff, ReminderPreferences reminders, GoneCalendars goneCalendars) {
        this.goneCalendars = goneCalendars;
        this.reminders = reminders;
        this.consumed = consumed;
        this.interviews = interviews;
        this.calendar = calendar;
        this.audit = audit;
        this.connections = connections;
        this.grants = grants;
        this.transactions = transactions;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public Outcome record(InterviewChange change) {
        return transactions.inTransaction(() -> {
            if (!consumed.firstTime(change.eventId())) {
                return Outcome.DUPLICATE;
            }
            String refused = interviews.lock(change.interviewId()).map(seen -> seen.refuses(change)).orElse(null);
            if (refused != null) {
                LOG.log(Level.INFO, "interview " + change.interviewId() + ": event " + change.eventId() + " changes nothing (" + refused + ")");
                return Outcome.STALE;
            }
            interviews.save(InterviewMirror.of(change));
            Instant now = clock.instant();
            List<InterviewEntry> before = interviews.entriesOf(change.interviewId());
            Map<String, InterviewEntry> earlier = before.stream().collect(Collectors.toMap(InterviewEntry::memberId, Function.identity()));
            Set<String> team = new HashSet<>();
            int queued = 0;
            for (InterviewParticipant member : change.team()) {
                String memberId = memberId(member, before);
                if (memberId == null || !team.add(memberId)) {
                    continue;
                }
                InterviewEntry entry = earlier.get(memberId);
                if (entry == null && (change.cancels() || !wantsCalendar(memberId))) {
                    // Nothing on their calendar to take off, or no calendar to put it on.
                    continue;
                }
                interviews.want(InterviewEntry.wanted(change, memberId, member.email(), member.timeZone(), entry), now);
                queued++;
            }
            for (InterviewEntry entry : before) {
                if (!team.contains(entry.memberId()) && entry.shown()) {
                    // They left the interview: the event goes from their calendar.
                    interviews.want(entry.left(change.sequence()), now);
                    queued++;
                }
            }
            return queued == 0 ? Outcome.NO_CONNECTED_MEMBER : Outcome.QUEUED;
        });
    }

    /** Their user id; for a member known by address only, the entry they had or the connection made with that address. */
    private String memberId(InterviewParticipant member, List<InterviewEntry> before) {
        if (member.userId() != null) {
            return member.userId();
        }
        return before.stream().filter(e -> member.email().equalsIgnoreCase(e.memberEmail())).map(InterviewEntry::memberId).findFirst()
                .orElseGet(() -> connections.findByEmail(member.email()).map(CalendarConnection::googleAccountId).orElse(null));
    }

    /** A revoked member wanted their calendar: their entries wait for them to reconnect. */
    private boolean wantsCalendar(String memberId) {
        return connections.find(memberId).map(c -> c.status() == ConnectionStatus.CONNECTED || c.status() == ConnectionStatus.REVOKED)
                .orElse(false);
    }

    @Override
    public boolean mirrorNext() {
        Instant now = clock.instant();
        return DueJobs.runNext(transactions, () -> interviews.lockNextDue(now), queued -> run(queued, now),
                (queued, failure) -> retryLater(queued, now, failure));
    }

    private void run(QueuedEntry queued, Instant now) {
        InterviewEntry entry = queued.entry();
        String what = "interview " + entry.interviewId() + " on the calendar of " + entry.memberId();
        Optional<CalendarConnection> member = connections.find(entry.memberId()).filter(CalendarConnection::isConnected);
        if (member.isEmpty()) {
            interviews.retryAt(entry, queued.attempts(), now.plus(firstBackoff), "waiting for the member to connect their calendar");
            return;
        }
        if (entry.nothingToRemove()) {
            interviews.done(entry.written(entry.calendarId()));
            return;
        }
        // Taken off: the calendar it was put on. Shown: the member's dedicated calendar now — where it is, or, when that
        // calendar was deleted in Google and made anew since, put there anew.
        String calendarId = entry.calendarId() != null && !entry.shown() ? entry.calendarId() : member.get().calendarId();
        try {
            grants.withAccessToken(member.get(), entry.interviewId(), token -> apply(token, entry, calendarId));
        } catch (GrantRevokedException e) {
            grants.revoked(member.get(), what + " waits for them to reconnect");
            interviews.retryAt(entry, queued.attempts(), now, "waiting for the member to reconnect: " + e.getMessage());
            return;
        } catch (CalendarGoneException e) {
            if (calendarMadeAnew(queued, member.get(), e, now)) {
                return;
            }
            interviews.park(entry, e.getMessage());
            LOG.log(Level.WARNING, what + ": parked (sequence " + entry.sequence() + "): Google refused it: " + e.getMessage());
            return;
        } catch (GoogleRejectedException e) {
            interviews.park(entry, e.getMessage());
            LOG.log(Level.WARNING, what + ": parked (sequence " + entry.sequence() + "): Google refused it: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            retryLater(queued, now, e);
            return;
        }
        interviews.done(entry.written(calendarId));
    }

    /**
     * The member's dedicated calendar was deleted in Google: made anew (their other entries and rooms queued for it), and
     * this entry tried again at once, on the new calendar. False when nothing was made: then it is parked.
     */
    private boolean calendarMadeAnew(QueuedEntry queued, CalendarConnection member, CalendarGoneException gone, Instant now) {
        if (goneCalendars == null) {
            return false;
        }
        InterviewEntry entry = queued.entry();
        String what = "interview " + entry.interviewId() + " on the calendar of " + entry.memberId();
        try {
            if (!goneCalendars.replace(member, gone.calendarId(), what)) {
                return false;
            }
        } catch (GrantRevokedException e) {
            grants.revoked(member, what + " waits for them to reconnect");
            interviews.retryAt(entry, queued.attempts(), now, "waiting for the member to reconnect: " + e.getMessage());
            return true;
        } catch (RuntimeException e) {
            retryLater(queued, now, e);
            return true;
        }
        interviews.retryAt(entry, queued.attempts(), now, "the member's calendar was deleted in Google and made anew: " + gone.getMessage());
        return true;
    }

    private void retryLater(QueuedEntry queued, Instant now, RuntimeException failure) {
        InterviewEntry entry = queued.entry();
        DueJobs.retryLater(LOG, "interview " + entry.interviewId() + " on the calendar of " + entry.memberId(), queued.attempts(), now,
                firstBackoff, maxBackoff, failure, (attempts, due, reason) -> interviews.retryAt(entry, attempts, due, reason));
    }

    private Boolean apply(String token, InterviewEntry entry, String calendarId) {
        if (entry.shown()) {
            CalendarEvents.OwnEvent event = ownEvent(entry, reminders.minutesOf(entry.memberId()));
            return call(entry, "events.put", () -> {
                calendar.put(token, calendarId, entry.googleEventId(), event);
                return true;
            });
        }
        return call(entry, "events.delete", () -> calendar.remove(token, calendarId, entry.googleEventId()));
    }

    /** On the member's own calendar: their own reminders (popups at their minutes). */
    private static CalendarEvents.OwnEvent ownEvent(InterviewEntry entry, List<Integer> reminderMinutes) {
        return new CalendarEvents.OwnEvent(entry.summary(), entry.description(), entry.location(), entry.startUtc(), entry.endUtc(),
                entry.timeZone(), entry.tentative(), Map.of(INTERVIEW_ID_PROPERTY, entry.interviewId(), RoomMirrorService.ICS_UID_PROPERTY, entry.icsUid()),
                reminderMinutes);
    }

    private <T> T call(InterviewEntry entry, String operation, Supplier<T> google) {
        String audited = "interview " + operation;
        try {
            T result = google.get();
            audit.record(entry.interviewId(), entry.memberId(), audited,
                    "ok" + (result instanceof Boolean b && !b ? " (already gone)" : "") + " (sequence " + entry.sequence() + ")");
            return result;
        } catch (RuntimeException e) {
            audit.record(entry.interviewId(), entry.memberId(), audited, GoogleOutcomes.of(e));
            throw e;
        }
    }
}
