package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.Person;
import io.schedulr.calendarsync.domain.BusyInterval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a person is busy in Google, over all their calendars — for scheduling-service's conflict check before a booking.
 * The inbound adapters decide whose: a signed-in person asks only about themselves (their token's person); another
 * service, authenticated by a service key, names the person it asks about. Times only, never what the events are.
 */
public interface ReadFreeBusyUseCase {
    /**
     * The person's busy times in the range, merged and clipped; {@link FreeBusy#notConnected()} when they have no usable
     * connection (never connected, disconnected, revoked — also when Google says {@code invalid_grant} now).
     *
     * @throws io.schedulr.calendarsync.application.GoogleUnavailableException when Google cannot answer within the
     *                                                                         service's short time budget
     */
    FreeBusy freeBusyOf(Person person, FreeBusyQuery query);

    /** The range asked about; checks itself. */
    record FreeBusyQuery(Instant start, Instant end) {
        /** The longest range one question may cover. */
        public static final Duration MAX_RANGE = Duration.ofDays(62);

        public FreeBusyQuery {
            if (start == null) {
                throw new InvalidQueryException(InvalidQueryException.Problem.START_MISSING, "'start' is required.");
            }
            if (end == null) {
                throw new InvalidQueryException(InvalidQueryException.Problem.END_MISSING, "'end' is required.");
            }
            if (!end.isAfter(start)) {
                throw new InvalidQueryException(InvalidQueryException.Problem.END_NOT_AFTER_START,
                        "'end' must be after 'start'; got start " + start + " and end " + end + ".");
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw new InvalidQueryException(InvalidQueryException.Problem.RANGE_TOO_LONG,
                        "'end' must be at most " + MAX_RANGE.toDays() + " days after 'start'.");
            }
        }
    }

    /** A range that cannot be asked about; {@link #problem()} says which rule it breaks. */
    class InvalidQueryException extends IllegalArgumentException {
        public enum Problem { START_MISSING, END_MISSING, END_NOT_AFTER_START, RANGE_TOO_LONG }

        private final Problem problem;

        public InvalidQueryException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The answer: whether the person's Google calendar could be asked, and when they are busy (sorted, merged, in range). */
    record FreeBusy(boolean connected, List<BusyInterval> busy) {
        public FreeBusy {
            busy = List.copyOf(busy);
        }

        public static FreeBusy notConnected() {
            return new FreeBusy(false, List.of());
        }
    }
}
