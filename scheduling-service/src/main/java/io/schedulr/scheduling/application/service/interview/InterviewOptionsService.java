package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.EventTypeOption;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.MemberSlots;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.Slot;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.SlotOptions;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.domain.BusyTimes;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.NotFoundException;
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
    private final ConflictCheck conflicts;

    public InterviewOptionsService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom) {
        this(tx, interviews, calcom, ConflictCheck.none());
    }

    public InterviewOptionsService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, ConflictCheck conflicts) {
        this.tx = tx;
        this.interviews = interviews;
        this.calcom = calcom;
        this.conflicts = conflicts;
    }

    private record Seen(Interview interview, List<String> team, List<TeamMember> members) {
    }

    @Override
    public Uni<TeamChoices> team(Actor actor, UUID interviewId, Instant from, Instant to) {
        TimeWindow range = range(from, to);
        return tx.reading(() -> interviews.visible(actor, interviewId)
                        .chain(interview -> interviews.members().list(false).map(members -> new Seen(interview, List.of(), members))))
                .chain(seen -> conflicts.busyTimesOfMembers(tx, seen.members().stream().map(TeamMember::email).toList(), range)
                        .map(busy -> new TeamChoices(zoneOf(seen.interview(), actor),
                                seen.members().stream().map(m -> new MemberAvailability(m, busy.get(m.email()))).toList())));
    }

    private static String zoneOf(Interview interview, Actor actor) {
        return interview.timeZone() != null ? interview.timeZone() : actor.person().zoneOrUtc();
    }

    /** {@code [from, to)}: both required, at most 62 days apart. */
    private static TimeWindow range(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidRequestException(from == null ? "invalid_from" : "invalid_to", "'from' and 'to' are required.");
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidRequestException("invalid_to", "'to' must be after 'from', at most 62 days later.");
        }
        return new TimeWindow(from, to);
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
    public Uni<SlotChoices> slots(Actor actor, UUID interviewId, long eventTypeId, Integer lengthInMinutes, Instant from, Instant to,
                                  boolean fitsCalendars) {
        TimeWindow range = range(from, to);
        // The team's addresses are read only when the times must fit their calendars.
        return tx.inTransaction(() -> interviews.visible(actor, interviewId).chain(interview -> (fitsCalendars
                        ? interviews.details(interview).map(InterviewDetails::teamAddresses) : Uni.createFrom().item(List.<String>of()))
                        .chain(team -> interviews.members().list(false).map(members -> new Seen(interview, team, members)))))
                .chain(seen -> {
                    Interview interview = seen.interview();
                    String zone = zoneOf(interview, actor);
                    Integer saved = interview.customDuration() && interview.eventTypeId() != null && interview.eventTypeId() == eventTypeId
                            ? interview.durationMinutes() : null;
                    Uni<SlotOptions> offered = (lengthInMinutes == null ? Uni.createFrom().item(saved) : offered(eventTypeId, lengthInMinutes))
                            .chain(length -> calcom.slots(eventTypeId, from, to, zone, length));
                    if (fitsCalendars) {
                        // A sent interview's own time is no clash for the times it may move to.
                        offered = offered.chain(options -> conflicts.teamBusyTimes(tx, actor.id(), actor.person().email(), seen.team(),
                                range, ConflictCheck.MovedInterview.ifBooked(interview)).map(busy -> fitting(options, busy)));
                    }
                    return offered.map(options -> new SlotChoices(options, byCalcomUser(seen.members())));
                });
    }

    /** The length asked for, when the type offers it (as the booking-type step would refuse it otherwise). */
    private Uni<Integer> offered(long eventTypeId, int minutes) {
        return calcom.eventTypes().map(types -> {
            EventTypeOption type = types.stream().filter(t -> t.id() == eventTypeId).findFirst().orElseThrow(() ->
                    new NotFoundException("event_type_not_found", "Cal.com offers no event type " + eventTypeId + "."));
            if (!type.offers(minutes)) {
                throw new InvalidRequestException("invalid_lengthInMinutes", EventTypeLengths.refusal(type, minutes));
            }
            return minutes;
        });
    }

    /** The options without the times that clash with {@code busy}: the send would refuse them. */
    private static SlotOptions fitting(SlotOptions options, List<TimeWindow> busy) {
        return new SlotOptions(options.eventTypeId(), options.timeZone(), options.everyHostAttends(), fitting(options.slots(), busy),
                options.members().stream().map(m -> new MemberSlots(m.member(), fitting(m.slots(), busy))).toList());
    }

    private static List<Slot> fitting(List<Slot> slots, List<TimeWindow> busy) {
        return slots.stream().filter(s -> BusyTimes.clashingWith(new TimeWindow(s.start(), s.end()), busy).isEmpty()).toList();
    }
}
