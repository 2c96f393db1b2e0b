package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.ApplyCalcomBookingUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.InterviewOrigin;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public class ApplyCalcomBookingService implements ApplyCalcomBookingUseCase {
    /** The actor of changes that came from Cal.com, in the audit trail. */
    static final String CALCOM_ACTOR = "calcom";

    private final UnitOfWork tx;
    private final Interviews interviews;
    private final Clock clock;

    public ApplyCalcomBookingService(UnitOfWork tx, Interviews interviews, Clock clock) {
        this.tx = tx;
        this.interviews = interviews;
        this.clock = clock;
    }

    @Override
    public Uni<Result> apply(CalcomBookingChange change) {
        return tx.inTransaction(() -> find(change).chain(found -> {
            Instant now = clock.instant();
            if (found.interview().isEmpty()) {
                return record(change, found.namedIdTaken(), now);
            }
            Interview before = found.interview().get();
            Interview.Applied applied = before.apply(change, now);
            if (applied.interview() == before) {
                return Uni.createFrom().item(new Result(before.id(), InterviewChange.NONE, false));
            }
            String action = "calcom_" + change.kind().name().toLowerCase(Locale.ROOT);
            return interviews.save(CALCOM_ACTOR, action, before, applied.interview()).chain(saved -> before.origin() == InterviewOrigin.FLOW
                            ? interviews.announce(saved, applied.change(), now).replaceWithVoid() : Uni.createFrom().voidItem())
                    .map(ignored -> new Result(before.id(), applied.change(), false));
        }));
    }

    /** The interview a change is about, if any; whether the interview id its metadata names belongs to another one. */
    private record Found(Optional<Interview> interview, boolean namedIdTaken) {
    }

    private Uni<Found> find(CalcomBookingChange change) {
        List<String> uids = new ArrayList<>();
        if (change.uid() != null) {
            uids.add(change.uid());
        }
        if (change.previousUid() != null) {
            uids.add(change.previousUid());
        }
        Uni<Optional<Interview>> byCalcom = interviews.store().findByCalcom(change.icalUid(), uids);
        if (change.interviewId() == null) {
            return byCalcom.map(found -> new Found(found, false));
        }
        return interviews.store().find(change.interviewId()).chain(named -> named.isPresent() && named.get().concerns(change)
                ? Uni.createFrom().item(new Found(named, false)) : byCalcom.map(found -> new Found(found, named.isPresent())));
    }

    /**
     * A booking made on Cal.com directly: recorded, its host as primary interviewer when they are on our team; under the
     * interview id its metadata names unless that is another interview's.
     */
    private Uni<Result> record(CalcomBookingChange change, boolean namedIdTaken, Instant now) {
        Uni<Optional<TeamMember>> host = change.people().isEmpty() || change.people().get(0).email() == null
                ? Uni.createFrom().item(Optional.empty()) : interviews.members().findByEmail(change.people().get(0).email());
        return host.chain(member -> {
            UUID id = change.interviewId() != null && !namedIdTaken ? change.interviewId() : UUID.randomUUID();
            Interview recorded = Interview.fromCalcom(id, change, member.map(TeamMember::id).orElse(null), now);
            return interviews.save(CALCOM_ACTOR, "recorded_from_calcom", null, recorded)
                    .map(saved -> new Result(saved.id(), InterviewChange.NONE, true));
        });
    }
}
