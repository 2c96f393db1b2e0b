package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase.SlotChoices;
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

    public static List<EventType> eventTypes(List<CalcomGatewayPort.EventTypeOption> types, Map<Long, TeamMember> members) {
        return types.stream().map(t -> new EventType(t.id(), t.title(), t.description(), t.lengthInMinutes(),
                t.lengths(),
                t.hosts().stream().map(h -> host(h, members)).toList())).toList();
    }

    public static Slots slots(SlotChoices choices) {
        CalcomGatewayPort.SlotOptions o = choices.options();
        ZoneId zone;
        try {
            zone = ZoneId.of(o.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            zone = ZoneId.of("UTC");
        }
        ZoneId z = zone;
        return new Slots(o.eventTypeId(), z.getId(), o.everyHostAttends(), slotList(o.slots(), z),
                o.members().stream().map(m -> new MemberSlots(host(m.member(), choices.membersByCalcomUser()), slotList(m.slots(), z))).toList());
    }

    private static Host host(CalcomGatewayPort.Host h, Map<Long, TeamMember> members) {
        TeamMember m = members.get(h.userId());
        return new Host(h.userId(), h.name(), m == null ? null : new Member(m.id(), m.name(), m.role()));
    }

    private static List<Slot> slotList(List<CalcomGatewayPort.Slot> slots, ZoneId zone) {
        return slots.stream().map(s -> new Slot(s.start().atZone(zone).toOffsetDateTime(), s.end().atZone(zone).toOffsetDateTime())).toList();
    }
}
