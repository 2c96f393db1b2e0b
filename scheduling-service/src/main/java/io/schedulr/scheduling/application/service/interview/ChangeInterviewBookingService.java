package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewBookingUseCase;
import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.BookedMeeting;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.PlainText;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cancels or moves an interview's Cal.com booking, then records it and tells everyone. Cal.com is asked outside any
 * transaction, as sending does. Its webhook for the same change may come before or after: whichever is second changes
 * nothing ({@link Interview#cancelledHere}, {@link Interview#rescheduledHere}, {@link Interview#apply}), so people are told once.
 * When Cal.com refuses or cannot be reached, nothing here changes. A move is checked for clashes first, as a send is
 * ({@link ConflictCheck#requireForTeam}): the team's sessions here and the Google calendars, the interview's own time left out;
 * the check's transaction ends before Cal.com is asked, so, as for a send, two changes at the same moment may both pass.
 */
public class ChangeInterviewBookingService implements ChangeInterviewBookingUseCase {
    private final UnitOfWork tx;
    private final Interviews interviews;
    private final CalcomGatewayPort calcom;
    private final ConflictCheck conflicts;
    private final Clock clock;

    public ChangeInterviewBookingService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, ConflictCheck conflicts, Clock clock) {
        this.tx = tx;
        this.interviews = interviews;
        this.calcom = calcom;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Override
    public Uni<InterviewDetails> cancel(Actor actor, UUID interviewId, String reason) {
        String why = PlainText.optional(reason, "reason", Interview.MAX_REASON_LENGTH);
        return tx.reading(() -> interviews.visible(actor, interviewId).invoke(i -> i.requireCancellable(actor, clock.instant())))
                .chain(before -> cancelOnCalcom(before.calcomBookingUid(), why))
                .chain(() -> record(actor, interviewId, "cancelled", current -> current.cancelledHere(why, clock.instant()), why));
    }

    @Override
    public Uni<InterviewDetails> reschedule(Actor actor, UUID interviewId, Instant start, String reason, boolean allowOwnConflicts) {
        String why = PlainText.optional(reason, "reason", Interview.MAX_REASON_LENGTH);
        // Google is asked between the reading session and the check's transaction, so a slow Google holds no connection.
        return tx.reading(() -> interviews.visible(actor, interviewId).chain(i -> {
                    TimeWindow window = i.requireReschedulable(actor, start, clock.instant());
                    return interviews.details(i).chain(d -> conflicts.prepareForTeam(actor.id(), actor.person().email(), allowOwnConflicts,
                            window, d.teamAddresses(), ConflictCheck.MovedInterview.ifBooked(i)).map(question -> new Asked(d, window, question)));
                }))
                .chain(asked -> conflicts.ask(asked.question()).chain(answers -> tx.inTransaction(() -> conflicts.requireForTeam(actor.id(),
                                actor.person().email(), allowOwnConflicts, asked.window(), asked.details().teamAddresses(),
                                ConflictCheck.MovedInterview.ifBooked(asked.details().interview()), answers)))
                        .chain(warnings -> moveOnCalcom(asked.details().interview(), asked.window().start(), why)
                                .chain(moved -> record(actor, interviewId, "rescheduled", current -> rescheduled(current, moved), why))
                                .map(d -> d.withWarnings(warnings))));
    }

    /**
     * Cancels the booking; when Cal.com refuses because it is cancelled there already (the host asked for a new time, or
     * it was cancelled on Cal.com and its webhook has not come), that is what was asked for, and the interview follows.
     * When it was moved on Cal.com instead, the meeting goes on at another time under another booking: the caller hears
     * that the change is on its way, and cancels the moved meeting once it is here.
     */
    private Uni<Void> cancelOnCalcom(String uid, String why) {
        return calcom.cancel(uid, why).onFailure(ChangeInterviewBookingService::definite)
                .recoverWithUni(refused -> stateOnCalcom(uid, refused).chain(state -> state.cancelled() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(state.moved() ? changedOnCalcom() : refused)));
    }

    /**
     * Moves the booking. When Cal.com refuses because the booking is no longer there to move (it was moved or cancelled on
     * Cal.com a moment ago and the webhook has not come yet), the caller hears that instead of Cal.com's words: the change
     * is on its way here. A booking whose host asked for a new time is cancelled on Cal.com too, yet may be moved: Cal.com's
     * own refusal of that stands.
     */
    private Uni<BookedMeeting> moveOnCalcom(Interview interview, Instant start, String why) {
        String uid = interview.calcomBookingUid();
        return calcom.reschedule(uid, start, why)
                .onFailure(e -> definite(e) && !interview.awaitingNewTime())
                .recoverWithUni(refused -> stateOnCalcom(uid, refused)
                        .chain(state -> Uni.createFrom().failure(state.cancelled() || state.moved() ? changedOnCalcom() : refused)));
    }

    private static boolean definite(Throwable failure) {
        return failure instanceof CalcomGatewayException g && g.definite();
    }

    /** After Cal.com refused a change: the booking's state there. Its state unknown, the refusal stands. */
    private Uni<CalcomGatewayPort.BookingState> stateOnCalcom(String uid, Throwable refused) {
        return calcom.bookingState(uid).onFailure().transform(unknown -> refused);
    }

    private static ConflictException changedOnCalcom() {
        return new ConflictException("interview_changed_on_calcom", "This booking was moved or cancelled on Cal.com a moment ago; "
                + "that change is on its way here. Look at the interview again in a moment.");
    }

    private record Asked(InterviewDetails details, TimeWindow window, ConflictCheck.GoogleQuestion question) {
    }

    private Interview.Applied rescheduled(Interview current, BookedMeeting m) {
        return current.rescheduledHere(m.uid(), m.icalUid(), m.start(), m.end(), m.meetingUrl(), m.meetingProvider(), m.awaitsHost(),
                clock.instant());
    }

    /** {@code reason}: what people are told as the change's reason (may be null). */
    private Uni<InterviewDetails> record(Actor actor, UUID id, String action, Function<Interview, Interview.Applied> change, String reason) {
        return tx.inTransaction(() -> interviews.store().find(id).chain(found -> {
            Interview current = found.orElseThrow(() -> Interviews.notFound(id));
            Interview.Applied applied = change.apply(current);
            if (applied.interview() == current) {
                // Cal.com's webhook was faster and told everyone already.
                return interviews.details(current);
            }
            return interviews.save(actor.id(), action, current, applied.interview())
                    .chain(saved -> interviews.announce(saved, applied.change(), clock.instant(), reason));
        }));
    }
}
