package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase.SlotChoices;
import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase.TeamChoices;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 3's choices as JSON: event types, and slots with each member's availability (our team member when we know them). */
public final class InterviewOptionsResponse {
    private InterviewOptionsResponse() {
    }

    public record Member(UUID id, String name, String role) {
    }

    public record Host(long calcomUserId, String name, Member teamMember) {
    }

    @Schema(description = "A Cal.com event type, with the hosts that offer it (our team member when linked).")
    public record EventType(long id, String title, String description, int lengthInMinutes, List<Integer> lengthOptions, List<Host> hosts) {
    }

    public record Slot(OffsetDateTime start, OffsetDateTime end) {
    }

    public record MemberSlots(Host member, List<Slot> slots) {
    }

    @Schema(description = "Free start times of an event type, overall and per host, in the interview's zone.")
    public record Slots(long eventTypeId, String timeZone, boolean everyHostAttends, List<Slot> slots, List<MemberSlots> members) {
    }

    @Schema(description = "An active team member, with when they are busy (their sessions and interviews here, and their Google "
            + "calendars when googleCalendar is read).")
    public record MemberAvailability(UUID id, String name, String role, List<Slot> busy,
                                     @Schema(enumeration = {"read", "not_connected", "not_answering", "not_checked"},
                                             description = "read: Google's busy times are in; not_connected: the member has no "
                                                     + "connected calendar here; not_answering: Google did not answer now; "
                                                     + "not_checked: this service runs without the clash check.")
                                     String googleCalendar) {
    }

    @Schema(description = "Step 2's choice: the active team members and when each is busy, in the interview's zone.")
    public record Team(String timeZone, List<MemberAvailability> members) {
    }

    public static Team team(TeamChoices choices) {
        ZoneId zone = zone(choices.timeZone());
        return new Team(zone.getId(), choices.members().stream().map(m -> new MemberAvailability(m.member().id(), m.member().name(),
                m.member().role(), m.busy().busy().stream().map(b -> slot(b.start(), b.end(), zone)).toList(),
                googleCalendar(m.busy().google()))).toList());
    }

    private static String googleCalendar(ConflictCheck.GoogleCalendar google) {
        return switch (google) {
            case READ -> "read";
            case NOT_CONNECTED -> "not_connected";
            case NOT_ANSWERING -> "not_answering";
            case NOT_CHECKED -> "not_checked";
        };
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Slot slot(java.time.Instant start, java.time.Instant end, ZoneId zone) {
        return new Slot(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime());
    }

    public static List<EventType> eventTypes(List<CalcomGatewayPort.EventTypeOption> types, Map<Long, TeamMember> members) {
        return types.stream().map(t -> new EventType(t.id(), t.title(), t.description(), t.lengthInMinutes(),
                t.lengths(),
                t.hosts().stream().map(h -> host(h, members)).toList())).toList();
    }

    public static Slots slots(SlotChoices choices) {
        CalcomGatewayPort.SlotOptions o = choices.options();
        ZoneId z = zone(o.timeZone());
        return new Slots(o.eventTypeId(), z.getId(), o.everyHostAttends(), slotList(o.slots(), z),
                o.members().stream().map(m -> new MemberSlots(host(m.member(), choices.membersByCalcomUser()), slotList(m.slots(), z))).toList());
    }

    private static Host host(CalcomGatewayPort.Host h, Map<Long, TeamMember> members) {
        TeamMember m = members.get(h.userId());
        return new Host(h.userId(), h.name(), m == null ? null : new Member(m.id(), m.name(), m.role()));
    }

    private static List<Slot> slotList(List<CalcomGatewayPort.Slot> slots, ZoneId zone) {
        return slots.stream().map(s -> slot(s.start(), s.end(), zone)).toList();
    }
}
