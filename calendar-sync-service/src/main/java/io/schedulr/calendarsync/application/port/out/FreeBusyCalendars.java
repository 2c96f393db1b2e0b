package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.application.GoogleRejectedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.domain.BusyInterval;

import java.time.Instant;
import java.util.List;

/**
 * A person's busy times over every calendar on their Google calendar list (primary, the dedicated one, any other), as
 * Google's free/busy computes them: times only, never titles or attendees. Throws {@link GoogleUnavailableException}
 * when Google does not answer usefully within a short time budget (a booking waits on it), and
 * {@link GoogleRejectedException} when it refuses (401: the access token, which a fresh one may cure).
 */
public interface FreeBusyCalendars {
    /** Busy intervals in {@code [start, end)}, in any order and possibly overlapping (one list per calendar, concatenated). */
    List<BusyInterval> busy(String accessToken, Instant start, Instant end);
}
