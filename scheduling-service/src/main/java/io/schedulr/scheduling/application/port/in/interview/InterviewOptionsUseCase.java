package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.EventTypeOption;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.SlotOptions;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Step 2's choice: the active team members and when each is busy. Step 3's choices, from Cal.com through calcom-gateway:
 * event types, and free slots with each member's availability.
 */
public interface InterviewOptionsUseCase {
    /**
     * The active team members, each with their busy times in {@code [from, to)} (at most 62 days): their sessions and
     * interviews here and their Google calendars when they are connected.
     */
    Uni<TeamChoices> team(Actor actor, UUID interviewId, Instant from, Instant to);

    /** The members, with the zone to show the times in: the interview's, or the viewer's while it has none. */
    record TeamChoices(String timeZone, List<MemberAvailability> members) {
    }

    record MemberAvailability(TeamMember member, ConflictCheck.MemberBusy busy) {
    }

    Uni<EventTypeChoices> eventTypes(Actor actor, UUID interviewId);

    /** The event types, and our team members by Cal.com user id (to name the hosts). */
    record EventTypeChoices(List<EventTypeOption> types, Map<Long, TeamMember> membersByCalcomUser) {
    }

    /**
     * @param lengthInMinutes a length the type offers, for times that long; null: the length saved for this type (a custom
     *                        one chosen before), else the type's own
     * @param to              exclusive; at most 62 days after {@code from}
     * @param fitsCalendars   leave out the times that clash with the team's calendars, which the send would refuse
     */
    Uni<SlotChoices> slots(Actor actor, UUID interviewId, long eventTypeId, Integer lengthInMinutes, Instant from, Instant to,
                           boolean fitsCalendars);

    /** The slots, in the interview's zone (or the viewer's while it has none), and our team members by Cal.com user id. */
    record SlotChoices(SlotOptions options, Map<Long, TeamMember> membersByCalcomUser) {
    }
}
