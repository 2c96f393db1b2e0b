package io.schedulr.calcom.domain.booking;

import java.util.List;

/**
 * When an event type can be booked in a time window, and by whom: each member who hosts it with the slots that member
 * can attend. Cal.com computes slots per event type: for a collective event type a slot is free only when every host is,
 * so every host has every slot; for a round-robin one at least one host is free, which Cal.com does not name, so each
 * host is listed with the event type's slots and {@code everyHostAttends} is false.
 */
public record Availability(long eventTypeId, String timeZone, String schedulingType, boolean everyHostAttends, List<Slot> slots,
                           List<MemberSlots> members) {
    public Availability {
        slots = List.copyOf(slots);
        members = List.copyOf(members);
    }

    public record MemberSlots(EventType.Host member, List<Slot> slots) {
        public MemberSlots {
            slots = List.copyOf(slots);
        }
    }

    /** Availability of an event type given its free slots: a collective one's hosts all attend each slot. */
    public static Availability of(EventType type, String timeZone, List<Slot> slots) {
        boolean collective = "collective".equals(type.schedulingType());
        List<MemberSlots> members = type.hosts().stream().map(h -> new MemberSlots(h, slots)).toList();
        return new Availability(type.id(), timeZone, type.schedulingType(), collective || type.hosts().size() <= 1, slots, members);
    }
}
