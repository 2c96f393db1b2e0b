package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * A person's dedicated calendar deleted in Google ({@link CalendarGoneException}, found by whatever called Google: a room
 * or interview job, a sync — which a {@code not_exists} push asks for — or a watch opening). A new one is made as
 * connecting makes it, stored on the connection (announced, as a connection with that calendar), and the rest follows
 * from the connection: the watch round opens a channel on it, a sync is asked for it, and what the person should see
 * there is queued again — each room not yet ended its last applied job, each interview entry not yet ended — so the
 * workers, which put a mirror whose calendar is no longer the person's on their dedicated one anew, write it there.
 * Nobody else's calendar, job or entry is touched.
 */
public class GoneCalendars {
    private static final System.Logger LOG = System.getLogger(GoneCalendars.class.getName());

    private final ConnectionStore connections;
    private final DedicatedCalendars calendars;
    private final GoogleGrants grants;
    private final ConnectionEvents events;
    private final MirrorJobs rooms;
    private final InterviewMirrors interviews;
    private final SyncStates syncs;
    private final GoogleCallAudit audit;
    private final Clock clock;

    public GoneCalendars(ConnectionStore connections, DedicatedCalendars calendars, GoogleGrants grants, ConnectionEvents events,
                         MirrorJobs rooms, InterviewMirrors interviews, SyncStates syncs, GoogleCallAudit audit, Clock clock) {
        this.connections = connections;
        this.calendars = calendars;
        this.grants = grants;
        this.events = events;
        this.rooms = rooms;
        this.interviews = interviews;
        this.syncs = syncs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Google said the person's calendar {@code goneCalendarId} is gone: unless it was replaced already, a new one is made
     * and taken. Runs in a transaction; the person's row stays locked while Google is asked, so two replicas finding the
     * same gone calendar make one new calendar. True when the person now has another dedicated calendar (made here or
     * before), so what failed may be tried again at once; false when they are not connected or Google still has the calendar.
     * Throws what Google throws ({@link GrantRevokedException}, {@link GoogleUnavailableException}, …).
     */
    public boolean replace(CalendarConnection person, String goneCalendarId, String foundBy) {
        CalendarConnection locked = connections.lock(person.googleAccountId(), person.email());
        if (!locked.isConnected()) {
            return false;
        }
        if (!goneCalendarId.equals(locked.calendarId())) {
            return true;
        }
        String made;
        try {
            made = grants.withAccessToken(locked, null, token -> calendars.ensure(token, goneCalendarId, null));
        } catch (RuntimeException e) {
            audit.record(null, person.googleAccountId(), "calendars.insert(the dedicated calendar was deleted)", GoogleOutcomes.of(e));
            throw e;
        }
        if (made.equals(goneCalendarId)) {
            audit.record(null, person.googleAccountId(), "calendars.get(the dedicated calendar was deleted?)", "ok (still there)");
            LOG.log(Level.WARNING, "calendar of " + person.googleAccountId() + ": Google answered 404 for calendar " + goneCalendarId
                    + " (" + foundBy + "), but it is still there");
            return false;
        }
        audit.record(null, person.googleAccountId(), "calendars.insert(the dedicated calendar was deleted)", "ok: " + made);
        locked.calendarReplaced(goneCalendarId, made).ifPresent(change -> {
            connections.save(locked);
            events.publish(change);
        });
        syncs.forget(person.googleAccountId());
        syncs.request(person.googleAccountId(), made, clock.instant());
        LOG.log(Level.WARNING, "calendar of " + person.googleAccountId() + ": their dedicated calendar " + goneCalendarId
                + " was deleted in Google (found " + foundBy + "); made " + made + " instead, " + queueOnto(person.googleAccountId(), made));
        return true;
    }

    /**
     * The person connected again, and their dedicated calendar is another one than before (the earlier one was deleted in
     * Google meanwhile): what they should see is queued for it, as when it is made anew. Runs in a transaction.
     */
    public void reconnectedTo(String personId, String calendarId) {
        LOG.log(Level.INFO, "calendar of " + personId + ": connected again onto calendar " + calendarId + ", " + queueOnto(personId, calendarId));
    }

    private String queueOnto(String personId, String calendarId) {
        Instant now = clock.instant();
        int roomsQueued = rooms.requeueOntoNewCalendar(personId, calendarId, now);
        int interviewsQueued = interviews.requeueOntoNewCalendar(personId, calendarId, now);
        return roomsQueued + " rooms and " + interviewsQueued + " interviews queued to be put on it";
    }
}
