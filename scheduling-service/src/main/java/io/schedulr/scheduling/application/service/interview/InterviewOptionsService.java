package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.EventTypeOption;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public class InterviewOptionsService implements InterviewOptionsUseCase {
    static final Duration MAX_RANGE = Duration.ofDays(62);

    private final UnitOfWork tx;
    private final Interviews interviews;
    private final CalcomGatewayPort calcom;

    public InterviewOptionsService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom) {
        this.tx = tx;
        this.interviews = interviews;
        this.calcom = calcom;
    }

    private record Seen(Interview interview, List<TeamMember> members) {
    }

    @Override
    public Uni<EventTypeChoices> eventTypes(Actor actor, UUID interviewId) {
        return tx.inTransaction(() -> interviews.visible(actor, interviewId).chain(ignored -> interviews.members().list(false)))
                .chain(members -> calcom.eventTypes().map(types -> new EventTypeChoices(types, byCalcomUser(members))));
    }

    private static Map<Long, TeamMember> byCalcomUser(List<TeamMember> members) {
        Map<Long, TeamMember> byUser = new HashMap<>();
        members.stream().filter(m -> m.calcomUserId() != null).forEach(m -> byUser.put(m.calcomUserId(), m));
        return byUser;
    }

    @Override
    public Uni<SlotChoices> slots(Actor actor, UUID interviewId, long eventTypeId, Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidRequestException(from == null ? "invalid_from" : "invalid_to", "'from' and 'to' are required.");
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidRequestException("invalid_to", "'to' must be after 'from', at most 62 days later.");
        }
        return tx.inTransaction(() -> interviews.visible(actor, interviewId).chain(interview ->
                        interviews.members().list(false).map(members -> new Seen(interview, members))))
                .chain(seen -> {
                    Interview interview = seen.interview();
                    List<TeamMember> members = seen.members();
                    String zone = interview.timeZone() != null ? interview.timeZone() : actor.person().timeZone();
                    Integer length = interview.customDuration() && interview.eventTypeId() != null && interview.eventTypeId() == eventTypeId
                            ? interview.durationMinutes() : null;
                    return calcom.slots(eventTypeId, from, to, zone, length).map(options -> new SlotChoices(options, byCalcomUser(members)));
                });
    }
}
