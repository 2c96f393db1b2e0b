package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.in.interview.SendInterviewUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.BookedMeeting;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.BookingRequest;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.smallrye.mutiny.Uni;

import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.domain.TimeWindow;

import java.time.Clock;
import java.util.List;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends an interview in three steps: claim the draft (one send at a time), book on Cal.com outside any transaction, then
 * record the booking and invite everyone. When Cal.com's answer is definite and negative the claim is released at once;
 * when the outcome is unknown the claim holds for {@link Interview#SEND_LEASE}, and the booking, if it was made, arrives
 * by webhook and is adopted by the draft (see {@link Interview#apply}) — so a lost answer never books twice.
 */
public class SendInterviewService implements SendInterviewUseCase {
    private final UnitOfWork tx;
    private final Interviews interviews;
    private final CalcomGatewayPort calcom;
    private final ConflictCheck conflicts;
    private final Clock clock;

    public SendInterviewService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, Clock clock) {
        this(tx, interviews, calcom, ConflictCheck.none(), clock);
    }

    public SendInterviewService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, ConflictCheck conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.tx = tx;
        this.interviews = interviews;
        this.calcom = calcom;
        this.clock = clock;
    }

    private record Claim(InterviewDetails details, boolean fresh, List<String> warnings) {
    }

    @Override
    public Uni<InterviewDetails> send(Actor actor, UUID interviewId, boolean allowOwnConflicts) {
        // The team's Google calendars are asked before the transaction, so a slow Google holds no connection; the
        // transaction uses the answers when the interview still has the same team and time (else it asks again).
        return tx.reading(() -> interviews.editable(actor, interviewId).chain(before -> before.startSending(actor.id(), clock.instant()) == before
                        ? Uni.createFrom().item((ConflictCheck.GoogleQuestion) null)
                        : interviews.details(before).chain(d -> question(actor, d, allowOwnConflicts))))
                .chain(question -> question == null ? Uni.createFrom().item((ConflictCheck.GoogleAnswers) null) : conflicts.ask(question))
                .chain(answers -> tx.inTransaction(() -> interviews.editable(actor, interviewId).chain(before -> {
                    Interview claimed = before.startSending(actor.id(), clock.instant());
                    if (claimed == before) {
                        return interviews.details(before).map(d -> new Claim(d, false, List.of()));
                    }
                    return interviews.details(before).chain(d -> clashFree(actor, d, allowOwnConflicts, answers))
                            .chain(warnings -> interviews.save(actor.id(), "sending", before, claimed).chain(interviews::details)
                                    .map(d -> new Claim(d, true, warnings)));
                })))
                .chain(claim -> claim.fresh() ? book(actor, claim.details()).map(d -> d.withWarnings(claim.warnings()))
                        : Uni.createFrom().item(claim.details()));
    }

    /** Whose Google calendars the sending asks about (null: the interview has no time yet, nothing to ask). */
    private Uni<ConflictCheck.GoogleQuestion> question(Actor actor, InterviewDetails d, boolean allowOwnConflicts) {
        Interview i = d.interview();
        if (i.startAt() == null || i.endAt() == null) {
            return Uni.createFrom().item((ConflictCheck.GoogleQuestion) null);
        }
        return conflicts.prepareForTeam(actor.id(), actor.person().email(), allowOwnConflicts, new TimeWindow(i.startAt(), i.endAt()), d.teamAddresses());
    }

    /** The team's booked sessions here and the sender's own Google calendars, at the interview's time. */
    private Uni<List<String>> clashFree(Actor actor, InterviewDetails d, boolean allowOwnConflicts, ConflictCheck.GoogleAnswers answers) {
        Interview i = d.interview();
        if (i.startAt() == null || i.endAt() == null) {
            return Uni.createFrom().item(List.of());
        }
        return conflicts.requireForTeam(actor.id(), actor.person().email(), allowOwnConflicts, new TimeWindow(i.startAt(), i.endAt()), d.teamAddresses(),
                answers);
    }

    private Uni<InterviewDetails> book(Actor actor, InterviewDetails d) {
        Interview interview = d.interview();
        return calcom.book(request(d))
                .onFailure(CalcomGatewayException.class).call(e -> ((CalcomGatewayException) e).definite() ? release(actor, interview.id())
                        : Uni.createFrom().voidItem())
                .chain(booked -> tx.inTransaction(() -> record(actor, interview.id(), booked)));
    }

    private static BookingRequest request(InterviewDetails d) {
        Interview i = d.interview();
        return new BookingRequest(i.id().toString(), i.eventTypeId(), i.startAt(), i.customDuration() ? i.durationMinutes() : null,
                new CalcomGatewayPort.Attendee(d.contact().name(), d.contact().email(), i.timeZone()),
                i.guests().stream().map(Guest::email).filter(e -> !e.equalsIgnoreCase(d.contact().email())).toList());
    }

    private Uni<InterviewDetails> record(Actor actor, UUID id, BookedMeeting booked) {
        Instant now = clock.instant();
        return interviews.store().find(id).chain(found -> {
            Interview current = found.orElseThrow(() -> Interviews.notFound(id));
            Interview sent = current.scheduled(booked.uid(), booked.icalUid(), booked.start(), booked.end(), booked.meetingUrl(),
                    booked.meetingProvider(), booked.awaitsHost(), now);
            if (sent == current) {
                // Cal.com's webhook was faster and the draft adopted the booking already.
                return interviews.details(current);
            }
            return interviews.save(actor.id(), "sent", current, sent).chain(saved -> interviews.announce(saved, InterviewChange.SCHEDULED, now));
        });
    }

    private Uni<Void> release(Actor actor, UUID id) {
        return tx.inTransaction(() -> interviews.store().find(id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Interview released = found.get().sendFailed(clock.instant());
            return released == found.get() ? Uni.createFrom().voidItem()
                    : interviews.save(actor.id(), "send_failed", found.get(), released).replaceWithVoid();
        })).onFailure().recoverWithNull().replaceWithVoid();
    }
}
